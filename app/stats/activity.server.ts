import { addDays, dayOfYear, localDate } from "~/utils/dates";

import { type Db, inTransaction } from "../../db/kysely";

/** The Monday that starts the (Danish) week of a day. */
export function weekOf(day: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** Writes ActivityDays and their weekly roll-up together (insert-or-ignore; batches of any size). */
export async function recordActivityDays(db: Db, rows: { userId: string; day: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    await db
      .insertInto("activityDays")
      .values(batch)
      .onConflict((oc) => oc.doNothing())
      .execute();
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

/**
 * Recomputes the activity_years roll-up from the ActivityDay rows (`npm run
 * stats:rebuild`): the trigger keeps it as days arrive; this is the check and
 * the repair. Returns how many person-years were written.
 */
export async function rebuildActivityYears(db: Db): Promise<number> {
  return inTransaction(db, async (trx) => {
    await trx.deleteFrom("activityYears").execute();
    const rows = await trx.selectFrom("activityDays").select(["userId", "day"]).orderBy("userId").orderBy("day").execute();
    const years = new Map<string, { userId: string; year: number; days: string[] }>();
    for (const r of rows) {
      const year = Number(r.day.slice(0, 4));
      const key = `${r.userId}\t${year}`;
      let entry = years.get(key);
      if (!entry) years.set(key, (entry = { userId: r.userId, year, days: Array.from({ length: 366 }, () => "0") }));
      entry.days[dayOfYear(r.day) - 1] = "1";
    }
    const values = [...years.values()].map((y) => ({ userId: y.userId, year: y.year, days: y.days.join("") }));
    for (let i = 0; i < values.length; i += 500)
      await trx
        .insertInto("activityYears")
        .values(values.slice(i, i + 500))
        .execute();
    return values.length;
  });
}
