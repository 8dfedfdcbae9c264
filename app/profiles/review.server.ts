import type { Db } from "../../db/kysely";

// The staff queue "Profiler til godkendelse".

export async function listProfilesToReview(db: Db) {
  return db
    .selectFrom("profiles as p")
    .innerJoin("users as u", "u.id", "p.userId")
    .select(["p.userId", "p.alias", "p.headline", "p.submittedAt", "u.name"])
    .where("p.status", "=", "pending")
    .orderBy("p.submittedAt")
    .execute();
}

export async function approveProfile(db: Db, input: { userId: string; staffId: string }, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable("profiles")
    .set({ status: "approved", approvedAt: now.toISOString(), approvedBy: input.staffId, returnReason: null })
    .where("userId", "=", input.userId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Sends the profile back to the flexjobber with a reason they read on "Min profil". */
export async function returnProfile(db: Db, input: { userId: string; reason: string }, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable("profiles")
    .set({ status: "returned", returnReason: input.reason, returnedAt: now.toISOString() })
    .where("userId", "=", input.userId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
