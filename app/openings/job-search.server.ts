import { sql } from "kysely";

import { openingForMatching, profileForMatching } from "~/matching/adapters";
import { BEST_WITHOUT_COMPETENCES, holdsAnyCompetence, inBoundOrder, openingScoreBound, profileScoreBound } from "~/matching/bounds.server";
import { rankByBound } from "~/matching/rank";
import { type Match, scoreMatch } from "~/matching/score";
import { type CompanyProfileView, toCompanyView } from "~/profiles/company-view";
import { hoursText } from "~/profiles/options";
import { loadProfileDetails, loadProfileDetailsMany } from "~/profiles/profile.server";
import type { ProfileDetails } from "~/profiles/profile-details";
import { visibleProfiles } from "~/profiles/visibility.server";
import { openingTextMatches } from "~/search/text-index.server";
import { withinKm } from "~/utils/distance.server";

import type { Db } from "../../db/kysely";
import { postcodeLabel } from "../../db/vocabularies/postcodes";
import { liveOpenings, loadOpenings, type OpeningDetails } from "./openings.server";
import type { JobSearchInput } from "./schemas";

export const JOBS_PER_PAGE = 10;
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
  const text = filters.q ? openingTextMatches(db, filters.q) : null;

  let query = liveOpenings(db, now);
  if (text) query = query.where("o.id", "in", text);
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

/**
 * "Job" for a flexjobber: live openings only, filtered in SQL. By match, every
 * opening that passes the filters is ranked by the matching engine (a bound in
 * SQL, the exact score for as many as the page needs); the total is a true count.
 */
export async function searchJobs(db: Db, userId: string, filters: JobFilters, now = new Date()) {
  const details = await loadProfileDetails(db, userId);
  const strength = profileStrength(details);
  const query = matchingOpenings(db, details, filters, now);
  const [{ total }, saved] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
    db.selectFrom("savedOpenings").select("openingId").where("userId", "=", userId).execute(),
  ]);
  const savedIds = new Set(saved.map((s) => s.openingId));
  const pages = Math.max(1, Math.ceil(total / JOBS_PER_PAGE));
  const page = Math.min(Math.max(1, filters.page), pages);
  const cardsFor = async (ids: number[]) => {
    const openings = await loadOpenings(db, ids);
    return ids.flatMap((id) => {
      const o = openings.get(id);
      return o ? [toJobCard(o, details, savedIds.has(id))] : [];
    });
  };

  let cards: JobCard[];
  if (details && strength !== "empty" && filters.sort === "match") {
    const ranked = await rankByBound(
      inBoundOrder(db, query.select(["o.id as key", "o.publishedAt as tie", openingScoreBound(db, profileForMatching(details)).as("bound")])),
      async (ids) => (await cardsFor(ids)).map((card) => ({ card, score: card.match?.score ?? 0, tie: card.publishedAt ?? "" })),
      page * JOBS_PER_PAGE,
    );
    cards = ranked.slice((page - 1) * JOBS_PER_PAGE).map((r) => r.card);
  } else {
    const ordered = filters.sort === "deadline" ? query.orderBy(sql`coalesce(o.deadline, '9999-12-31')`).orderBy("o.publishedAt", "desc") : query.orderBy("o.publishedAt", "desc");
    const rows = await ordered
      .select("o.id")
      .orderBy("o.id", "desc")
      .limit(JOBS_PER_PAGE)
      .offset((page - 1) * JOBS_PER_PAGE)
      .execute();
    cards = await cardsFor(rows.map((r) => r.id));
  }
  return { cards, total, page, pages, hasProfile: details !== null, strength };
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
 * "Anbefalede kandidater" for an opening: every visible profile ranked by the
 * same engine, anonymised; never someone already hired for this opening. Ties:
 * the most recently approved first. The bound ranks published profiles from
 * their own columns; the visibility rule and the exact score then apply to
 * as many as it takes (checking visibility for all 50,000 first cost more
 * than everything else together).
 */
export async function recommendCandidates(db: Db, opening: OpeningDetails, limit = 10): Promise<CandidateMatch[]> {
  const forMatching = openingForMatching(opening);
  const terms = [...forMatching.required, ...forMatching.wanted].map((t) => t.normalized);
  const rank = (withCompetence: boolean) => {
    let published = db
      .selectFrom("profiles as p")
      .select(["p.userId as key", "p.approvedAt as tie", profileScoreBound(db, forMatching).as("bound")])
      .where("p.status", "=", "approved")
      .where("p.hidden", "=", 0);
    if (withCompetence) published = published.where(holdsAnyCompetence(db, terms));
    return rankByBound(
      inBoundOrder(db, published),
      async (userIds) => {
        // Visible, not hired here, and their profiles: one statement per batch.
        const candidates = visibleProfiles(db, opening.opening.companyId)
          .select("p.userId")
          .where("p.userId", "in", userIds)
          .where((eb) =>
            eb.not(
              eb.exists(
                eb.selectFrom("hires as h").select("h.id").whereRef("h.userId", "=", "p.userId").where("h.openingId", "=", opening.opening.id).where("h.cancelledAt", "is", null),
              ),
            ),
          );
        const details = await loadProfileDetailsMany(db, candidates);
        return [...details.values()].map((d) => {
          const match = scoreMatch(profileForMatching(d), forMatching, "company");
          return { alias: d.profile.alias, view: toCompanyView(d), match, score: match.score, tie: d.profile.approvedAt ?? "" };
        });
      },
      limit,
    );
  };
  // First those who hold at least one of the competences asked for (a cheap test): when the last
  // one shown beats the best anyone without them can score, nobody else can get on the list.
  let ranked = terms.length > 0 ? await rank(true) : [];
  if (ranked.length < limit || ranked[limit - 1]!.score <= BEST_WITHOUT_COMPETENCES) ranked = await rank(false);
  return ranked.map(({ alias, view, match }) => ({ alias, view, match }));
}
