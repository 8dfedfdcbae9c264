import { indexAllOpenings } from "~/openings/openings.server";
import { indexAllProfiles } from "~/profiles/profile.server";
import { rebuildIndexes, rebuildIndexesIfStale, type SearchIndexer } from "~/search/reindex.server";

import type { Db } from "../../db/kysely";

// The rebuild of the search indexes is work the app does by itself (on start,
// when the index version changed), so it is put together here, above the
// areas whose documents it writes.
const INDEXERS: SearchIndexer[] = [indexAllProfiles, indexAllOpenings];

/** Indexes every profile and opening again; returns how many. */
export function rebuildSearchIndexes(db: Db): Promise<number> {
  return rebuildIndexes(db, INDEXERS);
}

/** On start: rebuilds only when the database was indexed by an older version. */
export function rebuildSearchIndexesIfStale(db: Db): Promise<number> {
  return rebuildIndexesIfStale(db, INDEXERS);
}
