import type { Db } from "../../db/kysely";
import { sendNotice } from "~/email/email.server";
import { newJobEmail } from "~/email/messages.server";

/** Tells the flexjobber her profile was paused for the new job, and how to show it again. */
export async function noticeNewJob(db: Db, hireId: number): Promise<void> {
  const row = await db
    .selectFrom("hires as h")
    .innerJoin("users as u", "u.id", "h.userId")
    .select(["u.email", "u.name", "u.status"])
    .where("h.id", "=", hireId)
    .executeTakeFirst();
  if (row && row.status === "active") await sendNotice(db, newJobEmail({ to: row.email, name: row.name }));
}
