import { type RawBuilder, type SelectQueryBuilder, sql } from "kysely";

import type { Db } from "../../db/kysely";
import { type PortableSql, portableSql } from "../../db/portable";
import type { Database } from "../../db/schema";
import { POSTCODE_ROWS } from "../../db/vocabularies/postcode-data";
import { SET_SEPARATOR } from "./match-terms";
import type { BoundedRow } from "./rank";
import { type Audience, DISTANCE_FIT, type MatchOpening, type MatchProfile, WEIGHTS } from "./score";

/**
 * scoreMatch's score as SQL, so a search can rank every row that passes its
 * filters without loading them: for each row an upper bound of the exact
 * score, equal to it for every part but distance (SQL has no haversine, so
 * distance is measured flat with a margin that can only overstate the fit).
 * It reads only the row's own columns, the match terms included
 * (match-terms.ts), so it costs no lookup per row. rankByBound then scores
 * exactly, in JavaScript, only as many rows as the page needs.
 * scoreMatch stays the one definition of a score: these expressions follow
 * its parts and weights, and a test holds them to it.
 */

const lit = (n: number) => sql.lit(n);
/** 1 when the set column holds the term, else 0. */
const holds = (q: PortableSql, set: RawBuilder<string>, term: string) => sql<number>`(case when ${q.position(set, SET_SEPARATOR + term + SET_SEPARATOR)} > 0 then 1 else 0 end)`;
/** How many of the terms the set column holds. */
const countIn = (q: PortableSql, set: RawBuilder<string>, terms: string[]) =>
  terms.length === 0
    ? sql<number>`0`
    : sql<number>`(${sql.join(
        terms.map((t) => holds(q, set, t)),
        sql` + `,
      )})`;

// Flat distance underestimates nothing when each degree counts for no more
// than it does anywhere in Denmark: longitude at the northernmost point.
const NORTHMOST = Math.max(...POSTCODE_ROWS.map((r) => r[2]));
const KM_PER_LAT = 110.5;
const kmPerLng = (lat: number) => 111.0 * Math.cos((Math.max(lat, NORTHMOST) * Math.PI) / 180);

/** Squared flat distance (km²) from a fixed point to the point in columns `lat`/`lng`. */
function flatDistance2(lat: RawBuilder<number | null>, lng: RawBuilder<number | null>, origin: { lat: number; lng: number }): RawBuilder<number> {
  const dy = sql`((${lat} - ${lit(origin.lat)}) * ${lit(KM_PER_LAT)})`;
  const dx = sql`((${lng} - ${lit(origin.lng)}) * ${lit(kmPerLng(origin.lat))})`;
  return sql<number>`(${dy} * ${dy} + ${dx} * ${dx})`;
}

/** The largest flat distance² at which the rounded true distance can still be ≤ km (1 % and half a kilometre to spare). */
function reach2(km: RawBuilder<number> | number): RawBuilder<number> {
  const r = sql`((${typeof km === "number" ? lit(km) : km} + 0.5) * 1.01 + 0.5)`;
  return sql<number>`(${r} * ${r})`;
}

/** The distance fit for a limit (a number, or a nullable column), as scoreMatch's distancePart would give it at most. */
function distanceFit(d2: RawBuilder<number>, limit: RawBuilder<number | null> | number | null): RawBuilder<number> {
  if (limit === null) return sql<number>`${lit(DISTANCE_FIT.noLimit)}`;
  const l = typeof limit === "number" ? lit(limit) : limit;
  const fit = sql<number>`case when ${d2} <= ${reach2(sql`${l}`)} then 1 when ${d2} <= ${reach2(sql`${l} * ${lit(DISTANCE_FIT.stretch)}`)} then ${lit(DISTANCE_FIT.stretched)} else 0 end`;
  return typeof limit === "number" ? fit : sql<number>`case when ${l} is null then ${lit(DISTANCE_FIT.noLimit)} else ${fit} end`;
}

/** A weighted part: its weight where it applies (else 0) and its fit there. */
interface Part {
  weight: RawBuilder<number>;
  fit: RawBuilder<number>;
}

function combine(parts: Part[]): RawBuilder<number> {
  const num = sql.join(
    parts.map((p) => sql`${p.weight} * (${p.fit})`),
    sql` + `,
  );
  const den = sql.join(
    parts.map((p) => p.weight),
    sql` + `,
  );
  // Rounded as scoreMatch rounds; the small addition keeps float rounding from
  // putting a bound below the exact score it equals.
  return sql<number>`round(case when (${den}) = 0 then 0 else 100.0 * (${num}) / (${den}) + 0.000001 end)`;
}

/**
 * The highest score anyone can reach who holds none of an opening's
 * competences (every other part perfect): a search may look among those who
 * hold some first, and stop when its last place beats this.
 */
export const BEST_WITHOUT_COMPETENCES = Math.round(
  (100 * (WEIGHTS.hours + WEIGHTS.distance + WEIGHTS.industry + WEIGHTS.accommodations)) /
    (WEIGHTS.competences + WEIGHTS.hours + WEIGHTS.distance + WEIGHTS.industry + WEIGHTS.accommodations),
);

/** A condition on profile rows `p`: the profile holds at least one of these competences (normalized). */
export function holdsAnyCompetence(db: Db, terms: string[]): RawBuilder<boolean> {
  return sql<boolean>`${countIn(portableSql(db), sql`p.match_competences`, terms)} > 0`;
}

const always = (w: number) => sql<number>`${lit(w)}`;
const when = (cond: RawBuilder<unknown>, w: number) => sql<number>`(case when ${cond} then ${lit(w)} else 0 end)`;

