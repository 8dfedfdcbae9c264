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
  await trx.insertInto("profileFts").values({ userId, body: encodeSearchText(searchableText(toCompanyView(details))) }).execute();
}

// The index splits words on everything but letters and digits, so "C++",
// "C#" and ".NET" would all become "c" or "net". Such words are written as
// one word ("cplusplus", "csharp", "dotnet") in the index and in queries alike.
const WHOLE_TOKENS = /(?<![\p{L}\p{N}])(\.?)([\p{L}\p{N}]+)([+#]+)?(?![\p{L}\p{N}])/gu;

/** Text as the full-text index holds it: technical words like C++, C# and .NET kept whole. */
export function encodeSearchText(text: string): string {
  return text.replace(WHOLE_TOKENS, (whole, dot: string, word: string, marks: string | undefined) => {
    if (!dot && !marks) return whole;
    const suffix = (marks ?? "").replace(/\+/g, "plus").replace(/#/g, "sharp");
    // A dot counts only before a letter at the start of a word (".NET", not "slut.").
    return `${dot ? "dot" : ""}${word}${suffix}`;
  });
}

/**
 * Free text → an FTS5 query that cannot be a syntax error: each word becomes
 * a quoted prefix term ("lager"* also finds "lagerarbejde"), all must match.
 */
export function toFtsQuery(input: string): string | null {
  const words = encodeSearchText(input.normalize("NFC")).match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 12)
    .map((w) => `"${w}"*`)
    .join(" ");
}
