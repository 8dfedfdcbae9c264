import { newMessageEmail } from "~/email/messages.server";
import { appUrl } from "~/env.server";
import { notify } from "~/notifications/notifications.server";
import { companyInterest } from "~/openings/interests.server";
import { answerContactRequest, createContactRequest, type SendResult } from "~/profiles/contact.server";
import { noticeContactAnswer, noticeContactRequest } from "~/profiles/notices.server";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import { STAFF_ROLES } from "../../db/schema";
import { openInterestThread, postMessage, startJobcenterThread, startStaffThread, threadForAcceptedRequest, threadsFor, type Viewer } from "./threads.server";

// The notices of conversations, and the use cases that send them: what a
// person does, in one transaction with what it sets off (the emails leave
// once it has committed). Routes call the use cases; the steps they are made
// of (threads.server.ts) send nothing, so the demo and tests can use them.

/** A message in a conversation she may write in; the others hear of it. */
export async function postMessageAndNotify(db: Db, viewer: Viewer, threadId: number, body: string, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const result = await postMessage(trx, viewer, threadId, body, now);
    if (typeof result === "object") await noticeNewMessage(trx, threadId, viewer.id, now);
    return result;
  });
}

/** A flexjobber or company user writes to the jobcenter; returns the new conversation. */
export async function startJobcenterThreadAndNotify(db: Db, viewer: Viewer, input: { subject: string; body: string }, now = new Date()): Promise<number> {
  return inTransaction(db, async (trx) => {
    const id = await startJobcenterThread(trx, viewer, input, now);
    await noticeNewMessage(trx, id, viewer.id, now);
    return id;
  });
}

/** Staff write to a citizen or a company; null when there is no such active one. */
export async function startStaffThreadAndNotify(
  db: Db,
  staff: Viewer,
  to: { citizenId: string } | { companyId: number },
  input: { subject: string; body: string },
  now = new Date(),
): Promise<number | null> {
  return inTransaction(db, async (trx) => {
    const id = await startStaffThread(trx, staff, to, input, now);
    if (id !== null) await noticeNewMessage(trx, id, staff.id, now);
    return id;
  });
}

/**
 * A company answers a candidate's interest in one of its openings: a contact
 * request and the conversation about the opening at once (she stays anonymous
 * until she says yes), and she hears of it. All or nothing.
 */
export async function replyToInterest(
  db: Db,
  input: { companyId: number; sentBy: string; openingId: number; interestId: number; message: string },
  now = new Date(),
): Promise<{ kind: "sent"; threadId: number } | Exclude<SendResult, { kind: "sent" }>> {
  return inTransaction(db, async (trx) => {
    const interest = await companyInterest(trx, input.interestId, input.companyId);
    if (!interest || interest.openingId !== input.openingId) return "not_found";
    const sent = await createContactRequest(
      trx,
      { companyId: input.companyId, sentBy: input.sentBy, profileUserId: interest.userId, message: input.message, openingId: interest.openingId },
      now,
    );
    if (sent === "not_found" || sent.kind !== "sent") return sent;
    const threadId = await openInterestThread(trx, { interestId: interest.id, requestId: sent.requestId, authorId: input.sentBy, body: input.message }, now);
    await noticeContactRequest(trx, sent.requestId);
    return { kind: "sent", threadId };
  });
}

/** She answers a company's contact request; the company hears the answer, and a yes opens the conversation (its id). */
export async function answerContactRequestAndNotify(
  db: Db,
  input: { userId: string; requestId: number; answer: "accepted" | "declined" },
  now = new Date(),
): Promise<{ threadId: number | null } | "not_found"> {
  return inTransaction(db, async (trx) => {
    const result = await answerContactRequest(trx, input, now);
    if (result === "not_found") return result;
    await noticeContactAnswer(trx, input.requestId);
    return { threadId: input.answer === "accepted" ? await threadForAcceptedRequest(trx, input.requestId, now) : null };
  });
}

/**
 * A new message: every other member hears of it (as each chose: at once, in
 * the digest, or not by email). The notice names the conversation only,
 * never the writer, so it says nothing a page would not. Staff on a
 * jobcenter thread: those who have written in it, or all staff for a new one.
 */
export async function noticeNewMessage(db: Db, threadId: number, authorId: string, now = new Date()): Promise<void> {
  const t = await db.selectFrom("threads").select(["id", "kind", "subject", "companyId", "flexjobberId"]).where("id", "=", threadId).executeTakeFirst();
  if (!t) return;
  const candidates = new Set<string>();
  if (t.flexjobberId) candidates.add(t.flexjobberId);
  if (t.companyId !== null) {
    const colleagues = await db.selectFrom("users").select("id").where("companyId", "=", t.companyId).where("status", "=", "active").execute();
    for (const c of colleagues) candidates.add(c.id);
  }
  const consultants = await db.selectFrom("threadConsultants").select("userId").where("threadId", "=", t.id).execute();
  for (const c of consultants) candidates.add(c.userId);
  if (t.kind === "jobcenter") {
    const writers = await db
      .selectFrom("messages as m")
      .innerJoin("users as u", "u.id", "m.authorId")
      .select("u.id")
      .where("m.threadId", "=", t.id)
      .where("u.role", "in", STAFF_ROLES)
      .distinct()
      .execute();
    const staff = writers.length > 0 ? writers : await db.selectFrom("users").select("id").where("role", "in", STAFF_ROLES).where("status", "=", "active").execute();
    for (const s of staff) candidates.add(s.id);
  }
  candidates.delete(authorId);
  const link = `/beskeder/${t.id}`;
  for (const userId of candidates) {
    const user = await db.selectFrom("users").select(["id", "name", "email", "role", "companyId", "status"]).where("id", "=", userId).executeTakeFirst();
    if (!user || user.status !== "active") continue;
    // Only people the one thread rule lets in (a blocked company, a paused profile's company: no).
    const member = await threadsFor(db, { id: user.id, role: user.role, companyId: user.companyId }).select("t.id").where("t.id", "=", t.id).executeTakeFirst();
    if (!member) continue;
    await notify(
      db,
      {
        userId: user.id,
        kind: "message",
        title: `Ny besked: ${t.subject}`,
        link,
        email: newMessageEmail({ to: user.email, name: user.name, subject: t.subject, url: `${appUrl()}${link}` }),
      },
      now,
    );
  }
}
