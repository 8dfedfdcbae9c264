import type { Db } from "../../db/kysely";
import type { Role } from "../../db/schema";
import { audienceOfRole } from "./oidc-config.server";
import { DUMMY_HASH, verifyPassword } from "./password.server";
import { passwordsAllowedFor } from "./password-policy.server";
import { accountInGoodStanding } from "./standing.server";

export type LoginResult =
  | { status: "ok"; userId: string }
  | { status: "invalid" }
  | { status: "suspended" }
  /** Right password, but the municipality has switched passwords off for this kind of account. */
  | { status: "provider_only"; role: Role };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Every login attempt, whichever way (her data export lists them; erasure blanks her address in them). */
export async function recordLoginEvent(db: Db, event: { email: string; userId: string | null; succeeded: boolean; method: string }, now = new Date()): Promise<void> {
  await db
    .insertInto("loginEvents")
    .values({ email: event.email, userId: event.userId, succeeded: event.succeeded ? 1 : 0, method: event.method, createdAt: now.toISOString() })
    .execute();
}

export async function attemptLogin(db: Db, rawEmail: string, password: string, now = new Date()): Promise<LoginResult> {
  // Guessing is slowed and stopped by the rate limits of the login form (security/rate-limit.server.ts).
  const email = normalizeEmail(rawEmail);

  const user = await db.selectFrom("users").select(["id", "passwordHash", "status", "role"]).where("email", "=", email).executeTakeFirst();
  // Verify against a dummy hash for unknown emails so timing does not reveal who has an account.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  const passwordOk = Boolean(user && ok);
  // Only said after a right password, so it reveals nothing about who has an account.
  const providerOnly = passwordOk && user && !(await passwordsAllowedFor(db, audienceOfRole(user.role)));
  // A right password on a suspended account is no login: it is recorded as failed.
  const suspended = passwordOk && !providerOnly && user && !(await accountInGoodStanding(db, user.id));
  const succeeded = passwordOk && !providerOnly && !suspended;
  await recordLoginEvent(db, { email, userId: user?.id ?? null, succeeded, method: "password" }, now);
  if (!user || !passwordOk) return { status: "invalid" };
  if (providerOnly) return { status: "provider_only", role: user.role };
  if (suspended) return { status: "suspended" };
  return { status: "ok", userId: user.id };
}
