import { type Kysely, sql } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// A weekly roll-up of ActivityDay (one row per user per Monday-to-Sunday
// week) and a per-week count of active flexjobbers, so "active users per
// week" reads one row per week instead of scanning every day of a year.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("activity_weeks")
    .addColumn("week", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("activity_weeks_pk", ["week", "user_id"])
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`insert or ignore into activity_weeks (week, user_id) select date(day, '-6 days', 'weekday 1'), user_id from activity_days`.execute(db);

  // Active flexjobbers per week, kept by a trigger: a (week, user) row that is
  // really inserted (not ignored) counts once.
  await db.schema
    .createTable("activity_week_counts")
    .addColumn("week", "text", (c) => c.primaryKey())
    .addColumn("flexjobbers", "integer", (c) => c.notNull())
    .execute();
  await sql`insert into activity_week_counts (week, flexjobbers)
    select w.week, count(*) from activity_weeks w join users u on u.id = w.user_id and u.role = 'flexjobber' group by w.week`.execute(db);
  await sql`create trigger activity_weeks_count after insert on activity_weeks
    when (select role from users where id = new.user_id) = 'flexjobber'
    begin
      insert into activity_week_counts (week, flexjobbers) values (new.week, 1)
        on conflict (week) do update set flexjobbers = flexjobbers + 1;
    end`.execute(db);

  // The frequency buckets look up when each account was created (its used invitation).
  await db.schema.createIndex("invitations_user").on("invitations").column("user_id").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger activity_weeks_count`.execute(db);
  await db.schema.dropTable("activity_week_counts").execute();
  await db.schema.dropTable("activity_weeks").execute();
  await db.schema.dropIndex("invitations_user").execute();
}
