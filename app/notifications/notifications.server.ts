import type { EmailMessage } from "~/email/email.server";
import { deliverQueued, queueEmail, queueSms, sendNotice, sendSms } from "~/email/email.server";
import { digestEmail } from "~/email/messages.server";
import { appUrl, env } from "~/env.server";

import type { Db } from "../../db/kysely";
import type { NotificationKind, NotificationMode } from "../../db/schema";
import { defaultModes } from "./kinds";
import { smsDigestText, smsNumber, smsText } from "./sms";

// Notifications: one row per recipient in the in-app list ("Notifikationer"),
// and email as each recipient chose per kind: at once, in the daily digest
// (`npm run digest`), or never. Citizens with a phone number may choose SMS
// the same way; an SMS says only that something is waiting (./sms.ts). The caller writes title and email for that
// recipient, so what a company reads about a flexjobber follows the same
// consent rules as the pages.

/** Where an SMS to this person goes: a citizen's phone number, if it can take one; else null. */
export async function smsRecipient(db: Db, userId: string): Promise<string | null> {
  const user = await db.selectFrom("users").select(["role", "phone", "status"]).where("id", "=", userId).executeTakeFirst();
  return user?.role === "flexjobber" && user.status === "active" ? smsNumber(user.phone) : null;
}

/** How a kind reaches this person: email and SMS (SMS only for a citizen with a number it can go to). */
export async function channelsFor(db: Db, userId: string, kind: NotificationKind) {
  const [pref, smsTo] = await Promise.all([
    db.selectFrom("notificationPreferences").select(["mode", "smsMode"]).where("userId", "=", userId).where("kind", "=", kind).executeTakeFirst(),
    smsRecipient(db, userId),
  ]);
  return { email: pref?.mode ?? defaultModes[kind], sms: smsTo ? (pref?.smsMode ?? "aldrig") : ("aldrig" as NotificationMode), smsTo };
}

const stateOf = (mode: NotificationMode) => (mode === "straks" ? "sent" : mode === "daglig" ? "pending" : "skipped");

export async function notify(db: Db, input: { userId: string; kind: NotificationKind; title: string; link: string; email: EmailMessage }, now = new Date()): Promise<void> {
  const channels = await channelsFor(db, input.userId, input.kind);
  await db
    .insertInto("notifications")
    .values({
      userId: input.userId,
      kind: input.kind,
      title: input.title,
      link: input.link,
      createdAt: now.toISOString(),
      readAt: null,
      emailState: stateOf(channels.email),
      smsState: stateOf(channels.sms),
    })
    .execute();
  if (channels.email === "straks") await sendNotice(db, input.email);
  if (channels.sms === "straks" && channels.smsTo) await sendSms(db, { to: channels.smsTo, text: smsText(input.kind, env.BRAND_NAME, appUrl()) });
}

export async function listNotifications(db: Db, userId: string, limit = 50) {
  return db.selectFrom("notifications").select(["id", "kind", "title", "link", "createdAt", "readAt"]).where("userId", "=", userId).orderBy("id", "desc").limit(limit).execute();
}

/** The count of a user's unread notices, as a query: the shell reads it with other things in one statement. */
export function unreadNotificationsQuery(db: Db, userId: string) {
  return db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("userId", "=", userId)
    .where("readAt", "is", null);
}

export async function markNotificationsRead(db: Db, userId: string, now = new Date()): Promise<void> {
  await db.updateTable("notifications").set({ readAt: now.toISOString() }).where("userId", "=", userId).where("readAt", "is", null).execute();
}

export interface Preferences {
  email: Record<NotificationKind, NotificationMode>;
  sms: Record<NotificationKind, NotificationMode>;
}

export async function preferencesFor(db: Db, userId: string): Promise<Preferences> {
  const rows = await db.selectFrom("notificationPreferences").select(["kind", "mode", "smsMode"]).where("userId", "=", userId).execute();
  const never = Object.fromEntries(Object.keys(defaultModes).map((k) => [k, "aldrig"])) as Record<NotificationKind, NotificationMode>;
  return {
    email: { ...defaultModes, ...Object.fromEntries(rows.map((r) => [r.kind, r.mode])) },
    sms: { ...never, ...Object.fromEntries(rows.map((r) => [r.kind, r.smsMode])) },
  };
}

