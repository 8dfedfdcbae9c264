import type { Db } from "../../db/kysely";
import { addDays, localDate } from "~/utils/dates";

/** The Monday that starts the (Danish) week of a day. */
export function weekOf(day: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** Writes ActivityDays and their weekly roll-up together (insert-or-ignore; batches of any size). */
export async function recordActivityDays(db: Db, rows: { userId: string; day: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    await db.insertInto("activityDays").values(batch).onConflict((oc) => oc.doNothing()).execute();
    await db
      .insertInto("activityWeeks")
      .values(batch.map((r) => ({ userId: r.userId, week: weekOf(r.day) })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/**
 * Marks the user's ActivityDay for today (Danish day), unless this session
 * already did today: then it costs no query at all. Only the day is kept,
 * never what the user looked at.
 */
export async function markActivity(db: Db, session: { id: string; activityDay: string | null }, userId: string, now = new Date()): Promise<void> {
  const today = localDate(now);
  if (session.activityDay === today) return;
  await recordActivityDays(db, [{ userId, day: today }]);
  await db.updateTable("sessions").set({ activityDay: today }).where("id", "=", session.id).execute();
  session.activityDay = today;
}
