import { BetterSqlite3Adapter } from "@lucia-auth/adapter-sqlite";
import { Lucia, TimeSpan } from "lucia";
import { sqlite } from "../../db/client.server";
import type { Role, UserStatus } from "../../db/schema";
import { secureCookies } from "~/env.server";

// The only file that knows about lucia (no longer developed upstream), so it
// can be swapped for a few hand-written session functions without touching routes.
const adapter = new BetterSqlite3Adapter(sqlite, { user: "users", session: "sessions" });

export const lucia = new Lucia(adapter, {
  // Sliding expiry: a session unused for 14 days ends; lucia renews it when
  // less than half is left.
  sessionExpiresIn: new TimeSpan(14, "d"),
  sessionCookie: {
    name: "refleks_session",
    attributes: { secure: secureCookies(), sameSite: "lax" },
  },
  getSessionAttributes: (row) => ({ activityDay: row.activity_day }),
  getUserAttributes: (row) => ({
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    companyId: row.company_id,
    isCompanyAdmin: row.is_company_admin === 1,
  }),
});

/** Raw column names, as the adapter reads them. */
interface DatabaseUserAttributes {
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  company_id: number | null;
  is_company_admin: number;
}

interface DatabaseSessionAttributes {
  activity_day: string | null;
}

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: DatabaseUserAttributes;
    DatabaseSessionAttributes: DatabaseSessionAttributes;
  }
}
