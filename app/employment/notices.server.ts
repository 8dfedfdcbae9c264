import { sendNotice } from "~/email/email.server";
import { newJobEmail } from "~/email/messages.server";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import { confirmHire } from "./employment.server";

/** Tells the flexjobber her profile was paused for the new job, and how to show it again. */
export async function noticeNewJob(db: Db, hireId: number): Promise<void> {
  const row = await db.selectFrom("hires as h").innerJoin("users as u", "u.id", "h.userId").select(["u.email", "u.name", "u.status"]).where("h.id", "=", hireId).executeTakeFirst();
  if (row && row.status === "active") await sendNotice(db, newJobEmail({ to: row.email, name: row.name }));
}

/** Staff confirm a hire a company marked; she hears that her new job is on record (and her profile paused). */
export async function confirmHireAndNotify(db: Db, input: { hireId: number; staffId: string; fromDate: string }, now = new Date()): Promise<"confirmed" | "not_found"> {
  return inTransaction(db, async (trx) => {
    const result = await confirmHire(trx, input, now);
    if (result === "confirmed") await noticeNewJob(trx, input.hireId);
    return result;
  });
}