/** Saves the choices given; a kind left out keeps what it had (email) or stays "aldrig" (SMS). */
export async function savePreferences(
  db: Db,
  userId: string,
  modes: Partial<Record<NotificationKind, NotificationMode>>,
  smsModes: Partial<Record<NotificationKind, NotificationMode>> = {},
): Promise<void> {
  const kinds = new Set([...Object.keys(modes), ...Object.keys(smsModes)] as NotificationKind[]);
  for (const kind of kinds) {
    const mode = modes[kind];
    const smsMode = smsModes[kind];
    await db
      .insertInto("notificationPreferences")
      .values({ userId, kind, mode: mode ?? defaultModes[kind], smsMode: smsMode ?? "aldrig" })
      .onConflict((oc) => oc.columns(["userId", "kind"]).doUpdateSet({ ...(mode ? { mode } : {}), ...(smsMode ? { smsMode } : {}) }))
      .execute();
  }
}

/**
 * The daily digest: one email per person with everything waiting for it.
 * Idempotent: a notification is emailed at most once (marked in the same
 * transaction that queues the email). Returns how many emails were queued.
 */
export async function sendDigests(db: Db, now = new Date()): Promise<number> {
  const waiting = await db
    .selectFrom("notifications as n")
    .innerJoin("users as u", "u.id", "n.userId")
    .select(["n.id", "n.userId", "n.title", "n.link", "u.email", "u.name", "u.status"])
    .where("n.emailState", "=", "pending")
    .orderBy("n.userId")
    .orderBy("n.id")
    .execute();
  return sendOnePerPerson(db, "emailState", waiting, now, (trx, items) => {
    const first = items[0]!;
    if (first.status !== "active") return null;
    return queueEmail(trx, digestEmail({ to: first.email, name: first.name, items: items.map((i) => ({ title: i.title, link: i.link })) }), { kind: "notice" }, now);
  });
}

/**
 * The daily SMS for those who chose "daglig" for SMS: one per person, saying
 * how many notifications wait. At most once per notification, like email.
 * Returns how many SMS were queued.
 */
export async function sendSmsDigests(db: Db, now = new Date()): Promise<number> {
  const waiting = await db
    .selectFrom("notifications as n")
    .innerJoin("users as u", "u.id", "n.userId")
    .select(["n.id", "n.userId", "u.phone", "u.status", "u.role"])
    .where("n.smsState", "=", "pending")
    .orderBy("n.userId")
    .orderBy("n.id")
    .execute();
  return sendOnePerPerson(db, "smsState", waiting, now, (trx, items) => {
    const first = items[0]!;
    const to = first.role === "flexjobber" && first.status === "active" ? smsNumber(first.phone) : null;
    return to ? queueSms(trx, { to, text: smsDigestText(items.length, env.BRAND_NAME, appUrl()) }, now) : null;
  });
}

/**
 * Each person's waiting notifications, claimed for one channel and queued as
 * one message in the same transaction (null: nothing to send them, the claim
 * stands); then delivered. Returns how many messages were queued.
 */
async function sendOnePerPerson<T extends { id: number; userId: string }>(
  db: Db,
  state: "emailState" | "smsState",
  waiting: T[],
  now: Date,
  compose: (trx: Db, items: T[]) => Promise<number> | null,
): Promise<number> {
  const byUser = new Map<string, T[]>();
  for (const n of waiting) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
  const queued: number[] = [];
  for (const items of byUser.values()) {
    const id = await db.transaction().execute(async (trx) => {
      const ids = items.map((i) => i.id);
      const claimed = await trx
        .updateTable("notifications")
        .set({ [state]: "sent" })
        .where("id", "in", ids)
        .where(state, "=", "pending")
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== ids.length) return null;
      return compose(trx, items);
    });
    if (id !== null) queued.push(id);
  }
  if (queued.length > 0) await deliverQueued(db, queued, now);
  return queued.length;
}
