import type { Db } from "../../db/kysely";

const WEEK = 7 * 86_400_000;

/** Every company view of a profile is recorded, so the flexjobber can see who looked. */
export async function recordProfileView(db: Db, input: { profileUserId: string; companyId: number; viewerId: string }, now = new Date()): Promise<void> {
  await db
    .insertInto("profileViews")
    .values({ ...input, viewedAt: now.toISOString() })
    .execute();
}

/** "3 virksomheder har set din profil" (the last 7 days) and which ones. */
export async function recentProfileViewers(db: Db, profileUserId: string, now = new Date()): Promise<{ count: number; companies: string[] }> {
  const rows = await db
    .selectFrom("profileViews as v")
    .innerJoin("companies as c", "c.id", "v.companyId")
    .select("c.name")
    .distinct()
    .where("v.profileUserId", "=", profileUserId)
    .where("v.viewedAt", ">=", new Date(now.getTime() - WEEK).toISOString())
    .orderBy("c.name")
    .execute();
  return { count: rows.length, companies: rows.map((r) => r.name) };
}
