import type { ProfileTermKind } from "../../db/schema";

// How far a profile is, and the next step that helps most. Pure, so the page
// and the publish check agree.

interface CompletenessInput {
  profile: { headline: string | null; summary: string | null; hoursMin: number | null; postcode: string | null };
  terms: Record<ProfileTermKind, unknown[]>;
  experiences: unknown[];
}

interface Step {
  done: (d: CompletenessInput) => boolean;
  todo: string;
  /** Which editor page fixes it. */
  to: string;
}

// In order of how much each step helps a company find the flexjobber.
const STEPS: Step[] = [
  { done: (d) => Boolean(d.profile.headline), todo: "Skriv en overskrift om dig selv", to: "/profil/om" },
  { done: (d) => d.terms.competence.length >= 3, todo: "Tilføj mindst 3 kompetencer", to: "/profil/kompetencer" },
  { done: (d) => d.profile.hoursMin !== null, todo: "Skriv hvor mange timer du kan arbejde", to: "/profil/oensker" },
  { done: (d) => d.profile.postcode !== null, todo: "Skriv dit postnummer", to: "/profil/oensker" },
  { done: (d) => (d.profile.summary ?? "").length >= 50, todo: "Skriv et par linjer om dig selv", to: "/profil/om" },
  { done: (d) => d.experiences.length > 0, todo: "Tilføj din erfaring", to: "/profil/erfaring" },
  { done: (d) => d.terms.industry.length + d.terms.job_type.length > 0, todo: "Vælg hvilke brancher eller job du søger", to: "/profil/oensker" },
  { done: (d) => d.terms.education.length + d.terms.certificate.length > 0, todo: "Tilføj uddannelse, kurser eller certifikater", to: "/profil/kompetencer" },
];

export function completeness(d: CompletenessInput): { percent: number; next: { text: string; to: string } | null } {
  const open = STEPS.filter((s) => !s.done(d));
  const percent = Math.round(((STEPS.length - open.length) / STEPS.length) * 100);
  return { percent, next: open[0] ? { text: open[0].todo, to: open[0].to } : null };
}

/** What must be there before the jobcenter can look at the profile. Empty list = ready. */
export function checkPublishable(d: CompletenessInput | null): string[] {
  if (!d) return ["Skriv en overskrift", "Tilføj mindst 1 kompetence", "Skriv hvor mange timer du kan arbejde", "Skriv dit postnummer"];
  const missing: string[] = [];
  if (!d.profile.headline) missing.push("Skriv en overskrift");
  if (d.terms.competence.length === 0) missing.push("Tilføj mindst 1 kompetence");
  if (d.profile.hoursMin === null) missing.push("Skriv hvor mange timer du kan arbejde");
  if (d.profile.postcode === null) missing.push("Skriv dit postnummer");
  return missing;
}
