import type { Db } from "../../db/kysely";

/**
 * The one status check at every door (login, every request with a session,
 * invitation accept, password reset): the account must be active and, for a
 * company user, the company approved. A suspended company locks out all its
 * users at once, whatever their own row says.
 */
export async function accountInGoodStanding(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("users as u")
    .leftJoin("companies as c", "c.id", "u.companyId")
    .select(["u.status", "u.companyId", "c.status as companyStatus"])
    .where("u.id", "=", userId)
    .executeTakeFirst();
  return row !== undefined && inGoodStanding(row);
}

/** The rule itself, for a row that already holds the account's and its company's status (the session read). */
export function inGoodStanding(row: { status: string; companyId: number | null; companyStatus: string | null }): boolean {
  if (row.status !== "active") return false;
  return row.companyId === null || row.companyStatus === "approved";
}

/** The same check for an invitation that would create an account in a company (null: no company). */
export async function companyMayJoin(db: Db, companyId: number | null): Promise<boolean> {
  if (companyId === null) return true;
  const company = await db.selectFrom("companies").select("status").where("id", "=", companyId).executeTakeFirst();
  return company?.status === "approved";
}
