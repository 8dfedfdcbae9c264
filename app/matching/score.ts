import { distanceKm } from "../../db/vocabularies/postcodes";

/**
 * The matching engine (DESIGN.md "Matching"): one pure function that scores a
 * profile against an opening 0–100 and says why, in Danish. The same function
 * ranks openings for a flexjobber and candidates for a company; the audience
 * only changes the wording and which skånebehov may be used.
 */

export interface Term {
  label: string;
  normalized: string;
}

export interface MatchProfile {
  competences: Term[];
  hoursMin: number | null;
  hoursMax: number | null;
  point: { lat: number; lng: number } | null;
  maxCommuteKm: number | null;
  /** Wanted industries (normalized labels). */
  industries: string[];
  /** Skånebehov. visible = shown to companies (switched on and consent given). */
  needs: (Term & { visible: boolean })[];
}

export interface MatchOpening {
  required: Term[];
  wanted: Term[];
  hoursMin: number;
  hoursMax: number;
  point: { lat: number; lng: number } | null;
  remote: boolean;
  industry: Term;
  offers: Term[];
}

export type Audience = "flexjobber" | "company";

export interface Reason {
  text: string;
  /** true counts for the match, false against it. */
  good: boolean;
  /**
   * Something the flexjobber could add to her profile (a missing competence):
   * shown as a suggestion, not as a failure.
   */
  tip?: true;
}

export interface Match {
  score: number;
  reasons: Reason[];
}

// How much each part weighs when it applies; parts without data are left out.
export const WEIGHTS = { competences: 40, hours: 20, distance: 20, industry: 10, accommodations: 10 } as const;
/** Distance fits: within the limit 1; no limit given 0.5; a little beyond (up to STRETCH × the limit) 0.4; further 0. */
export const DISTANCE_FIT = { noLimit: 0.5, stretch: 1.5, stretched: 0.4 } as const;

interface Part {
  weight: number;
  /** 0..1 */
  fit: number;
  reasons: Reason[];
}

export function scoreMatch(profile: MatchProfile, opening: MatchOpening, audience: Audience): Match {
  const parts = [
    competencePart(profile, opening, audience),
    hoursPart(profile, opening, audience),
    distancePart(profile, opening, audience),
    industryPart(profile, opening, audience),
    accommodationPart(profile, opening, audience),
  ].filter((p): p is Part => p !== null);
  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  const score = total === 0 ? 0 : Math.round((100 * parts.reduce((sum, p) => sum + p.weight * p.fit, 0)) / total);
  return { score, reasons: parts.flatMap((p) => p.reasons) };
}

const has = (terms: Term[], t: Term) => terms.some((x) => x.normalized === t.normalized);

function competencePart(profile: MatchProfile, opening: MatchOpening, audience: Audience): Part | null {
  const { required, wanted } = opening;
  if (required.length + wanted.length === 0) return null;
  const reqHit = required.filter((t) => has(profile.competences, t));
  const wantHit = wanted.filter((t) => has(profile.competences, t));
  // Required competences weigh double.
  const fit = (2 * reqHit.length + wantHit.length) / (2 * required.length + wanted.length);
  const reasons: Reason[] = [];
  const missing = required.filter((t) => !has(profile.competences, t)).map((t) => t.label);
  if (audience === "company") {
    if (required.length > 0) {
      reasons.push({ text: `Har ${reqHit.length} af ${required.length} krævede kompetencer`, good: reqHit.length === required.length });
      if (missing.length > 0) reasons.push({ text: `Mangler: ${missing.join(", ")}`, good: false });
    }
    if (wanted.length > 0) reasons.push({ text: `Har ${wantHit.length} af ${wanted.length} ønskede kompetencer`, good: wantHit.length > 0 });
    return { weight: WEIGHTS.competences, fit, reasons };
  }
  // To the flexjobber, what she lacks is what she could add, not a failure.
  if (reqHit.length > 0) reasons.push({ text: `Du har ${reqHit.length} af ${required.length} krævede kompetencer`, good: true });
  if (missing.length > 0) reasons.push({ text: `Jobbet kræver ${missing.join(", ")}. Kan du det, så tilføj det til din profil`, good: false, tip: true });
  if (wantHit.length > 0) reasons.push({ text: `Du har ${wantHit.length} af ${wanted.length} ønskede kompetencer`, good: true });
  else if (wanted.length > 0) reasons.push({ text: `Gerne også: ${wanted.map((t) => t.label).join(", ")}`, good: false, tip: true });
  return { weight: WEIGHTS.competences, fit, reasons };
}

