import type { Db } from "../../db/kysely";
import { localDate } from "~/utils/dates";

/**
 * Marks the user's ActivityDay for today (Danish day), unless this session
 * already did today: then it costs no query at all. Only the day is kept,
 * never what the user looked at.
 */
export async function markActivity(db: Db, session: { id: string; activityDay: string | null }, userId: string, now = new Date()): Promise<void> {
  const today = localDate(now);
  if (session.activityDay === today) return;
  await db.insertInto("activityDays").values({ userId, day: today }).onConflict((oc) => oc.doNothing()).execute();
  await db.updateTable("sessions").set({ activityDay: today }).where("id", "=", session.id).execute();
  session.activityDay = today;
}
