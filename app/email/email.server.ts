import { paginate } from "~/utils/paging";

import { afterCommit, type Db } from "../../db/kysely";
import type { Channel, EmailKind } from "../../db/schema";
import { transmitSms } from "./sms-transport.server";
import { DeliveryError, type EmailMessage, transmit } from "./transport.server";

export { DeliveryError, type EmailMessage };

/** Tries before an email is left for staff to resend, and the wait before the first retry (doubling after). */
export const MAX_ATTEMPTS = 5;
const FIRST_RETRY_MS = 60_000;
/** A "sending" row older than this was cut off by a crash: staff decide, so nothing is sent twice. */
const STUCK_MS = 10 * 60_000;

export interface QueueMeta {
  kind: EmailKind;
  invitationId?: number;
  companyId?: number;
}

/**
 * Puts an email in the queue. Call it with the transaction of the change that
 * causes the email, so both are saved or neither; then `deliverQueued` after
 * the commit (or leave it to the server's worker).
 */
export async function queueEmail(db: Db, message: EmailMessage, meta: QueueMeta, now = new Date()): Promise<number> {
  return enqueue(db, { channel: "email", to: message.to, subject: message.subject, body: message.text, ...meta }, now);
}

/**
 * Puts an SMS in the same queue (same retries, same staff list). `to` is the
 * phone number as the gateway wants it (smsNumber()); `text` the short notice.
 */
export async function queueSms(db: Db, message: { to: string; text: string }, now = new Date()): Promise<number> {
  return enqueue(db, { channel: "sms", to: message.to, subject: "SMS", body: message.text, kind: "notice" }, now);
}

