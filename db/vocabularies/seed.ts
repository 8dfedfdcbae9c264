import { type Db, inTransaction } from "../kysely";
import { normalizeTerm, seedTerms, VOCABULARY_KINDS } from "./terms";

/**
 * Inserts the Danish seed terms of each vocabulary that is still empty, so
 * staff edits are never undone. One transaction (one writer at a time): two
 * processes starting at once on a new PostgreSQL database seed once.
 */
export async function seedVocabularies(db: Db, now = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const kind of VOCABULARY_KINDS) {
      const any = await trx.selectFrom("vocabularyTerms").select("id").where("kind", "=", kind).limit(1).executeTakeFirst();
      if (any) continue;
      await trx
        .insertInto("vocabularyTerms")
        .values(seedTerms[kind].map((label) => ({ kind, label, normalized: normalizeTerm(label), active: 1, createdAt: now.toISOString() })))
        .execute();
    }
  });
}
