import type { Availability, ProfileStatus, ProfileTermKind } from "../../db/schema";

// Danish words for the profile's fixed choices, shared by forms, pages and the server.

export const TIMES_OF_DAY = ["morning", "midday", "afternoon", "evening", "weekend"] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

export const timeOfDayLabels: Record<TimeOfDay, string> = {
  morning: "Tidlig morgen (før kl. 9)",
  midday: "Formiddag",
  afternoon: "Eftermiddag",
  evening: "Aften",
  weekend: "Weekend",
};

export const AVAILABILITIES = ["seeking", "open_to_change", "not_seeking"] as const satisfies readonly Availability[];

export const availabilityLabels: Record<Availability, string> = {
  seeking: "Søger job",
  open_to_change: "I job, men åben for nyt",
  not_seeking: "Søger ikke lige nu",
};

export const profileStatusLabels: Record<ProfileStatus, string> = {
  draft: "Kladde: kun du kan se den",
  pending: "Venter på godkendelse fra jobcentret",
  returned: "Sendt tilbage af jobcentret",
  approved: "Godkendt",
};

/** The lists a flexjobber builds one item at a time, and the vocabulary each one picks from. */
export const TERM_KINDS = ["competence", "certificate", "education", "industry", "job_type"] as const satisfies readonly ProfileTermKind[];

export const termKindText: Record<ProfileTermKind, { title: string; add: string; hint: string; vocabulary?: "competence" | "certificate" | "industry" }> = {
  competence: { title: "Kompetencer", add: "Tilføj en kompetence", hint: "Skriv og vælg fra listen, eller skriv din egen.", vocabulary: "competence" },
  certificate: { title: "Certifikater og beviser", add: "Tilføj et certifikat eller bevis", hint: "Fx truckcertifikat, hygiejnebevis eller kørekort.", vocabulary: "certificate" },
  education: { title: "Uddannelse og kurser", add: "Tilføj en uddannelse eller et kursus", hint: 'Fx "Kontoruddannelse, 2010" eller "Kursus i Excel".' },
  industry: { title: "Brancher du gerne vil arbejde i", add: "Tilføj en branche", hint: "Vælg fra listen.", vocabulary: "industry" },
  job_type: { title: "Slags job du søger", add: "Tilføj en slags job", hint: 'Fx "Køkkenmedhjælper" eller "Kontorassistent".' },
};

/** Companies see an age band, never the birth date. */
export function ageBand(birthDate: string | null, today = new Date()): string | null {
  if (!birthDate) return null;
  const born = new Date(`${birthDate}T00:00:00Z`);
  let age = today.getUTCFullYear() - born.getUTCFullYear();
  const hadBirthday = today.getUTCMonth() > born.getUTCMonth() || (today.getUTCMonth() === born.getUTCMonth() && today.getUTCDate() >= born.getUTCDate());
  if (!hadBirthday) age -= 1;
  if (age < 30) return "Under 30 år";
  if (age >= 60) return "60 år eller derover";
  const low = Math.floor(age / 10) * 10;
  return `${low}–${low + 9} år`;
}

/** 7.5 → "7,5": hours as Danes write them (and as the hours fields read them back). */
export function hoursNumber(h: number): string {
  return String(h).replace(".", ",");
}

export function hoursText(min: number | null, max: number | null): string | null {
  if (min === null || max === null) return null;
  return min === max ? `${hoursNumber(min)} timer om ugen` : `${hoursNumber(min)}–${hoursNumber(max)} timer om ugen`;
}

/** "Lagermedarbejder, Transport og lager hos Nordisk Fragt (9 år)": one line of work experience. */
export function experienceText(e: { title: string; industry: string | null; employer: string | null; years: number | null }): string {
  return `${e.title}${e.industry ? `, ${e.industry}` : ""}${e.employer ? ` hos ${e.employer}` : ""}${e.years !== null ? ` (${e.years} år)` : ""}`;
}
