import type { Kysely } from "kysely";

import { isPostgres } from "../kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// "Opfølgning" (issue 25): a consultant marks a row of the worklist as
// followed up, which hides it for a while and is the citizen's follow-up
// history. Written for both databases.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("follow_ups")
    .addColumn("id", isPostgres(db) ? "bigint" : "integer", (c) => (isPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    // Which list the row was on ("quiet", "invitation", …) and what it is about:
    // a citizen's user id, or "company:<id>" / "opening:<id>" for the company lists.
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    // The citizen, when the row is about one (her page shows the history; erasure follows it).
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("staff_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("hidden_until", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("follow_ups_subject").on("follow_ups").columns(["kind", "subject", "hidden_until"]).execute();
  await db.schema.createIndex("follow_ups_user").on("follow_ups").columns(["user_id", "created_at"]).execute();
  // When a profile was sent back for changes: the worklist asks after 7 days without a new submission.
  await db.schema.alterTable("profiles").addColumn("returned_at", "text").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("profiles").dropColumn("returned_at").execute();
  await db.schema.dropTable("follow_ups").execute();
}
