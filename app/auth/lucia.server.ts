import { Lucia, TimeSpan } from "lucia";

import { secureCookies } from "~/env.server";

import { db } from "../../db/client.server";
import type { CompanyStatus, Role, UserStatus } from "../../db/schema";
import { sessionStore } from "./session-store.server";

// The only file that knows about lucia (no longer developed upstream), so it
// can be swapped for a few hand-written session functions without touching routes.
export const lucia = new Lucia(sessionStore(db), {
  // Sliding expiry: a session unused for 14 days ends; lucia renews it when
  // less than half is left.
  sessionExpiresIn: new TimeSpan(14, "d"),
  sessionCookie: {
    name: "refleks_session",
    attributes: { secure: secureCookies(), sameSite: "lax" },
  },
  getSessionAttributes: (row) => ({ activityDay: row.activityDay }),
  getUserAttributes: (row) => ({
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    companyId: row.companyId,
    isCompanyAdmin: row.isCompanyAdmin === 1,
    companyStatus: row.companyStatus,
  }),
});

/** The user's columns the session store reads with the session. */
interface DatabaseUserAttributes {
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  companyId: number | null;
  isCompanyAdmin: number;
  /** The status of the user's company (null without one): read with the session for the standing check. */
  companyStatus: CompanyStatus | null;
}

interface DatabaseSessionAttributes {
  activityDay: string | null;
  /** Set for a login through an identity provider: its audience, and the ID token for logging out there. */
  loginMethod?: string | null;
  idToken?: string | null;
}

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: DatabaseUserAttributes;
    DatabaseSessionAttributes: DatabaseSessionAttributes;
  }
}
