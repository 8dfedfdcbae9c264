import { type Kysely, sql } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// "Aktive fleksjobbere pr. uge" read from the raw rows took ~450 ms at 5,000
// flexjobbers. This keeps each week's count as a cache of that same raw-row
// count (issue 15): a week is marked stale whenever a row behind it changes
// (a new login week, a user deleted, or a user's role, status or erasure
// changed) and is counted again from the raw rows on the next read.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("weekly_active_counts")
    .addColumn("week", "text", (c) => c.primaryKey())
    .addColumn("flexjobbers", "integer", (c) => c.notNull().defaultTo(0))
    // 0: stale, count again from the raw rows before use.
    .addColumn("fresh", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into weekly_active_counts (week) select distinct week from activity_weeks`.execute(db);
  await sql`create trigger weekly_active_new_week after insert on activity_weeks
    begin
      insert into weekly_active_counts (week) values (new.week) on conflict (week) do update set fresh = 0;
    end`.execute(db);
  // Before the delete: the user's activity rows (deleted by cascade) still say which weeks.
  await sql`create trigger weekly_active_user_deleted before delete on users
    begin
      update weekly_active_counts set fresh = 0 where week in (select week from activity_weeks where user_id = old.id);
    end`.execute(db);
  await sql`create trigger weekly_active_user_changed after update of role, status, erased_at on users
    begin
      update weekly_active_counts set fresh = 0 where week in (select week from activity_weeks where user_id = new.id);
    end`.execute(db);
  await db.schema.createIndex("activity_weeks_user").on("activity_weeks").columns(["user_id", "week"]).execute();
}
