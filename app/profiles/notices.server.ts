import type { Db } from "../../db/kysely";
import { sendNotice } from "~/email/email.server";
import { notify } from "~/notifications/notifications.server";
import { contactAnsweredEmail, contactRequestEmail, profileReviewedEmail } from "~/email/messages.server";

// Heads-up emails after profile events. Called by the route actions (not the
// domain functions), so seeding and tests of the rules send nothing.

/** To the flexjobber: a company wants to get in touch (the message itself stays on the platform). */
export async function noticeContactRequest(db: Db, requestId: number): Promise<void> {
  const row = await db
    .selectFrom("contactRequests as r")
    .innerJoin("users as u", "u.id", "r.profileUserId")
    .innerJoin("companies as c", "c.id", "r.companyId")
    .select(["u.id", "u.email", "u.name", "c.name as companyName"])
    .where("r.id", "=", requestId)
    .executeTakeFirst();
  if (row) {
    await notify(db, {
      userId: row.id,
      kind: "contact_request",
      title: `${row.companyName} vil gerne i kontakt med dig`,
      link: "/beskeder",
      email: contactRequestEmail({ to: row.email, name: row.name, companyName: row.companyName }),
    });
  }
}

/** To the company user who asked: the answer, by alias only (identity is on the platform). */
export async function noticeContactAnswer(db: Db, requestId: number): Promise<void> {
  const row = await db
    .selectFrom("contactRequests as r")
    .innerJoin("users as s", "s.id", "r.sentBy")
    .innerJoin("profiles as p", "p.userId", "r.profileUserId")
    .select(["s.id", "s.email", "s.name", "p.alias", "r.status"])
    .where("r.id", "=", requestId)
    .executeTakeFirst();
  if (row && row.status !== "pending") {
    const accepted = row.status === "accepted";
    await notify(db, {
      userId: row.id,
      kind: "request_answer",
      title: accepted ? `${row.alias} har sagt ja` : `${row.alias} har svaret`,
      link: "/beskeder",
      email: contactAnsweredEmail({ to: row.email, name: row.name, alias: row.alias, accepted }),
    });
  }
}

export async function noticeProfileReviewed(db: Db, userId: string): Promise<void> {
  const row = await db
    .selectFrom("profiles as p")
    .innerJoin("users as u", "u.id", "p.userId")
    .select(["u.email", "u.name", "p.status", "p.returnReason"])
    .where("p.userId", "=", userId)
    .executeTakeFirst();
  if (!row || (row.status !== "approved" && row.status !== "returned")) return;
  await sendNotice(db, profileReviewedEmail({ to: row.email, name: row.name, approved: row.status === "approved", reason: row.returnReason ?? undefined }));
}
