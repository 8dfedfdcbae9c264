import { sql } from "kysely";
import type { Db } from "../../db/kysely";
import { postcodeLabel } from "../../db/vocabularies/postcodes";
import { openingForMatching, profileForMatching } from "~/matching/adapters";
import { scoreMatch, type Match } from "~/matching/score";
import { toCompanyView, type CompanyProfileView } from "~/profiles/company-view";
import type { ProfileDetails } from "~/profiles/profile-details";
import { loadProfileDetails, loadProfileDetailsMany } from "~/profiles/profile.server";
import { visibleProfiles } from "~/profiles/visibility.server";
import { toFtsQuery } from "~/profiles/search-index.server";
import { hoursText } from "~/profiles/options";
import { liveOpenings, loadOpenings, type OpeningDetails } from "./openings.server";
import type { JobSearchInput } from "./schemas";
import { withinKm } from "~/utils/distance.server";

export const JOBS_PER_PAGE = 10;
// Matching runs in JavaScript over the openings the SQL filters leave; this caps that set.
const MAX_SCORED = 500;
const WEEK = 7 * 86_400_000;

export interface JobFilters {
  q?: string;
  industry?: string;
  /** Only openings whose hours overlap the flexjobber's range. */
  fitsHours: boolean;
  /** Only openings within the flexjobber's max commute (remote ones always count). */
  withinCommute: boolean;
  remoteOnly: boolean;
  newThisWeek: boolean;
  sort: "match" | "newest" | "deadline";
  page: number;
}

export interface JobCard {
  id: number;
  title: string;
  companyName: string;
  hours: string;
  place: string;
  deadline: string | null;
  publishedAt: string | null;
  /** null while the profile has no competences: a score would only say "0 %". */
  match: Match | null;
  saved: boolean;
}

/**
 * How much the matching engine has to go on. "empty": no competences, so no
 * scores (newest openings instead); "thin": a few, so scores come with an
 * invitation to add more.
 */
export type ProfileStrength = "empty" | "thin" | "enough";
const THIN_BELOW = 3;

export function profileStrength(profile: ProfileDetails | null): ProfileStrength {
  const n = profile?.terms.competence.length ?? 0;
  return n === 0 ? "empty" : n < THIN_BELOW ? "thin" : "enough";
}

/** The page's query string (already read by jobSearchSchema) as search filters. */
export function jobFilters(f: JobSearchInput): JobFilters {
  return { q: f.q, industry: f.branche, fitsHours: f.timer, withinCommute: f.afstand, remoteOnly: f.hjemme, newThisWeek: f.ny, sort: f.sortering, page: f.side };
}

/**
 * The live openings a flexjobber's search finds (her hours and commute from
 * her profile), as a query to narrow or select from. Saved-search alerts use it too.
 */
export function matchingOpenings(db: Db, profile: ProfileDetails | null, filters: JobFilters, now = new Date()) {
  const p = profile?.profile;
  const match = filters.q ? toFtsQuery(filters.q) : null;

  let query = liveOpenings(db, now);
  if (match) query = query.where(sql<boolean>`o.id in (select opening_id from opening_fts where opening_fts match ${match})`);
  if (filters.industry) query = query.where("o.industry", "=", filters.industry);
  if (filters.remoteOnly) query = query.where("o.remote", "=", 1);
  if (filters.newThisWeek) query = query.where("o.publishedAt", ">=", new Date(now.getTime() - WEEK).toISOString());
  if (filters.fitsHours && p?.hoursMin != null && p.hoursMax != null) {
    query = query.where("o.hoursMin", "<=", p.hoursMax).where("o.hoursMax", ">=", p.hoursMin);
  }
  if (filters.withinCommute && p?.lat != null && p.lng != null && p.maxCommuteKm != null) {
    const home = { lat: p.lat, lng: p.lng };
    const km = p.maxCommuteKm;
    query = query.where((eb) => eb.or([eb("o.remote", "=", 1), withinKm("o", home, km)]));
  }
  return query;
}

