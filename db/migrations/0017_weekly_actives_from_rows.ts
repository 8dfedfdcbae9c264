import { type Kysely, sql } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// "Aktive fleksjobbere pr. uge" is counted from the (week, user) roll-up of
// ActivityDay at read time (issue 15): the trigger-kept per-week counter was
// never reduced when a user row went, so it drifted from the raw rows. The
// roll-up itself is rebuilt once from activity_days so both agree exactly.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists activity_weeks_count`.execute(db);
  await db.schema.dropTable("activity_week_counts").ifExists().execute();
  await sql`delete from activity_weeks`.execute(db);
  await sql`insert or ignore into activity_weeks (week, user_id) select date(day, '-6 days', 'weekday 1'), user_id from activity_days`.execute(db);
}
