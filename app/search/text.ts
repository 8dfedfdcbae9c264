// The one reading of typed search text, shared by every full-text search
// (candidates and openings alike) and by the indexes that answer them.

// The index splits words on everything but letters and digits, so "C++",
// "C#" and ".NET" would all become "c" or "net". Such words are written as
// one word ("cplusplus", "csharp", "dotnet") in the index and in queries alike.
const WHOLE_TOKENS = /(?<![\p{L}\p{N}])(\.?)([\p{L}\p{N}]+)([+#]+)?(?![\p{L}\p{N}])/gu;
const MAX_WORDS = 12;

/** Text as the full-text index holds it: technical words like C++, C# and .NET kept whole. */
export function encodeSearchText(text: string): string {
  return text.replace(WHOLE_TOKENS, (whole, dot: string, word: string, marks: string | undefined) => {
    if (!dot && !marks) return whole;
    const suffix = (marks ?? "").replace(/\+/g, "plus").replace(/#/g, "sharp");
    // A dot counts only before a letter at the start of a word (".NET", not "slut.").
    return `${dot ? "dot" : ""}${word}${suffix}`;
  });
}

/** Typed text → the words to search for (all must match, each as a prefix); null when there are none. */
export function searchWords(input: string): string[] | null {
  const words = encodeSearchText(input.normalize("NFC")).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length === 0 ? null : words.slice(0, MAX_WORDS);
}

/**
 * Free text → an FTS5 query that cannot be a syntax error: each word becomes
 * a quoted prefix term ("lager"* also finds "lagerarbejde"), all must match.
 */
export function toFtsQuery(input: string): string | null {
  const words = searchWords(input);
  return words && words.map((w) => `"${w}"*`).join(" ");
}

/** The same words as a PostgreSQL tsquery: each a prefix (`lager:*`), all must match. */
export function toTsQuery(input: string): string | null {
  const words = searchWords(input);
  return words && words.map((w) => `${w}:*`).join(" & ");
}
