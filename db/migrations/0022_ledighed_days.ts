import { type Kysely, sql } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// The ledighedsprocent series read every employment status on every view
// (165 ms at 50,000 flexjobbers, issue 16). This keeps each day's counts as a
// cache of that same computation: a day is marked stale whenever a status row
// on or before it changes (or a person with statuses changes role), and is
// counted again from the raw rows on the next read. `npm run stats:rebuild`
// empties it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("ledighed_days")
    .addColumn("day", "text", (c) => c.primaryKey())
    .addColumn("ledig", "integer", (c) => c.notNull())
    .addColumn("i_fleksjob", "integer", (c) => c.notNull())
    .addColumn("andet", "integer", (c) => c.notNull())
    // 0: stale, count again from the raw rows before use.
    .addColumn("fresh", "integer", (c) => c.notNull())
    .execute();
  await sql`create trigger ledighed_status_added after insert on employment_statuses
    begin update ledighed_days set fresh = 0 where day >= new.from_date; end`.execute(db);
  await sql`create trigger ledighed_status_changed after update on employment_statuses
    begin update ledighed_days set fresh = 0 where day >= min(old.from_date, new.from_date); end`.execute(db);
  await sql`create trigger ledighed_status_removed after delete on employment_statuses
    begin update ledighed_days set fresh = 0 where day >= old.from_date; end`.execute(db);
  await sql`create trigger ledighed_role_changed after update of role on users
    begin update ledighed_days set fresh = 0 where day >= (select min(from_date) from employment_statuses where user_id = new.id); end`.execute(db);
}
