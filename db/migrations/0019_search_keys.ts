import { type Kysely, sql } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// The full-text tables were keyed by an unindexed column, so replacing one
// document scanned the whole index (a full reindex at 50,000 profiles took
// eight minutes) and every join to it scanned too (issue 16). Each document
// is now the FTS row whose rowid is its key: an opening's id, or a profile's
// number in profile_search_keys (profiles are keyed by text). The server
// rebuilds both indexes on start because the index version setting goes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop table profile_fts`.execute(db);
  await sql`drop table opening_fts`.execute(db);
  await db.schema
    .createTable("profile_search_keys")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "text", (c) => c.notNull().unique().references("profiles.user_id").onDelete("cascade"))
    .execute();
  await sql`create virtual table profile_fts using fts5(body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  await sql`create virtual table opening_fts using fts5(body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  // A document never outlives what it describes.
  await sql`create trigger profile_search_key_deleted after delete on profile_search_keys begin delete from profile_fts where rowid = old.id; end`.execute(db);
  await sql`create trigger opening_deleted_from_search after delete on openings begin delete from opening_fts where rowid = old.id; end`.execute(db);
  await sql`delete from settings where key = 'search_index_version'`.execute(db);
}
