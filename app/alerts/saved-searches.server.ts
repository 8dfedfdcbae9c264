import { type JobSearchInput, jobSearchSchema } from "~/openings/schemas";
import { AVAILABILITIES, availabilityLabels } from "~/profiles/options";
import { type CandidateSearchInput, candidateSearchSchema, DEFAULT_SEARCH_KM, HOURS_MAX_PER_WEEK } from "~/profiles/schemas";
import { formDataToObject } from "~/utils/forms.server";
import { quoted } from "~/utils/quote";

import type { Db } from "../../db/kysely";
import type { SavedSearchKind } from "../../db/schema";

// Saved searches ("Gem søgning", "Gemte søgninger"): a company's candidate
// search or a flexjobber's job search, kept as the page's own query string so
// the page's own schema reads it back. Alerts about new hits: alerts.server.ts.

export const MAX_SAVED_SEARCHES = 20;

/** Where each kind of search lives, and who may save it. */
export const searchPages: Record<SavedSearchKind, string> = { candidates: "/kandidater", jobs: "/job" };

export type ParsedSearch = { kind: "candidates"; input: CandidateSearchInput } | { kind: "jobs"; input: JobSearchInput };

/**
 * A query string as the search page reads it; null when the page would refuse
 * it. Paging is not part of a search.
 */
export function readSearch(kind: SavedSearchKind, query: string): { parsed: ParsedSearch; canonical: string } | null {
  const kept = canonicalSearch(new URLSearchParams(query));
  const values = formDataToObject(kept);
  if (kind === "candidates") {
    const result = candidateSearchSchema.safeParse(values);
    return result.success ? { parsed: { kind, input: result.data }, canonical: kept.toString() } : null;
  }
  const result = jobSearchSchema.safeParse(values);
  return result.success ? { parsed: { kind, input: result.data }, canonical: kept.toString() } : null;
}

/** The search in words, for the list and the default name: "lager · 10–20 timer · Kompetencer: Truckkort". */
/** A search as it is saved: without the page and the empty fields. */
function canonicalSearch(params: URLSearchParams): URLSearchParams {
  const kept = new URLSearchParams();
  for (const [key, value] of params) if (key !== "side" && value.trim() !== "") kept.append(key, value.trim());
  return kept;
}

/**
 * What "Gem søgning" on a search page offers: the query to save and its words,
 * from the input the page parsed already (the page is not part of a search).
 * Null when there is nothing to save.
 */
export function searchToSave(params: URLSearchParams, parsed: ParsedSearch): { query: string; label: string } | null {
  const query = canonicalSearch(params).toString();
  return query ? { query, label: describeSearch(parsed) } : null;
}

export function describeSearch(search: ParsedSearch): string {
  const parts: string[] = [];
  if (search.kind === "candidates") {
    const f = search.input;
    if (f.q) parts.push(quoted(f.q));
    if (f.branche) parts.push(f.branche);
    if (f.kompetence.length > 0) parts.push(`Kompetencer: ${f.kompetence.join(", ")}`);
    if (f.certifikat.length > 0) parts.push(`Certifikater: ${f.certifikat.join(", ")}`);
    if (f.timerFra !== undefined || f.timerTil !== undefined) parts.push(`${f.timerFra ?? 1}–${f.timerTil ?? HOURS_MAX_PER_WEEK} timer om ugen`);
    if (f.postnr) parts.push(`inden for ${f.km ?? DEFAULT_SEARCH_KM} km af ${f.postnr}`);
    if (f.status && AVAILABILITIES.includes(f.status)) parts.push(availabilityLabels[f.status]);
    return parts.length > 0 ? parts.join(" · ") : "Alle kandidater";
  }
  const f = search.input;
  if (f.q) parts.push(quoted(f.q));
  if (f.branche) parts.push(f.branche);
  if (f.timer) parts.push("timer der passer til mig");
  if (f.afstand) parts.push("inden for min afstand");
  if (f.hjemme) parts.push("hjemmefra");
  if (f.ny) parts.push("nye i denne uge");
  return parts.length > 0 ? parts.join(" · ") : "Alle job";
}

export async function saveSearch(
  db: Db,
  input: { userId: string; kind: SavedSearchKind; name: string; query: string },
  now = new Date(),
): Promise<"saved" | "invalid" | "too_many"> {
  const read = readSearch(input.kind, input.query);
  if (!read) return "invalid";
  const { n } = await db
    .selectFrom("savedSearches")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("userId", "=", input.userId)
    .executeTakeFirstOrThrow();
  if (Number(n) >= MAX_SAVED_SEARCHES) return "too_many";
  const at = now.toISOString();
  // The mark starts now: what already matches is on the page; only what comes later is news.
  await db.insertInto("savedSearches").values({ userId: input.userId, kind: input.kind, name: input.name, query: read.canonical, createdAt: at, checkedUntil: at }).execute();
  return "saved";
}

export async function listSavedSearches(db: Db, userId: string) {
  const rows = await db
    .selectFrom("savedSearches as s")
    .select(["s.id", "s.kind", "s.name", "s.query", "s.createdAt"])
    .select((eb) =>
      eb
        .selectFrom("savedSearchHits as h")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("h.savedSearchId", "=", "s.id")
        .as("hits"),
    )
    .where("s.userId", "=", userId)
    .orderBy("s.id", "desc")
    .execute();
  return rows.map((r) => {
    const read = readSearch(r.kind, r.query);
    return {
      id: r.id,
      name: r.name,
      createdAt: r.createdAt,
      hits: Number(r.hits ?? 0),
      description: read ? describeSearch(read.parsed) : "",
      href: `${searchPages[r.kind]}${r.query ? `?${r.query}` : ""}`,
    };
  });
}

/** Only the owner deletes; someone else's id is the same as no id. */
export async function deleteSavedSearch(db: Db, userId: string, id: number): Promise<boolean> {
  const result = await db.deleteFrom("savedSearches").where("id", "=", id).where("userId", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
