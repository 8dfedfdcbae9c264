import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";

/**
 * Bumped whenever what the search indexes hold changes (2: C++, C# and
 * .NET kept whole; 3: rowid-keyed documents and match terms; 4: documents
 * stored as the app's words, the same on both databases). The server
 * rebuilds the indexes on start when the database was indexed by an older
 * version.
 */
export const SEARCH_INDEX_VERSION = "4";
const KEY = "search_index_version";

/**
 * Writes every document of one kind again and returns how many. The area
 * that owns the documents hands it in (profiles, openings): this area only
 * knows the text index, not what goes into it.
 */
export type SearchIndexer = (trx: Db) => Promise<number>;

/** Returns how many documents were indexed again (0 when the indexes are current). */
export async function rebuildIndexesIfStale(db: Db, indexers: SearchIndexer[]): Promise<number> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", KEY).executeTakeFirst();
  if (row?.value === SEARCH_INDEX_VERSION) return 0;
  return rebuildIndexes(db, indexers);
}

/** Indexes every document again in one transaction, and records the index version. */
export function rebuildIndexes(db: Db, indexers: SearchIndexer[]): Promise<number> {
  return inTransaction(db, async (trx) => {
    let indexed = 0;
    for (const indexAll of indexers) indexed += await indexAll(trx);
    await trx
      .insertInto("settings")
      .values({ key: KEY, value: SEARCH_INDEX_VERSION })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: SEARCH_INDEX_VERSION }))
      .execute();
    return indexed;
  });
}
