import { seedVocabularies } from "../app/vocabularies/vocabularies.server";
import type { Db } from "./kysely";
import { migrateToLatest } from "./migrate";

/** What every database needs before use: the newest schema and the Danish vocabularies. */
export async function prepareDatabase(db: Db): Promise<void> {
  await migrateToLatest(db);
  await seedVocabularies(db);
}
