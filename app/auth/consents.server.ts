import type { Db } from "../../db/kysely";
import type { ConsentPurpose } from "../../db/schema";

// Consents are rows with a given and a withdrawn date, never deleted while the
// account lives: they are the record of what the person said yes to, and when.

export async function hasConsent(db: Db, userId: string, purpose: ConsentPurpose): Promise<boolean> {
  const row = await currentConsents(db, purpose).where("userId", "=", userId).executeTakeFirst();
  return row !== undefined;
}

/** The consents to `purpose` in force now (given, not withdrawn), as a query to narrow or test inside another. */
export function currentConsents(db: Db, purpose: ConsentPurpose) {
  return db.selectFrom("consents").select("userId").where("purpose", "=", purpose).where("withdrawnAt", "is", null);
}

/** Records the consent unless it is already given; `witnessedBy` when it was given at a meeting and recorded by that staff member. */
export async function giveConsent(db: Db, input: { userId: string; purpose: ConsentPurpose; textVersion: string; witnessedBy?: string | null }, now = new Date()): Promise<void> {
  if (await hasConsent(db, input.userId, input.purpose)) return;
  await db
    .insertInto("consents")
    .values({ userId: input.userId, purpose: input.purpose, textVersion: input.textVersion, witnessedBy: input.witnessedBy ?? null, givenAt: now.toISOString(), withdrawnAt: null })
    .execute();
}

export async function withdrawConsent(db: Db, userId: string, purpose: ConsentPurpose, now = new Date()): Promise<void> {
  await db.updateTable("consents").set({ withdrawnAt: now.toISOString() }).where("userId", "=", userId).where("purpose", "=", purpose).where("withdrawnAt", "is", null).execute();
}