async function enqueue(db: Db, item: QueueMeta & { channel: Channel; to: string; subject: string; body: string }, now: Date): Promise<number> {
  const row = await db
    .insertInto("emailQueue")
    .values({
      channel: item.channel,
      toAddress: item.to,
      subject: item.subject,
      body: item.body,
      kind: item.kind,
      invitationId: item.invitationId ?? null,
      companyId: item.companyId ?? null,
      nextAttemptAt: now.toISOString(),
      lastError: null,
      createdAt: now.toISOString(),
      sentAt: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Sends the queued emails now (after the commit). Each is claimed first, so
 * two callers never send the same email; a failure schedules a retry with
 * backoff, and after MAX_ATTEMPTS the email waits for staff ("Ikke sendt").
 * Returns how many were sent.
 */
export async function deliverQueued(db: Db, ids: number[], now = new Date()): Promise<number> {
  let sent = 0;
  for (const id of ids) {
    const claimed = await db
      .updateTable("emailQueue")
      .set({ status: "sending", nextAttemptAt: now.toISOString() })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .returning(["channel", "toAddress", "subject", "body", "attempts"])
      .executeTakeFirst();
    if (!claimed) continue;
    try {
      if (claimed.channel === "sms") await transmitSms({ to: claimed.toAddress, text: claimed.body });
      else await transmit({ to: claimed.toAddress, subject: claimed.subject, text: claimed.body });
      await db
        .updateTable("emailQueue")
        .set({ status: "sent", sentAt: new Date().toISOString(), body: "", lastError: null, attempts: claimed.attempts + 1 })
        .where("id", "=", id)
        .execute();
      sent++;
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      const attempts = claimed.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      console.warn(`[${claimed.channel}] "${claimed.subject}" not sent (attempt ${attempts}): ${error.message}`);
      await db
        .updateTable("emailQueue")
        .set({
          status: giveUp ? "failed" : "pending",
          attempts,
          lastError: error.message,
          nextAttemptAt: new Date(now.getTime() + FIRST_RETRY_MS * 2 ** (attempts - 1)).toISOString(),
        })
        .where("id", "=", id)
        .execute();
    }
  }
  return sent;
}

/** The worker's round: every email whose time has come; a crash-stuck one goes to staff. */
export async function deliverDueEmails(db: Db, now = new Date()): Promise<number> {
  await db
    .updateTable("emailQueue")
    .set({ status: "failed", lastError: "Afbrudt under afsendelse. Tjek om modtageren har fået den, før du sender igen." })
    .where("status", "=", "sending")
    .where("nextAttemptAt", "<", new Date(now.getTime() - STUCK_MS).toISOString())
    .execute();
  const due = await db.selectFrom("emailQueue").select("id").where("status", "=", "pending").where("nextAttemptAt", "<=", now.toISOString()).orderBy("id").limit(50).execute();
  return deliverQueued(
    db,
    due.map((r) => r.id),
    now,
  );
}

/** Queues and tries at once; for use outside a transaction. Never throws for a mail outage. */
export async function sendEmail(db: Db, message: EmailMessage, meta: QueueMeta): Promise<{ sent: boolean }> {
  const id = await queueEmail(db, message, meta);
  return { sent: (await deliverQueued(db, [id])) === 1 };
}

/**
 * For heads-up emails ("a company wants to talk to you"): the action they
 * follow has already happened and is visible on the platform; the queue
 * retries a failed send, so the user is not told about it.
 */
export async function sendNotice(db: Db, message: EmailMessage): Promise<void> {
  const id = await queueEmail(db, message, { kind: "notice" });
  await afterCommit(db, (committed) => deliverQueued(committed, [id]));
}

/** The same for an SMS (queueSms): queued with the change, tried once it is committed; a gateway outage is retried by the queue. */
export async function sendSms(db: Db, message: { to: string; text: string }): Promise<void> {
  const id = await queueSms(db, message);
  await afterCommit(db, (committed) => deliverQueued(committed, [id]));
}

/** Staff's "Prøv igen": a failed or waiting email is sent now. */
export async function retryEmail(db: Db, id: number): Promise<"sent" | "not_sent" | "not_found"> {
  const reset = await db
    .updateTable("emailQueue")
    .set({ status: "pending", nextAttemptAt: new Date().toISOString() })
    .where("id", "=", id)
    .where("status", "in", ["failed", "pending"])
    .executeTakeFirst();
  if (reset.numUpdatedRows === 0n) return "not_found";
  return (await deliverQueued(db, [id])) === 1 ? "sent" : "not_sent";
}

/** The emails staff should know about: failed, or not sent yet after a try. One rule for the list and the count on Overblik. */
function unsentEmails(db: Db) {
  return db.selectFrom("emailQueue").where((eb) => eb.or([eb("status", "=", "failed"), eb.and([eb("status", "in", ["pending", "sending"]), eb("attempts", ">", 0)])]));
}

/** What staff see on "Udgående e-mails", newest first, a page at a time. */
export async function listUnsentEmails(db: Db, page = 1) {
  return paginate(
    () => countUnsentEmails(db),
    (limit, offset) =>
      unsentEmails(db)
        .select(["id", "channel", "toAddress", "subject", "kind", "status", "attempts", "lastError", "createdAt", "nextAttemptAt"])
        .orderBy("id", "desc")
        .limit(limit)
        .offset(offset)
        .execute(),
    page,
  );
}

export async function countUnsentEmails(db: Db): Promise<number> {
  const row = await unsentEmails(db)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** What waits to go out, per channel: how many, and since when (Drift, /metrics). */
export async function outgoingQueues(db: Db): Promise<{ channel: "email" | "sms"; waiting: number; oldest: string | null }[]> {
  const rows = await db
    .selectFrom("emailQueue")
    .select(["channel", (eb) => eb.fn.countAll<number>().as("waiting"), (eb) => eb.fn.min("createdAt").as("oldest")])
    .where("status", "in", ["pending", "sending", "failed"])
    .groupBy("channel")
    .execute();
  return (["email", "sms"] as const).map((channel) => {
    const row = rows.find((r) => r.channel === channel);
    return { channel, waiting: Number(row?.waiting ?? 0), oldest: (row?.oldest as string | null | undefined) ?? null };
  });
}

/** Starts the server's delivery worker; returns a stop function. */
export function startEmailWorker(db: Db, everyMs = 15_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverDueEmails(db)
      .catch((error: unknown) => console.error("[email] worker round failed", error))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