/** "Job" for a flexjobber: live openings only, filtered in SQL, ranked by the matching engine. */
export async function searchJobs(db: Db, userId: string, filters: JobFilters, now = new Date()) {
  const details = await loadProfileDetails(db, userId);
  const strength = profileStrength(details);
  const query = matchingOpenings(db, details, filters, now);
  const ids = (await query.select("o.id").orderBy("o.publishedAt", "desc").limit(MAX_SCORED).execute()).map((r) => r.id);
  const [openings, saved] = await Promise.all([
    loadOpenings(db, ids),
    db.selectFrom("savedOpenings").select("openingId").where("userId", "=", userId).execute(),
  ]);
  const savedIds = new Set(saved.map((s) => s.openingId));
  const cards = ids.flatMap((id) => {
    const o = openings.get(id);
    return o ? [toJobCard(o, details, savedIds.has(id))] : [];
  });
  cards.sort(compareBy(strength === "empty" && filters.sort === "match" ? "newest" : filters.sort));
  const pages = Math.max(1, Math.ceil(cards.length / JOBS_PER_PAGE));
  const page = Math.min(Math.max(1, filters.page), pages);
  return { cards: cards.slice((page - 1) * JOBS_PER_PAGE, page * JOBS_PER_PAGE), total: cards.length, page, pages, hasProfile: details !== null, strength };
}

function compareBy(sort: JobFilters["sort"]) {
  return (a: JobCard, b: JobCard) => {
    const byScore = (b.match?.score ?? 0) - (a.match?.score ?? 0);
    if (sort === "deadline") return (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999") || byScore;
    if (sort === "newest") return (b.publishedAt ?? "").localeCompare(a.publishedAt ?? "");
    return byScore || (b.publishedAt ?? "").localeCompare(a.publishedAt ?? "");
  };
}

/** One opening as a flexjobber sees it, with the match explained to them. */
export function toJobCard(o: OpeningDetails, profile: ProfileDetails | null, saved: boolean): JobCard {
  return {
    id: o.opening.id,
    title: o.opening.title,
    companyName: o.companyName,
    hours: hoursText(o.opening.hoursMin, o.opening.hoursMax) ?? "",
    place: openingPlace(o),
    deadline: o.opening.deadline,
    publishedAt: o.opening.publishedAt,
    match: profile && profileStrength(profile) !== "empty" ? scoreMatch(profileForMatching(profile), openingForMatching(o), "flexjobber") : null,
    saved,
  };
}

export function openingPlace(o: OpeningDetails): string {
  const area = postcodeLabel(o.opening.postcode);
  if (o.opening.remote === 1) return area ? `Hjemmefra eller ${area}` : "Hjemmefra";
  return area ?? "";
}

export interface CandidateMatch {
  alias: string;
  view: CompanyProfileView;
  match: Match;
}

/**
 * "Anbefalede kandidater" for an opening: visible profiles ranked by the same
 * engine, anonymised; never someone already hired for this opening.
 */
export async function recommendCandidates(db: Db, opening: OpeningDetails, limit = 10): Promise<CandidateMatch[]> {
  const rows = await visibleProfiles(db, opening.opening.companyId)
    .select("p.userId")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom("hires as h").select("h.id").whereRef("h.userId", "=", "p.userId").where("h.openingId", "=", opening.opening.id).where("h.cancelledAt", "is", null),
        ),
      ),
    )
    .orderBy("p.approvedAt", "desc")
    .limit(MAX_SCORED)
    .execute();
  const details = await loadProfileDetailsMany(db, rows.map((r) => r.userId));
  const forMatching = openingForMatching(opening);
  return [...details.values()]
    .map((d) => ({ alias: d.profile.alias, view: toCompanyView(d), match: scoreMatch(profileForMatching(d), forMatching, "company") }))
    .sort((a, b) => b.match.score - a.match.score)
    .slice(0, limit);
}
