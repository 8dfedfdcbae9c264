import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import { indexOpening } from "~/openings/openings.server";
import { loadProfileDetailsMany } from "~/profiles/profile.server";
import { indexProfile } from "~/profiles/search-document.server";

/**
 * Bumped whenever what the search indexes hold changes (2: C++, C# and
 * .NET kept whole; 3: rowid-keyed documents and match terms, issue 16; 4:
 * documents stored as the app's words, the same on both databases, issue 26).
 * The server rebuilds both indexes on start when the database was indexed by
 * an older version.
 */
export const SEARCH_INDEX_VERSION = "4";
const KEY = "search_index_version";

/** Returns how many profiles and openings were indexed again (0 when current, or nothing to index). */
export async function rebuildSearchIndexesIfStale(db: Db): Promise<number> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", KEY).executeTakeFirst();
  if (row?.value === SEARCH_INDEX_VERSION) return 0;
  return rebuildSearchIndexes(db);
}

/** Indexes every profile and opening again, and records the index version. */
export function rebuildSearchIndexes(db: Db): Promise<number> {
  return inTransaction(db, async (trx) => {
    const profiles = await trx.selectFrom("profiles").select("userId").execute();
    for (let i = 0; i < profiles.length; i += 500) {
      const details = await loadProfileDetailsMany(trx, profiles.slice(i, i + 500).map((p) => p.userId));
      for (const d of details.values()) await indexProfile(trx, d);
    }
    const openings = await trx.selectFrom("openings").select("id").execute();
    for (const { id } of openings) await indexOpening(trx, id);
    await trx
      .insertInto("settings")
      .values({ key: KEY, value: SEARCH_INDEX_VERSION })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: SEARCH_INDEX_VERSION }))
      .execute();
    return profiles.length + openings.length;
  });
}
