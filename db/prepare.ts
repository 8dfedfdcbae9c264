import type { Db } from "./kysely";
import { migrateToLatest } from "./migrate";
import { repointPostcodesIfStale } from "./vocabularies/repoint";
import { seedVocabularies } from "./vocabularies/seed";

/** What every database needs before use: the newest schema, the Danish vocabularies and current postcode points. */
export async function prepareDatabase(db: Db): Promise<void> {
  await migrateToLatest(db);
  await seedVocabularies(db);
  await repointPostcodesIfStale(db);
}
