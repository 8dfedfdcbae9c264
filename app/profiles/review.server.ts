import { addWeekdays, localDate } from "~/utils/dates";

import type { Db } from "../../db/kysely";

// The staff queue "Profiler til godkendelse".

/** The promise on "Profiler til godkendelse" and to the citizen: an answer within this many weekdays. */
export const REVIEW_WEEKDAYS = 3;

/** Sent more than REVIEW_WEEKDAYS weekdays ago (Danish days) and still waiting. */
export function reviewOverdue(submittedAt: string | null, now = new Date()): boolean {
  return submittedAt !== null && localDate(now) > addWeekdays(localDate(new Date(submittedAt)), REVIEW_WEEKDAYS);
}

export async function listProfilesToReview(db: Db, now = new Date()) {
  const rows = await db
    .selectFrom("profiles as p")
    .innerJoin("users as u", "u.id", "p.userId")
    .select(["p.userId", "p.alias", "p.headline", "p.submittedAt", "u.name"])
    .where("p.status", "=", "pending")
    .orderBy("p.submittedAt")
    .execute();
  return rows.map((r) => ({ ...r, overdue: reviewOverdue(r.submittedAt, now) }));
}

/** How many profiles wait, and how many of them longer than promised (Overblik). */
export async function reviewQueueCounts(db: Db, now = new Date()): Promise<{ waiting: number; overdue: number }> {
  const rows = await db.selectFrom("profiles").select("submittedAt").where("status", "=", "pending").execute();
  return { waiting: rows.length, overdue: rows.filter((r) => reviewOverdue(r.submittedAt, now)).length };
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
