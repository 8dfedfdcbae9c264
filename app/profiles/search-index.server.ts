import type { Db } from "../../db/kysely";
import { searchableText, toCompanyView } from "./company-view";
import type { ProfileDetails } from "./profile-details";

/**
 * Replaces the profile's row in the FTS5 index with its anonymised text.
 * Called inside the same transaction as every profile change.
 */
export async function indexProfile(trx: Db, details: ProfileDetails): Promise<void> {
  const userId = details.profile.userId;
  await trx.deleteFrom("profileFts").where("userId", "=", userId).execute();
  await trx.insertInto("profileFts").values({ userId, body: searchableText(toCompanyView(details)) }).execute();
}

/**
 * Free text → an FTS5 query that cannot be a syntax error: each word becomes
 * a quoted prefix term ("lager"* also finds "lagerarbejde"), all must match.
 */
export function toFtsQuery(input: string): string | null {
  const words = input.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 12)
    .map((w) => `"${w}"*`)
    .join(" ");
}
