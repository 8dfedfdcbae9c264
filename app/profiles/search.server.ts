import { sql } from "kysely";

import { profileTextMatches } from "~/search/text-index.server";
import { withinKm } from "~/utils/distance.server";

import type { Db } from "../../db/kysely";
import type { Availability } from "../../db/schema";
import { distanceKm, findPostcode } from "../../db/vocabularies/postcodes";
import { normalizeTerm } from "../../db/vocabularies/terms";
import { type CompanyProfileView, toCompanyView } from "./company-view";
import { loadProfileDetailsMany } from "./profile.server";
import { type CandidateSearchInput, DEFAULT_SEARCH_KM } from "./schemas";
import { visibleProfiles } from "./visibility.server";

export const CANDIDATES_PER_PAGE = 10;

export interface CandidateFilters {
  q?: string;
  /** Normalized vocabulary terms; a candidate must have all of them. */
  competences: string[];
  certificates: string[];
  industry?: string;
  hoursMin?: number;
  hoursMax?: number;
  postcode?: string;
  km?: number;
  availability?: Availability;
  sort: "relevance" | "newest";
  page: number;
}

export interface CandidateCard {
  alias: string;
  headline: string | null;
  competences: string[];
  hours: string | null;
  area: string | null;
  availability: string;
  distanceKm: number | null;
}

/** The page's query string (already read by candidateSearchSchema) as search filters. */
export function candidateFilters(f: CandidateSearchInput): CandidateFilters {
  return {
    q: f.q,
    competences: f.kompetence.map(normalizeTerm),
    certificates: f.certifikat.map(normalizeTerm),
    industry: f.branche ? normalizeTerm(f.branche) : undefined,
    hoursMin: f.timerFra,
    hoursMax: f.timerTil,
    postcode: f.postnr,
    km: f.postnr ? (f.km ?? DEFAULT_SEARCH_KM) : undefined,
    availability: f.status,
    sort: f.sortering,
    page: f.side,
  };
}

/**
 * The profiles a company's search finds, as a query to narrow, count or page:
 * always inside the one visibility rule. Saved-search alerts use it too.
 */
export function matchingCandidates(db: Db, companyId: number, filters: CandidateFilters) {
  const text = filters.q ? profileTextMatches(db, filters.q) : null;
  // Only a search with words touches the full-text index; its rank then orders by relevance.
  let query = text
    ? visibleProfiles(db, companyId).innerJoin(text.as("tm"), "tm.userId", "p.userId").select("tm.rank")
    : visibleProfiles(db, companyId).select(sql<number>`0`.as("rank"));
  for (const normalized of filters.competences) query = query.where(hasTerm("competence", normalized));
  for (const normalized of filters.certificates) query = query.where(hasTerm("certificate", normalized));
  if (filters.industry) query = query.where(hasTerm("industry", filters.industry));
  if (filters.availability) query = query.where("p.availability", "=", filters.availability);
  // Hours overlap: the candidate's range and the wanted range share at least one hour.
  if (filters.hoursMin !== undefined) query = query.where("p.hoursMax", ">=", filters.hoursMin);
  if (filters.hoursMax !== undefined) query = query.where("p.hoursMin", "<=", filters.hoursMax);
  const origin = filters.postcode ? findPostcode(filters.postcode) : null;
  if (origin && filters.km !== undefined) query = query.where(withinKm("p", origin, filters.km));
  return { query, text: text !== null, origin };
}

/** "Find kandidater": full-text plus filters over anonymised profiles, a page at a time. */
export async function searchCandidates(db: Db, companyId: number, filters: CandidateFilters): Promise<{ cards: CandidateCard[]; total: number; page: number; pages: number }> {
  const { query, text, origin } = matchingCandidates(db, companyId, filters);
  const ordered = text && filters.sort === "relevance" ? query.orderBy("rank").orderBy("p.approvedAt", "desc") : query.orderBy("p.approvedAt", "desc");
  // One query gives the page and the true count (a window over every match).
  const pageOf = (page: number) =>
    ordered
      .select(["p.userId", sql<number>`count(*) over ()`.as("total")])
      .orderBy("p.userId")
      .limit(CANDIDATES_PER_PAGE)
      .offset((page - 1) * CANDIDATES_PER_PAGE)
      .execute();
  let page = Math.max(1, filters.page);
  let rows = await pageOf(page);
  if (rows.length === 0 && page > 1) {
    // Past the end (an old link): show the last page there is.
    const { total } = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .executeTakeFirstOrThrow();
    page = Math.max(1, Math.ceil(total / CANDIDATES_PER_PAGE));
    rows = await pageOf(page);
  }
  const total = rows[0]?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / CANDIDATES_PER_PAGE));

  const details = await loadProfileDetailsMany(
    db,
    rows.map((r) => r.userId),
  );
  const cards = rows.flatMap((r) => {
    const d = details.get(r.userId);
    if (!d) return [];
    const view = toCompanyView(d);
    const distance = origin && d.profile.lat !== null && d.profile.lng !== null ? distanceKm(origin, { lat: d.profile.lat, lng: d.profile.lng }) : null;
    return [toCard(view, distance)];
  });
  return { cards, total, page, pages };
}

function toCard(view: CompanyProfileView, distance: number | null): CandidateCard {
  return {
    alias: view.alias,
    headline: view.headline,
    competences: view.competences.slice(0, 8),
    hours: view.hours,
    area: view.area,
    availability: view.availability,
    distanceKm: distance,
  };
}

function hasTerm(kind: "competence" | "certificate" | "industry", normalized: string) {
  return sql<boolean>`exists (select 1 from profile_terms t where t.user_id = p.user_id and t.kind = ${kind} and t.normalized = ${normalized})`;
}
