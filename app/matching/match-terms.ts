import type { ProfileMatchColumn } from "../../db/schema";
import type { MatchOpening, MatchProfile } from "./score";

/**
 * What scoreMatch compares, precomputed on each profile and opening row so a
 * search can bound every row's score from its own columns (bounds.server.ts).
 * A set is its normalized terms between newlines ("\nlager\npakning\n"): a
 * normalized term never holds a newline, so "\nterm\n" finds one whole term.
 */
export const SET_SEPARATOR = "\n";

export function termSet(terms: string[]): string {
  return terms.length === 0 ? "" : SET_SEPARATOR + terms.join(SET_SEPARATOR) + SET_SEPARATOR;
}

/** The columns of a profile row that hold its match terms, from the same adapter scoring uses. */
export function profileMatchTerms(p: MatchProfile) {
  const visible = p.needs.filter((n) => n.visible);
  return {
    matchCompetences: termSet(p.competences.map((c) => c.normalized)),
    matchIndustries: termSet(p.industries),
    matchNeeds: termSet(p.needs.map((n) => n.normalized)),
    matchNeedCount: p.needs.length,
    matchVisibleNeeds: termSet(visible.map((n) => n.normalized)),
    matchVisibleNeedCount: visible.length,
  };
}

/** A profile's columns once it holds nothing (erased). */
export const NO_PROFILE_MATCH_TERMS = profileMatchTerms({ competences: [], hoursMin: null, hoursMax: null, point: null, maxCommuteKm: null, industries: [], needs: [] });

/** The columns of an opening row that hold its match terms. */
export function openingMatchTerms(o: MatchOpening) {
  return {
    matchRequired: termSet(o.required.map((t) => t.normalized)),
    matchWanted: termSet(o.wanted.map((t) => t.normalized)),
    matchRequiredCount: o.required.length,
    matchWantedCount: o.wanted.length,
    matchOffers: termSet(o.offers.map((t) => t.normalized)),
    matchIndustry: o.industry.normalized,
  };
}

/** A profile row without its match columns: they are for search, and hold skånebehov. */
export function withoutMatchTerms<T extends Record<ProfileMatchColumn, unknown>>(row: T): Omit<T, ProfileMatchColumn> {
  const { matchCompetences: _c, matchIndustries: _i, matchNeeds: _n, matchNeedCount: _nc, matchVisibleNeeds: _v, matchVisibleNeedCount: _vc, ...rest } = row;
  return rest;
}
