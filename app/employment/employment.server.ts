import { pauseForNewJob } from "~/profiles/profile.server";
import { localDate } from "~/utils/dates";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import type { EmploymentSource, EmploymentStatusValue } from "../../db/schema";

// EmploymentStatus history (ledig / i_fleksjob / andet from a date) and the
// hires from the platform that staff confirm into it.

export async function recordEmploymentStatus(
  db: Db,
  input: { userId: string; status: EmploymentStatusValue; fromDate: string; source: EmploymentSource; recordedBy: string; hireId?: number },
  now = new Date(),
): Promise<void> {
  await db
    .insertInto("employmentStatuses")
    .values({ ...input, hireId: input.hireId ?? null, createdAt: now.toISOString() })
    .execute();
}

/** The status that holds on a local day: the latest from-date on or before it. */
export async function employmentStatusOn(db: Db, userId: string, day = localDate()): Promise<EmploymentStatusValue | null> {
  const row = await db
    .selectFrom("employmentStatuses")
    .select("status")
    .where("userId", "=", userId)
    .where("fromDate", "<=", day)
    .orderBy("fromDate", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.status ?? null;
}

/** "Til bekræftelse": hires companies marked, waiting for staff. */
export async function listHiresToConfirm(db: Db) {
  return db
    .selectFrom("hires as h")
    .innerJoin("users as u", "u.id", "h.userId")
    .innerJoin("companies as c", "c.id", "h.companyId")
    .leftJoin("openings as o", "o.id", "h.openingId")
    .leftJoin("users as k", "k.id", "u.consultantId")
    .select(["h.id", "h.markedAt", "u.id as userId", "u.name", "c.name as companyName", "o.title as openingTitle", "k.name as consultantName", "u.consultantId"])
    .where("h.confirmedAt", "is", null)
    .where("h.cancelledAt", "is", null)
    .orderBy("h.markedAt")
    .execute();
}

/** Staff confirm a hire: the flexjobber is i_fleksjob from the given day, source "platform". */
export async function confirmHire(db: Db, input: { hireId: number; staffId: string; fromDate: string }, now = new Date()): Promise<"confirmed" | "not_found"> {
  return inTransaction(db, async (trx) => {
    const hire = await trx
      .selectFrom("hires")
      .select(["id", "userId"])
      .where("id", "=", input.hireId)
      .where("confirmedAt", "is", null)
      .where("cancelledAt", "is", null)
      .executeTakeFirst();
    if (!hire) return "not_found";
    await trx.updateTable("hires").set({ confirmedAt: now.toISOString(), confirmedBy: input.staffId }).where("id", "=", hire.id).execute();
    await recordEmploymentStatus(trx, { userId: hire.userId, status: "i_fleksjob", fromDate: input.fromDate, source: "platform", recordedBy: input.staffId, hireId: hire.id }, now);
    const profile = await trx.selectFrom("profiles").select("userId").where("userId", "=", hire.userId).executeTakeFirst();
    if (profile) await pauseForNewJob(trx, hire.userId, now);
    return "confirmed";
  });
}

/** Whether staff have confirmed a hire of this flexjobber (and not undone it). */
export async function hasConfirmedHire(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom("hires").select("id").where("userId", "=", userId).where("confirmedAt", "is not", null).where("cancelledAt", "is", null).executeTakeFirst();
  return row !== undefined;
}

/** Staff found the hire did not happen (e.g. marked by mistake). */
export async function dismissHire(db: Db, hireId: number, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable("hires")
    .set({ cancelledAt: now.toISOString() })
    .where("id", "=", hireId)
    .where("confirmedAt", "is", null)
    .where("cancelledAt", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A citizen's status history, newest first, for staff. */
export async function employmentHistory(db: Db, userId: string) {
  return db
    .selectFrom("employmentStatuses")
    .select(["id", "status", "fromDate", "source"])
    .where("userId", "=", userId)
    .orderBy("fromDate", "desc")
    .orderBy("id", "desc")
    .execute();
}
