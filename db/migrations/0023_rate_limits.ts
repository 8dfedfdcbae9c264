import type { Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Rate-limit hits live in the database, not in one process's memory, so two
// app processes on one PostgreSQL count the same tries (issue 16). Written
// for both databases, like every migration after 0022.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rate_limit_hits")
    // "<limit name>:<key>", e.g. "login-ip:198.51.100.7".
    .addColumn("key", "text", (c) => c.notNull())
    // Milliseconds since 1970.
    .addColumn("at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("rate_limit_hits_key").on("rate_limit_hits").columns(["key", "at"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("rate_limit_hits").execute();
}
