import { sql } from "kysely";

import { type Db, isPostgres } from "../../db/kysely";
import { encodeSearchText, toFtsQuery, toTsQuery } from "./text";

/**
 * The full-text indexes behind both searches: one document per profile
 * (its anonymised text) and per opening. Callers never touch the index
 * tables; they write documents here and ask here which documents match.
 * SQLite: FTS5 tables, ranked by bm25. PostgreSQL: the same tables hold a
 * tsvector of the text with the `simple` configuration (no stemming: the
 * words are the app's, see text.ts), ranked by ts_rank (negated, so lower
 * is better on both).
 */

/** "Document matches the typed text" for the index table `table`, and its rank; null when the text has no words. */
function textMatch(db: Db, table: "profile_fts" | "opening_fts", input: string) {
  if (isPostgres(db)) {
    const query = toTsQuery(input);
    if (!query) return null;
    const tsquery = sql`to_tsquery('simple', ${query})`;
    return { where: sql<boolean>`${sql.ref(`${table}.document`)} @@ ${tsquery}`, rank: sql<number>`-ts_rank(${sql.ref(`${table}.document`)}, ${tsquery})` };
  }
  const match = toFtsQuery(input);
  if (!match) return null;
  return { where: sql<boolean>`${sql.table(table)} match ${match}`, rank: sql<number>`bm25(${sql.table(table)})` };
}

export async function indexProfileText(trx: Db, userId: string, text: string): Promise<void> {
  await trx
    .insertInto("profileSearchKeys")
    .values({ userId })
    .onConflict((oc) => oc.column("userId").doNothing())
    .execute();
  const { id } = await trx.selectFrom("profileSearchKeys").select("id").where("userId", "=", userId).executeTakeFirstOrThrow();
  await trx.deleteFrom("profileFts").where("rowid", "=", id).execute();
  await trx
    .insertInto("profileFts")
    .values({ rowid: id, body: encodeSearchText(text) })
    .execute();
}

export async function removeProfileText(trx: Db, userId: string): Promise<void> {
  await sql`delete from profile_fts where rowid = (select id from profile_search_keys where user_id = ${userId})`.execute(trx);
}

export async function indexOpeningText(trx: Db, openingId: number, text: string | null): Promise<void> {
  await trx.deleteFrom("openingFts").where("rowid", "=", openingId).execute();
  if (text !== null)
    await trx
      .insertInto("openingFts")
      .values({ rowid: openingId, body: encodeSearchText(text) })
      .execute();
}

/**
 * The profiles whose text matches typed text, with a relevance rank (lower
 * is better), as a table to join on `userId`; null when the text has no words.
 */
export function profileTextMatches(db: Db, input: string) {
  const match = textMatch(db, "profile_fts", input);
  if (!match) return null;
  return textFirst(
    db,
    db
      .selectFrom("profileFts")
      .innerJoin("profileSearchKeys as sk", "sk.id", "profileFts.rowid")
      .select(["sk.userId", match.rank.as("rank")])
      .where(match.where),
  );
}

/** The openings whose text matches typed text (as a subquery of ids); null when the text has no words. */
export function openingTextMatches(db: Db, input: string) {
  const match = textMatch(db, "opening_fts", input);
  if (!match) return null;
  return textFirst(db, db.selectFrom("openingFts").select("openingFts.rowid as openingId").where(match.where));
}

/**
 * On PostgreSQL the text matches are found first, on their own (an OFFSET 0 keeps the planner from
 * folding the subquery into the outer query): it misjudges how many rows a prefix query finds, and
 * otherwise scored every live opening before looking at the text (66 → 20 ms for 'lager'), or
 * walked every match row by row through the profile look-ups (170 → 110 ms). SQLite finds them first anyway.
 */
function textFirst<Q extends { offset: (n: number) => Q }>(db: Db, query: Q): Q {
  return isPostgres(db) ? query.offset(0) : query;
}

/** Gives back the space of erased documents (FTS5 keeps deleted text until its segments merge; PostgreSQL's autovacuum does this itself). */
export async function compactProfileText(db: Db): Promise<void> {
  if (isPostgres(db)) return;
  await sql`insert into profile_fts(profile_fts) values ('optimize')`.execute(db);
}
