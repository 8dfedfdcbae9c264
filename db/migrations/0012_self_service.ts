import type { Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Self-service (issue 13): a flexjobber can withdraw an interest (kept, marked,
// so "interests sent" in the statistics does not change after the fact); a
// new email address is confirmed by a one-time link before it replaces the
// old; a company keeps a shortlist of candidates per opening.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("interests").addColumn("withdrawn_at", "text").execute();
  await db.schema
    .createTable("email_changes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("new_email", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("email_changes_user").on("email_changes").column("user_id").execute();
  await db.schema
    .createTable("shortlist_entries")
    .addColumn("opening_id", "integer", (c) => c.notNull().references("openings.id").onDelete("cascade"))
    .addColumn("profile_user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("added_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("shortlist_entries_pk", ["opening_id", "profile_user_id"])
    .execute();
}
