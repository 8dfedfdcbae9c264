import { sql, type RawBuilder } from "kysely";
import { POSTCODE_ROWS } from "../../db/vocabularies/postcode-data";
import { DISTANCE_FIT, WEIGHTS, type Audience, type MatchOpening, type MatchProfile } from "./score";

/**
 * scoreMatch's score as SQL, so a search can rank every row that passes its
 * filters without loading them: for each row an upper bound of the exact
 * score, equal to it for every part but distance (SQL has no haversine, so
 * distance is measured flat with a margin that can only overstate the fit).
 * rankByBound then scores exactly, in JavaScript, only as many rows as the
 * page needs (issue 16). scoreMatch stays the one definition of a score: these
 * expressions follow its parts and weights, and a test holds them to it.
 */

const lit = (n: number) => sql.lit(n);
const list = (values: string[]) => sql.join(values.length > 0 ? values : [""]);

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
  const num = sql.join(parts.map((p) => sql`${p.weight} * (${p.fit})`), sql` + `);
  const den = sql.join(parts.map((p) => p.weight), sql` + `);
  // The small addition keeps float rounding from putting a bound below the exact score it equals.
  return sql<number>`(case when (${den}) = 0 then 0 else 100.0 * (${num}) / (${den}) + 0.000001 end)`;
}

const always = (w: number) => sql<number>`${lit(w)}`;
const when = (cond: RawBuilder<unknown>, w: number) => sql<number>`(case when ${cond} then ${lit(w)} else 0 end)`;

/**
 * Bound of scoreMatch(profile, opening, "flexjobber") for every opening row
 * aliased `o` (job search: the profile is fixed, the openings vary).
 */
export function openingScoreBound(profile: MatchProfile): RawBuilder<number> {
  const mine = profile.competences.map((c) => c.normalized);
  const parts: Part[] = [];

  // Competences: required ones weigh double; the part applies when the opening names any.
  const competenceFit = sql<number | null>`(select (2.0 * sum(t.kind = 'required' and t.normalized in (${list(mine)})) + sum(t.kind = 'wanted' and t.normalized in (${list(mine)})))
      / (2 * sum(t.kind = 'required') + sum(t.kind = 'wanted')) from opening_terms t where t.opening_id = o.id and t.kind in ('required', 'wanted'))`;
  parts.push({ weight: when(sql`${competenceFit} is not null`, WEIGHTS.competences), fit: sql`coalesce(${competenceFit}, 0)` });

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
    // Openings store the vocabulary's label; the profile's industries are normalized labels.
    parts.push({
      weight: always(WEIGHTS.industry),
      fit: sql`(o.industry in (select v.label from vocabulary_terms v where v.kind = 'industry' and v.normalized in (${list(profile.industries)})))`,
    });
  }

  if (profile.needs.length > 0) {
    const needs = profile.needs.map((n) => n.normalized);
    parts.push({
      weight: always(WEIGHTS.accommodations),
      fit: sql`(select count(*) from opening_terms t where t.opening_id = o.id and t.kind = 'accommodation' and t.normalized in (${list(needs)})) * 1.0 / ${lit(needs.length)}`,
    });
  }
  return combine(parts);
}

/**
 * Bound of scoreMatch(profile, opening, audience) for every profile row
 * aliased `p` (the opening is fixed, the profiles vary): "company" for
 * recommended candidates, "flexjobber" for telling people about a new job.
 */
export function profileScoreBound(opening: MatchOpening, audience: Audience = "company"): RawBuilder<number> {
  const parts: Part[] = [];
  const required = opening.required.map((t) => t.normalized);
  const wanted = opening.wanted.map((t) => t.normalized);
  if (required.length + wanted.length > 0) {
    const hits = sql<number | null>`(select 2.0 * sum(t.normalized in (${list(required)})) + sum(t.normalized in (${list(wanted)}))
        from profile_terms t where t.user_id = p.user_id and t.kind = 'competence' and t.normalized in (${list([...required, ...wanted])}))`;
    parts.push({ weight: always(WEIGHTS.competences), fit: sql`coalesce(${hits}, 0) / ${lit(2 * required.length + wanted.length)}` });
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

  // Industry: applies when the profile wants any; null from max() means none.
  const industryFit = sql<number | null>`(select max(t.normalized = ${opening.industry.normalized}) from profile_terms t where t.user_id = p.user_id and t.kind = 'industry')`;
  parts.push({ weight: when(sql`${industryFit} is not null`, WEIGHTS.industry), fit: sql`coalesce(${industryFit}, 0)` });

  // Skånebehov: the flexjobber reasons over all of hers; a company only over
  // those it may see (marked visible, health consent given).
  const offers = opening.offers.map((t) => t.normalized);
  const needsMet = (visibleOnly: boolean) =>
    sql<number | null>`(select sum(a.normalized in (${list(offers)})) * 1.0 / count(*) from accommodations a where a.user_id = p.user_id${visibleOnly ? sql` and a.visible_to_companies = 1` : sql``})`;
  const needsFit =
    audience === "flexjobber"
      ? needsMet(false)
      : sql<number | null>`(case when exists (select 1 from consents hc where hc.user_id = p.user_id and hc.purpose = 'health_data' and hc.withdrawn_at is null) then ${needsMet(true)} end)`;
  parts.push({ weight: when(sql`${needsFit} is not null`, WEIGHTS.accommodations), fit: sql`coalesce(${needsFit}, 0)` });
  return combine(parts);
}
