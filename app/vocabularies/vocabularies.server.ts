import type { Db } from "../../db/kysely";
import type { VocabularyTerm } from "../../db/schema";
import { normalizeTerm, type VocabularyKind } from "../../db/vocabularies/terms";

export async function listTerms(db: Db, kind: VocabularyKind, { includeInactive = false } = {}): Promise<VocabularyTerm[]> {
  return termsOf(db, [kind], includeInactive).execute();
}

function termsOf(db: Db, kinds: readonly VocabularyKind[], includeInactive: boolean) {
  const query = db.selectFrom("vocabularyTerms").selectAll().where("kind", "in", kinds);
  return (includeInactive ? query : query.where("active", "=", 1)).orderBy("label");
}

/** The active terms of several kinds in one read (a search form's filters), each kind ordered by label. */
export async function listActiveTerms<K extends VocabularyKind>(db: Db, kinds: readonly K[]): Promise<Record<K, VocabularyTerm[]>> {
  const rows = await termsOf(db, kinds, false).execute();
  const byKind = Object.fromEntries(kinds.map((k) => [k, [] as VocabularyTerm[]])) as Record<K, VocabularyTerm[]>;
  for (const row of rows) byKind[row.kind as K].push(row);
  return byKind;
}

export type TermChange = "ok" | "duplicate" | "not_found";

async function labelTaken(db: Db, kind: VocabularyKind, label: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom("vocabularyTerms").select("id").where("kind", "=", kind).where("normalized", "=", normalizeTerm(label));
  if (exceptId !== undefined) query = query.where("id", "!=", exceptId);
  return Boolean(await query.executeTakeFirst());
}

export async function addTerm(db: Db, kind: VocabularyKind, label: string, now = new Date()): Promise<TermChange> {
  if (await labelTaken(db, kind, label)) return "duplicate";
  await db
    .insertInto("vocabularyTerms")
    .values({ kind, label: label.trim(), normalized: normalizeTerm(label), active: 1, createdAt: now.toISOString() })
    .execute();
  return "ok";
}

/** Renames a term everywhere it is used (profiles and openings refer to it by id). */
export async function renameTerm(db: Db, id: number, label: string): Promise<TermChange> {
  const term = await db.selectFrom("vocabularyTerms").select("kind").where("id", "=", id).executeTakeFirst();
  if (!term) return "not_found";
  if (await labelTaken(db, term.kind, label, id)) return "duplicate";
  await db
    .updateTable("vocabularyTerms")
    .set({ label: label.trim(), normalized: normalizeTerm(label) })
    .where("id", "=", id)
    .execute();
  return "ok";
}

/** Hidden terms are no longer offered for new choices; existing uses keep them. */
export async function setTermActive(db: Db, id: number, active: boolean): Promise<TermChange> {
  const result = await db
    .updateTable("vocabularyTerms")
    .set({ active: active ? 1 : 0 })
    .where("id", "=", id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n ? "ok" : "not_found";
}
