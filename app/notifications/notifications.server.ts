import type { Db } from "../../db/kysely";
import type { NotificationKind, NotificationMode } from "../../db/schema";
import { deliverQueued, queueEmail, sendNotice } from "~/email/email.server";
import { digestEmail } from "~/email/messages.server";
import type { EmailMessage } from "~/email/email.server";
import { defaultModes } from "./kinds";

// Notifications: one row per recipient in the in-app list ("Notifikationer"),
// and email as each recipient chose per kind: at once, in the daily digest
// (`npm run digest`), or never. The caller writes title and email for that
// recipient, so what a company reads about a flexjobber follows the same
// consent rules as the pages.

export async function modeFor(db: Db, userId: string, kind: NotificationKind): Promise<NotificationMode> {
  const row = await db.selectFrom("notificationPreferences").select("mode").where("userId", "=", userId).where("kind", "=", kind).executeTakeFirst();
  return row?.mode ?? defaultModes[kind];
}

export async function notify(
  db: Db,
  input: { userId: string; kind: NotificationKind; title: string; link: string; email: EmailMessage },
  now = new Date(),
): Promise<void> {
  const mode = await modeFor(db, input.userId, input.kind);
  const state = mode === "straks" ? "sent" : mode === "daglig" ? "pending" : "skipped";
  await db
    .insertInto("notifications")
    .values({ userId: input.userId, kind: input.kind, title: input.title, link: input.link, createdAt: now.toISOString(), readAt: null, emailState: state })
    .execute();
  if (mode === "straks") await sendNotice(db, input.email);
}

export async function listNotifications(db: Db, userId: string, limit = 50) {
  return db
    .selectFrom("notifications")
    .select(["id", "kind", "title", "link", "createdAt", "readAt"])
    .where("userId", "=", userId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export async function unreadNotifications(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom("notifications").select((eb) => eb.fn.countAll<number>().as("n")).where("userId", "=", userId).where("readAt", "is", null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markNotificationsRead(db: Db, userId: string, now = new Date()): Promise<void> {
  await db.updateTable("notifications").set({ readAt: now.toISOString() }).where("userId", "=", userId).where("readAt", "is", null).execute();
}

export async function preferencesFor(db: Db, userId: string): Promise<Record<NotificationKind, NotificationMode>> {
  const rows = await db.selectFrom("notificationPreferences").select(["kind", "mode"]).where("userId", "=", userId).execute();
  return { ...defaultModes, ...Object.fromEntries(rows.map((r) => [r.kind, r.mode])) };
}

export async function savePreferences(db: Db, userId: string, modes: Partial<Record<NotificationKind, NotificationMode>>): Promise<void> {
  for (const [kind, mode] of Object.entries(modes) as [NotificationKind, NotificationMode][]) {
    await db
      .insertInto("notificationPreferences")
      .values({ userId, kind, mode })
      .onConflict((oc) => oc.columns(["userId", "kind"]).doUpdateSet({ mode }))
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
  const byUser = new Map<string, typeof waiting>();
  for (const n of waiting) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
  const emailIds: number[] = [];
  for (const items of byUser.values()) {
    const first = items[0]!;
    const id = await db.transaction().execute(async (trx) => {
      const ids = items.map((i) => i.id);
      const claimed = await trx.updateTable("notifications").set({ emailState: "sent" }).where("id", "in", ids).where("emailState", "=", "pending").executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== ids.length || first.status !== "active") return null;
      return queueEmail(trx, digestEmail({ to: first.email, name: first.name, items: items.map((i) => ({ title: i.title, link: i.link })) }), { kind: "notice" }, now);
    });
    if (id !== null) emailIds.push(id);
  }
  if (emailIds.length > 0) await deliverQueued(db, emailIds, now);
  return emailIds.length;
}