/**
 * Bound of scoreMatch(profile, opening, "flexjobber") for every opening row
 * aliased `o` (job search: the profile is fixed, the openings vary).
 */
export function openingScoreBound(db: Db, profile: MatchProfile): RawBuilder<number> {
  const q = portableSql(db);
  const mine = profile.competences.map((c) => c.normalized);
  const parts: Part[] = [];

  // Competences: required ones weigh double; the part applies when the opening names any.
  const named = sql`(2 * o.match_required_count + o.match_wanted_count)`;
  parts.push({
    weight: when(sql`${named} > 0`, WEIGHTS.competences),
    fit: sql`(2.0 * ${countIn(q, sql`o.match_required`, mine)} + ${countIn(q, sql`o.match_wanted`, mine)}) / ${q.greatest(named, 1)}`,
  });

  if (profile.hoursMin !== null && profile.hoursMax !== null) {
    const [min, max] = [lit(profile.hoursMin), lit(profile.hoursMax)];
    parts.push({
      weight: always(WEIGHTS.hours),
      fit: sql`case when o.hours_min >= ${min} and o.hours_max <= ${max} then 1 when o.hours_min <= ${max} and o.hours_max >= ${min} then 0.5 else 0 end`,
    });
  }

  const here = profile.point;
  const away = here ? distanceFit(flatDistance2(sql`o.lat`, sql`o.lng`, here), profile.maxCommuteKm) : sql<number>`0`;
  parts.push({
    weight: here ? when(sql`o.remote = 1 or o.lat is not null`, WEIGHTS.distance) : when(sql`o.remote = 1`, WEIGHTS.distance),
    fit: sql`case when o.remote = 1 then 1 else ${away} end`,
  });

  if (profile.industries.length > 0) {
    parts.push({ weight: always(WEIGHTS.industry), fit: sql`(case when o.match_industry in (${sql.join(profile.industries)}) then 1 else 0 end)` });
  }

  if (profile.needs.length > 0) {
    const needs = profile.needs.map((n) => n.normalized);
    parts.push({ weight: always(WEIGHTS.accommodations), fit: sql`${countIn(q, sql`o.match_offers`, needs)} * 1.0 / ${lit(needs.length)}` });
  }
  return combine(parts);
}

/**
 * Bound of scoreMatch(profile, opening, audience) for every profile row
 * aliased `p` (the opening is fixed, the profiles vary): "company" for
 * recommended candidates, "flexjobber" for telling people about a new job.
 */
export function profileScoreBound(db: Db, opening: MatchOpening, audience: Audience = "company"): RawBuilder<number> {
  const q = portableSql(db);
  const parts: Part[] = [];
  const required = opening.required.map((t) => t.normalized);
  const wanted = opening.wanted.map((t) => t.normalized);
  if (required.length + wanted.length > 0) {
    const hits = sql`(2.0 * ${countIn(q, sql`p.match_competences`, required)} + ${countIn(q, sql`p.match_competences`, wanted)})`;
    parts.push({ weight: always(WEIGHTS.competences), fit: sql`${hits} / ${lit(2 * required.length + wanted.length)}` });
  }

  const [min, max] = [lit(opening.hoursMin), lit(opening.hoursMax)];
  parts.push({
    weight: when(sql`p.hours_min is not null and p.hours_max is not null`, WEIGHTS.hours),
    fit: sql`case when ${min} >= p.hours_min and ${max} <= p.hours_max then 1 when ${min} <= p.hours_max and ${max} >= p.hours_min then 0.5 else 0 end`,
  });

  if (opening.remote) parts.push({ weight: always(WEIGHTS.distance), fit: sql`1` });
  else if (opening.point) {
    parts.push({
      weight: when(sql`p.lat is not null and p.lng is not null`, WEIGHTS.distance),
      fit: distanceFit(flatDistance2(sql`p.lat`, sql`p.lng`, opening.point), sql`p.max_commute_km`),
    });
  }

  // Industry: applies when the profile wants any.
  parts.push({ weight: when(sql`p.match_industries != ''`, WEIGHTS.industry), fit: holds(q, sql`p.match_industries`, opening.industry.normalized) });

  // Skånebehov: the flexjobber reasons over all of hers; a company only over
  // those it may see (marked visible, health consent given).
  const [needs, count] = audience === "flexjobber" ? [sql<string>`p.match_needs`, sql`p.match_need_count`] : [sql<string>`p.match_visible_needs`, sql`p.match_visible_need_count`];
  const offers = opening.offers.map((t) => t.normalized);
  parts.push({ weight: when(sql`${count} > 0`, WEIGHTS.accommodations), fit: sql`${countIn(q, needs, offers)} * 1.0 / ${q.greatest(count, 1)}` });
  return combine(parts);
}

/**
 * The rows of a query that selects `key`, `tie` and `bound`, in the order
 * rankByBound reads them (bound, then newest first), a slice at a time.
 */
export function inBoundOrder<K extends string | number>(
  db: Db,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  rows: SelectQueryBuilder<Database, any, { key: K; tie: string | null; bound: number }>,
): (offset: number, limit: number) => Promise<BoundedRow<K>[]> {
  return async (offset, limit) => {
    const found = await db.selectFrom(rows.as("b")).selectAll().orderBy("b.bound", "desc").orderBy("b.tie", "desc").orderBy("b.key", "desc").limit(limit).offset(offset).execute();
    return found.map((r) => ({ key: r.key as K, bound: r.bound as number, tie: (r.tie as string | null) ?? "" }));
  };
}
