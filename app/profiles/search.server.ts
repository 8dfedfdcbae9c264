import { sql } from "kysely";
import type { Db } from "../../db/kysely";
import type { Availability } from "../../db/schema";
import { distanceKm, findPostcode } from "../../db/vocabularies/postcodes";
import { normalizeTerm } from "../../db/vocabularies/terms";
import { toCompanyView, type CompanyProfileView } from "./company-view";
import { loadProfileDetailsMany } from "./profile.server";
import type { CandidateSearchInput } from "./schemas";
import { toFtsQuery } from "./search-index.server";
import { visibleProfiles } from "./visibility.server";
import { withinKm } from "~/utils/distance.server";

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
    km: f.postnr ? (f.km ?? 25) : undefined,
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
  const match = filters.q ? toFtsQuery(filters.q) : null;
  let query = visibleProfiles(db, companyId).innerJoin("profileFts", "profileFts.userId", "p.userId");
  if (match) query = query.where(sql<boolean>`profile_fts match ${match}`);
  for (const normalized of filters.competences) query = query.where(hasTerm("competence", normalized));
  for (const normalized of filters.certificates) query = query.where(hasTerm("certificate", normalized));
  if (filters.industry) query = query.where(hasTerm("industry", filters.industry));
  if (filters.availability) query = query.where("p.availability", "=", filters.availability);
  // Hours overlap: the candidate's range and the wanted range share at least one hour.
  if (filters.hoursMin !== undefined) query = query.where("p.hoursMax", ">=", filters.hoursMin);
  if (filters.hoursMax !== undefined) query = query.where("p.hoursMin", "<=", filters.hoursMax);
  const origin = filters.postcode ? findPostcode(filters.postcode) : null;
  if (origin && filters.km !== undefined) query = query.where(withinKm("p", origin, filters.km));
  return { query, match, origin };
}

/** "Find kandidater": full-text plus filters over anonymised profiles, a page at a time. */
export async function searchCandidates(
  db: Db,
  companyId: number,
  filters: CandidateFilters,
): Promise<{ cards: CandidateCard[]; total: number; page: number; pages: number }> {
  const { query, match, origin } = matchingCandidates(db, companyId, filters);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(total / CANDIDATES_PER_PAGE));
  const page = Math.min(Math.max(1, filters.page), pages);
  const ordered =
    match && filters.sort === "relevance"
      ? query.orderBy(sql`bm25(profile_fts)`).orderBy("p.approvedAt", "desc")
      : query.orderBy("p.approvedAt", "desc");
  const rows = await ordered
    .select("p.userId")
    .orderBy("p.userId")
    .limit(CANDIDATES_PER_PAGE)
    .offset((page - 1) * CANDIDATES_PER_PAGE)
    .execute();

  const details = await loadProfileDetailsMany(db, rows.map((r) => r.userId));
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
