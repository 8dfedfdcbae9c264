import { sendNotice } from "~/email/email.server";
import { eventCancelledEmail, eventPromotedEmail, eventReminderEmail } from "~/email/messages.server";
import { notify } from "~/notifications/notifications.server";
import { formatDate } from "~/utils/dates";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import { cancelEvent, cancelRegistration, dueReminders, getEvent, markReminded, updateEvent } from "./events.server";
import type { EventInput } from "./schemas";

// Notices about events. Called from route actions and the reminders command.
// A new place and a reminder are notifications (each person chooses the
// email); a cancellation is always emailed.

export async function noticePromoted(db: Db, eventId: number, userIds: string[]): Promise<void> {
  const event = await getEvent(db, eventId);
  if (!event || userIds.length === 0) return;
  const people = await db.selectFrom("users").select(["id", "email", "name"]).where("id", "in", userIds).execute();
  for (const p of people) {
    await notify(db, {
      userId: p.id,
      kind: "waitlist_moved_up",
      title: `Du har fået en plads: ${event.title}`,
      link: `/arrangementer/${eventId}`,
      email: eventPromotedEmail({ to: p.email, name: p.name, title: event.title, startsAt: event.startsAt, eventId }),
    });
  }
}

export async function cancelEventAndNotify(db: Db, eventId: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const event = await getEvent(trx, eventId);
    if (!event) return;
    for (const p of await cancelEvent(trx, eventId)) await sendNotice(trx, eventCancelledEmail({ to: p.email, name: p.name, title: event.title, startsAt: event.startsAt }));
  });
}

/** `npm run reminders`: one reminder per sign-up for events tomorrow; each person is reminded once. */
export async function sendReminders(db: Db, now = new Date()): Promise<number> {
  const due = await dueReminders(db, now);
  for (const r of due) {
    await notify(
      db,
      {
        userId: r.userId,
        kind: "event_reminder",
        title: `I morgen: ${r.title} (${formatDate(r.startsAt)})`,
        link: `/arrangementer/${r.eventId}`,
        email: eventReminderEmail({ to: r.email, name: r.name, title: r.title, startsAt: r.startsAt, where: r.place ?? r.onlineUrl ?? "", eventId: r.eventId }),
      },
      now,
    );
    await markReminded(db, r.id, now);
  }
  return due.length;
}

/** She cancels her place; whoever moves up from the waitlist hears of it. */
export async function cancelRegistrationAndNotify(db: Db, input: { eventId: number; userId: string }, now = new Date()): Promise<{ cancelled: boolean }> {
  return inTransaction(db, async (trx) => {
    const { cancelled, promoted } = await cancelRegistration(trx, input, now);
    await noticePromoted(trx, input.eventId, promoted);
    return { cancelled };
  });
}

/** Staff change an event; a larger capacity moves people up from the waitlist, and they hear of it. */
export async function updateEventAndNotify(db: Db, id: number, input: EventInput, now = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => noticePromoted(trx, id, await updateEvent(trx, id, input, now)));
}
