// The one reading of search text, shared by every full-text search (candidates
// and openings alike) on both databases. The app, not the database, decides
// what a word is: a document is stored as its words (lower case, accents
// taken off, C++ and friends kept whole) separated by spaces, and a query is
// the same words, each a prefix, all of which must match. SQLite's FTS5 and
// PostgreSQL's `simple` configuration then see the same words and give the
// same hits: no stemming ("lager" finds "lagerarbejde", never "lagkage").

// The words are split on everything but letters and digits, so "C++", "C#"
// and ".NET" would all become "c" or "net". Such words are written as one
// word ("cplusplus", "csharp", "dotnet") in documents and queries alike.
const WHOLE_TOKENS = /(?<![\p{L}\p{N}])(\.?)([\p{L}\p{N}]+)([+#]+)?(?![\p{L}\p{N}])/gu;
const MAX_WORDS = 12;

/** Technical words like C++, C# and .NET as one word each. */
function keepWhole(text: string): string {
  return text.replace(WHOLE_TOKENS, (whole, dot: string, word: string, marks: string | undefined) => {
    if (!dot && !marks) return whole;
    const suffix = (marks ?? "").replace(/\+/g, "plus").replace(/#/g, "sharp");
    // A dot counts only before a letter at the start of a word (".NET", not "slut.").
    return `${dot ? "dot" : ""}${word}${suffix}`;
  });
}

/**
 * Text → its words: lower case, accents taken off as SQLite's
 * `remove_diacritics 2` does ("café" → "cafe", "å" → "a"; "æ" and "ø" are
 * letters of their own and stay).
 */
function words(text: string): string[] {
  const plain = keepWhole(text.normalize("NFC"))
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC");
  return plain.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A document as both indexes hold it: its words, separated by spaces. */
export function encodeSearchText(text: string): string {
  return words(text).join(" ");
}

/** Typed text → the words to search for (all must match, each as a prefix); null when there are none. */
export function searchWords(input: string): string[] | null {
  const found = words(input);
  return found.length === 0 ? null : found.slice(0, MAX_WORDS);
}

/**
 * Free text → an FTS5 query that cannot be a syntax error: each word becomes
 * a quoted prefix term ("lager"* also finds "lagerarbejde"), all must match.
 */
export function toFtsQuery(input: string): string | null {
  const found = searchWords(input);
  return found && found.map((w) => `"${w}"*`).join(" ");
}

/** The same words as a PostgreSQL tsquery (`simple` configuration): each a prefix (`lager:*`), all must match. */
export function toTsQuery(input: string): string | null {
  const found = searchWords(input);
  return found && found.map((w) => `${w}:*`).join(" & ");
}