function hoursPart(profile: MatchProfile, opening: MatchOpening, audience: Audience): Part | null {
  const { hoursMin: pMin, hoursMax: pMax } = profile;
  if (pMin === null || pMax === null) return null;
  const range = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);
  const theirs = audience === "flexjobber" ? `dine ${range(pMin, pMax)} timer` : `ønsket ${range(pMin, pMax)} timer`;
  const job = `${range(opening.hoursMin, opening.hoursMax)} timer om ugen`;
  if (opening.hoursMin >= pMin && opening.hoursMax <= pMax) {
    return { weight: WEIGHTS.hours, fit: 1, reasons: [{ text: `Timetallet passer (${job})`, good: true }] };
  }
  if (opening.hoursMin <= pMax && opening.hoursMax >= pMin) {
    return { weight: WEIGHTS.hours, fit: 0.5, reasons: [{ text: `Timetallet passer delvist: ${job} mod ${theirs}`, good: true }] };
  }
  return { weight: WEIGHTS.hours, fit: 0, reasons: [{ text: `Timetallet passer ikke: ${job} mod ${theirs}`, good: false }] };
}

function distancePart(profile: MatchProfile, opening: MatchOpening, audience: Audience): Part | null {
  if (opening.remote) return { weight: WEIGHTS.distance, fit: 1, reasons: [{ text: "Kan udføres hjemmefra", good: true }] };
  if (!profile.point || !opening.point) return null;
  const km = distanceKm(profile.point, opening.point);
  const where = audience === "flexjobber" ? `${km} km fra dig` : `${km} km fra arbejdspladsen`;
  const limit = profile.maxCommuteKm;
  if (limit === null) return { weight: WEIGHTS.distance, fit: DISTANCE_FIT.noLimit, reasons: [{ text: where, good: true }] };
  if (km <= limit) return { weight: WEIGHTS.distance, fit: 1, reasons: [{ text: where, good: true }] };
  const over = audience === "flexjobber" ? `længere end de ${limit} km, du vil rejse` : `vil højst rejse ${limit} km`;
  // A little beyond the limit still counts a bit: people stretch for the right job.
  return { weight: WEIGHTS.distance, fit: km <= limit * DISTANCE_FIT.stretch ? DISTANCE_FIT.stretched : 0, reasons: [{ text: `${where}: ${over}`, good: false }] };
}

function industryPart(profile: MatchProfile, opening: MatchOpening, audience: Audience): Part | null {
  if (profile.industries.length === 0) return null;
  const fits = profile.industries.includes(opening.industry.normalized);
  const whose = audience === "flexjobber" ? "dine" : "de";
  return {
    weight: WEIGHTS.industry,
    fit: fits ? 1 : 0,
    reasons: [{ text: fits ? `${opening.industry.label} er en af ${whose} ønskede brancher` : `${opening.industry.label} er ikke en af ${whose} ønskede brancher`, good: fits }],
  };
}

function accommodationPart(profile: MatchProfile, opening: MatchOpening, audience: Audience): Part | null {
  // A company only ever reasons over the needs it is allowed to see.
  const needs = audience === "company" ? profile.needs.filter((n) => n.visible) : profile.needs;
  if (needs.length === 0) return null;
  const met = needs.filter((n) => has(opening.offers, n));
  const reasons: Reason[] = met.map((n) => ({ text: `Arbejdspladsen tilbyder: ${n.label.toLocaleLowerCase("da-DK")}`, good: true }));
  // A need the opening does not mention is a question to ask, not a "no" (and never a double negative).
  const ask = audience === "flexjobber" ? "Spørg arbejdspladsen, om den kan tilbyde" : "Tal med kandidaten om";
  for (const n of needs.filter((x) => !has(opening.offers, x))) {
    reasons.push({ text: `${ask}: ${n.label.toLocaleLowerCase("da-DK")}`, good: false });
  }
  return { weight: WEIGHTS.accommodations, fit: met.length / needs.length, reasons };
}
