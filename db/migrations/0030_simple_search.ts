import { type Kysely, sql } from "kysely";

import { isPostgres } from "../kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Search means the same on both databases (issue 26): PostgreSQL's `danish`
// stemmer searched "lager" as "lag:*" (finding "lagkage"), while SQLite
// matched prefixes of whole words. Documents are now the app's words
// (app/search/text.ts) and PostgreSQL reads them with the `simple`
// configuration: no stemming, like SQLite. The documents themselves are
// written again on the next start (SEARCH_INDEX_VERSION 4). SQLite: nothing
// to change here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await searchDocumentsWith(db, "simple");
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await searchDocumentsWith(db, "danish");
}

/** Both documents' tsvector column (and its GIN index) built again with this text search configuration. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function searchDocumentsWith(db: Kysely<any>, config: "simple" | "danish"): Promise<void> {
  for (const table of ["profile_fts", "opening_fts"]) {
    await sql`drop index ${sql.id(`${table}_document`)}`.execute(db);
    await sql`alter table ${sql.table(table)} drop column document`.execute(db);
    await sql`alter table ${sql.table(table)} add column document tsvector generated always as (to_tsvector(${sql.lit(config)}, body)) stored`.execute(db);
    await sql`create index ${sql.id(`${table}_document`)} on ${sql.table(table)} using gin (document)`.execute(db);
  }
}
