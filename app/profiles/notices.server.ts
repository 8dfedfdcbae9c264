import { contactAnsweredEmail, contactRequestEmail, profileReviewedEmail } from "~/email/messages.server";
import { notify } from "~/notifications/notifications.server";
import { notifyStaffTask } from "~/notifications/staff.server";
import { announceNews } from "~/ops/news.server";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import { sendContactRequest, type SendResult } from "./contact.server";
import { publishProfile, type PublishResult } from "./profile.server";
import { approveProfile, returnProfile } from "./review.server";

// The notices of profile events, and the use cases that send them: what a
// person does, in one transaction with what it sets off (the emails leave
// once it has committed). Routes call the use cases; the steps they are made
// of send nothing, so the demo generator and tests of the rules can use them.

/** A company asks to get in touch with a candidate it found; she hears of it. */
export async function sendContactRequestAndNotify(
  db: Db,
  input: { companyId: number; sentBy: string; alias: string; message: string; openingId?: number | null },
  now = new Date(),
): Promise<SendResult> {
  return inTransaction(db, async (trx) => {
    const result = await sendContactRequest(trx, input, now);
    if (result !== "not_found" && result.kind === "sent") await noticeContactRequest(trx, result.requestId);
    return result;
  });
}

/** Staff approve a profile or send it back; she hears which, and an approved profile is news to saved searches. */
export async function reviewProfileAndNotify(
  db: Db,
  input: { userId: string; staffId: string } & ({ decision: "approve" } | { decision: "return"; reason: string }),
  now = new Date(),
): Promise<boolean> {
  const done = await inTransaction(db, async (trx) => {
    const reviewed =
      input.decision === "approve"
        ? await approveProfile(trx, { userId: input.userId, staffId: input.staffId }, now)
        : await returnProfile(trx, { userId: input.userId, reason: input.reason }, now);
    if (reviewed) await noticeProfileReviewed(trx, input.userId, now);
    return reviewed;
  });
  if (done && input.decision === "approve") announceNews("profile");
  return done;
}

/** She (or staff with her) sends the profile; sent for approval, her consultant (or all staff) hears of it. */
export async function publishProfileAndNotify(db: Db, userId: string, now = new Date(), witnessedBy: string | null = null): Promise<PublishResult> {
  return inTransaction(db, async (trx) => {
    const result = await publishProfile(trx, userId, now, witnessedBy);
    if (result === "submitted") {
      await notifyStaffTask(trx, { flexjobberId: userId, kind: "profile_to_approve", title: "En profil venter på godkendelse", link: "/godkendelse" }, now);
    }
    return result;
  });
}

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

/** To the flexjobber: her profile is approved (companies can find it now) or sent back with the reason; on the platform and as she chose. */
export async function noticeProfileReviewed(db: Db, userId: string, now = new Date()): Promise<void> {
  const row = await db
    .selectFrom("profiles as p")
    .innerJoin("users as u", "u.id", "p.userId")
    .select(["u.email", "u.name", "p.status", "p.returnReason"])
    .where("p.userId", "=", userId)
    .executeTakeFirst();
  if (!row || (row.status !== "approved" && row.status !== "returned")) return;
  const approved = row.status === "approved";
  await notify(
    db,
    {
      userId,
      kind: "profile_reviewed",
      title: approved ? "Din profil er godkendt. Virksomhederne kan nu finde den" : "Jobcentret har sendt din profil tilbage med en bemærkning",
      link: "/profil",
      email: profileReviewedEmail({ to: row.email, name: row.name, approved, reason: row.returnReason ?? undefined }),
    },
    now,
  );
}
