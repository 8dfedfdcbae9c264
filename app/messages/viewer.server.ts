import type { SessionUser } from "~/auth/session.server";

import type { Viewer } from "./threads.server";

/** The signed-in user as the threads rule sees them. */
export function viewerOf(user: SessionUser): Viewer {
  return { id: user.id, role: user.role, companyId: user.companyId };
}
