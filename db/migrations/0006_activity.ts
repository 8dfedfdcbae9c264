import { type Kysely, sql } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// ActivityDay (one row per user per Danish day with an authenticated request),
// and the day already marked on each session, so marking costs nothing after
// the first request of the day.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("activity_days")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("day", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("activity_days_pk", ["user_id", "day"])
    .modifyEnd(sql`without rowid`)
    .execute();
  // Per-day counts over all users (active users per week) read this index.
  await db.schema.createIndex("activity_days_day").on("activity_days").columns(["day", "user_id"]).execute();
  await db.schema.alterTable("sessions").addColumn("activity_day", "text").execute();
  await db.schema.createIndex("login_events_user").on("login_events").columns(["user_id", "created_at"]).execute();
  await db.schema.createIndex("invitations_created").on("invitations").columns(["role", "created_at"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("activity_days").execute();
  await db.schema.alterTable("sessions").dropColumn("activity_day").execute();
  await db.schema.dropIndex("login_events_user").execute();
  await db.schema.dropIndex("invitations_created").execute();
}
