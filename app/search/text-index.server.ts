import { sql } from "kysely";
import type { Db } from "../../db/kysely";
import { encodeSearchText, toFtsQuery } from "./text";

/**
 * The full-text indexes behind both searches: one document per profile
 * (its anonymised text) and per opening. Callers never touch the index
 * tables; they write documents here and ask here which documents match.
 */

export async function indexProfileText(trx: Db, userId: string, text: string): Promise<void> {
  await trx.insertInto("profileSearchKeys").values({ userId }).onConflict((oc) => oc.column("userId").doNothing()).execute();
  const { id } = await trx.selectFrom("profileSearchKeys").select("id").where("userId", "=", userId).executeTakeFirstOrThrow();
  await trx.deleteFrom("profileFts").where("rowid", "=", id).execute();
  await trx.insertInto("profileFts").values({ rowid: id, body: encodeSearchText(text) }).execute();
}

export async function removeProfileText(trx: Db, userId: string): Promise<void> {
  await sql`delete from profile_fts where rowid = (select id from profile_search_keys where user_id = ${userId})`.execute(trx);
}

export async function indexOpeningText(trx: Db, openingId: number, text: string | null): Promise<void> {
  await trx.deleteFrom("openingFts").where("rowid", "=", openingId).execute();
  if (text !== null) await trx.insertInto("openingFts").values({ rowid: openingId, body: encodeSearchText(text) }).execute();
}

/**
 * The profiles whose text matches typed text, with a relevance rank (lower
 * is better), as a table to join on `userId`; null when the text has no words.
 */
export function profileTextMatches(db: Db, input: string) {
  const match = toFtsQuery(input);
  if (!match) return null;
  return db
    .selectFrom("profileFts")
    .innerJoin("profileSearchKeys as sk", "sk.id", "profileFts.rowid")
    .select(["sk.userId", sql<number>`bm25(profile_fts)`.as("rank")])
    .where(sql<boolean>`profile_fts match ${match}`);
}

/** The openings whose text matches typed text (as a subquery of ids); null when the text has no words. */
export function openingTextMatches(db: Db, input: string) {
  const match = toFtsQuery(input);
  if (!match) return null;
  return db.selectFrom("openingFts").select("openingFts.rowid as openingId").where(sql<boolean>`opening_fts match ${match}`);
}

/** Gives back the space of erased documents (FTS5 keeps deleted text until its segments merge). */
export async function compactProfileText(db: Db): Promise<void> {
  await sql`insert into profile_fts(profile_fts) values ('optimize')`.execute(db);
}
