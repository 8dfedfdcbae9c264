import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// A weekly roll-up of ActivityDay (one row per user per Monday-to-Sunday
// week), so "active users per week" counts small rows instead of scanning
// every day of a year.
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
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("activity_weeks").execute();
}
