import type { Accommodation, Opening, Profile } from "../../db/schema";
import { normalizeTerm } from "../../db/vocabularies/terms";
import type { MatchOpening, MatchProfile, Term } from "./score";

// Stored rows → the plain inputs of scoreMatch. Kept apart so the engine stays pure.

/** What scoring needs of an opening: its row and its terms (a loaded opening has them). */
export interface OpeningMatchSource {
  opening: Pick<Opening, "hoursMin" | "hoursMax" | "lat" | "lng" | "remote" | "industry">;
  required: Term[];
  wanted: Term[];
  offers: Term[];
}

/**
 * What scoring needs of a profile. A loaded profile (ProfileDetails) has it;
 * matching names only these fields so it stays below the profiles area.
 */
export interface ProfileMatchSource {
  profile: Pick<Profile, "hoursMin" | "hoursMax" | "lat" | "lng" | "maxCommuteKm">;
  terms: { competence: { label: string }[]; industry: { label: string }[] };
  accommodations: Pick<Accommodation, "label" | "normalized" | "visibleToCompanies">[];
  /** Active explicit consent to show skånebehov: without it none is visible. */
  healthConsent: boolean;
}

export function profileForMatching(d: ProfileMatchSource): MatchProfile {
  const p = d.profile;
  return {
    competences: d.terms.competence.map((t) => ({ label: t.label, normalized: normalizeTerm(t.label) })),
    hoursMin: p.hoursMin,
    hoursMax: p.hoursMax,
    point: p.lat !== null && p.lng !== null ? { lat: p.lat, lng: p.lng } : null,
    maxCommuteKm: p.maxCommuteKm,
    industries: d.terms.industry.map((t) => normalizeTerm(t.label)),
    needs: d.accommodations.map((a) => ({
      label: a.label,
      normalized: a.normalized,
      visible: a.visibleToCompanies === 1 && d.healthConsent,
    })),
  };
}

export function openingForMatching(d: OpeningMatchSource): MatchOpening {
  const o = d.opening;
  return {
    required: d.required,
    wanted: d.wanted,
    hoursMin: o.hoursMin,
    hoursMax: o.hoursMax,
    point: o.lat !== null && o.lng !== null ? { lat: o.lat, lng: o.lng } : null,
    remote: o.remote === 1,
    industry: { label: o.industry, normalized: normalizeTerm(o.industry) },
    offers: d.offers,
  };
}
