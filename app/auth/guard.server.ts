import { redirect } from "@remix-run/node";

import { forbidden as forbiddenResponse } from "~/utils/http-errors.server";

import type { Role } from "../../db/schema";
import { isStaffRole } from "../../db/schema";
import { STAFF_ROLES } from "../../db/schema";
import { type SessionUser, validateRequest } from "./session.server";

export { STAFF_ROLES }; // defined beside Role, so areas below auth name it too

/**
 * The one role guard every loader and action calls.
 * Not signed in → redirect to /login with a return path; wrong role → 403.
 */
export async function requireUser(request: Request, { roles }: { roles?: readonly Role[] } = {}): Promise<SessionUser> {
  const auth = await validateRequest(request);
  if (!auth) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  if (roles && !roles.includes(auth.user.role)) forbidden();
  return auth.user;
}

/** Throws the 403 that the root error boundary shows in Danish. */
export function forbidden(): never {
  throw forbiddenResponse();
}

/** A company user who may manage the company's own users. */
export async function requireCompanyAdmin(request: Request): Promise<SessionUser & { companyId: number }> {
  const user = await requireCompanyUser(request);
  if (!user.isCompanyAdmin) forbidden();
  return user;
}

/** A signed-in user of a company (every company-facing page needs the company id). */
export async function requireCompanyUser(request: Request): Promise<SessionUser & { companyId: number }> {
  const user = await requireUser(request, { roles: ["company"] });
  if (user.companyId === null) forbidden();
  return { ...user, companyId: user.companyId };
}

export function isStaff(user: { role: Role }): boolean {
  return isStaffRole(user.role);
}
