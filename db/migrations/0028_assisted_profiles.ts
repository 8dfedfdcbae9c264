import type { Kysely } from "kysely";

import { isPostgres } from "../kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// A consultant builds the profile with a citizen at a meeting (issue 25):
// the staff member's session says whose profile it is editing; a consent
// given at the meeting names the staff member who witnessed it; each change
// staff make is kept (the citizen sees them on her next visit, until she has
// seen them). Written for both databases.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("sessions")
    .addColumn("assisting_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema
    .alterTable("consents")
    .addColumn("witnessed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema.alterTable("profiles").addColumn("staff_edits_seen_at", "text").execute();
  await db.schema
    .createTable("profile_staff_edits")
    .addColumn("id", isPostgres(db) ? "bigint" : "integer", (c) => (isPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("staff_id", "text", (c) => c.references("users.id").onDelete("set null"))
    // Which step of the editor ("Om dig", "Skånebehov", "Sendt til godkendelse" …).
    .addColumn("step", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("profile_staff_edits_user").on("profile_staff_edits").columns(["user_id", "created_at"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("profile_staff_edits").execute();
  await db.schema.alterTable("profiles").dropColumn("staff_edits_seen_at").execute();
  await db.schema.alterTable("consents").dropColumn("witnessed_by").execute();
  await db.schema.alterTable("sessions").dropColumn("assisting_user_id").execute();
}
