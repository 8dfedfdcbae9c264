import { postcodeLabel } from "../../db/vocabularies/postcodes";
import { ageBand, availabilityLabels, hoursText, timeOfDayLabels } from "./options";
import type { ProfileDetails } from "./profile-details";

/**
 * The anonymised profile: everything a company may see before the
 * flexjobber says yes, and nothing else. Built field by field (never by
 * spreading the row), so a new column can't leak by accident. The preview,
 * the search cards, the candidate page and the search index all use it.
 */
export interface CompanyProfileView {
  alias: string;
  headline: string | null;
  summary: string | null;
  competences: string[];
  certificates: string[];
  education: string[];
  industries: string[];
  jobTypes: string[];
  experiences: { title: string; industry: string | null; employer: string | null; years: number | null }[];
  hours: string | null;
  timesOfDay: string[];
  /** "2820 Gentofte": postcode district, never an address. */
  area: string | null;
  maxCommuteKm: number | null;
  availability: string;
  ageBand: string | null;
  /** Only the items marked visible, and only while health consent is given. */
  accommodations: string[];
  updatedAt: string;
}

export function toCompanyView(d: ProfileDetails, today = new Date()): CompanyProfileView {
  const p = d.profile;
  const showEmployer = p.showEmployerNames === 1;
  return {
    alias: p.alias,
    headline: p.headline,
    summary: p.summary,
    competences: d.terms.competence.map((t) => t.label),
    certificates: d.terms.certificate.map((t) => t.label),
    education: d.terms.education.map((t) => t.label),
    industries: d.terms.industry.map((t) => t.label),
    jobTypes: d.terms.job_type.map((t) => t.label),
    experiences: d.experiences.map((e) => ({
      title: e.title,
      industry: e.industry,
      employer: showEmployer ? e.employer : null,
      years: e.years,
    })),
    hours: hoursText(p.hoursMin, p.hoursMax),
    timesOfDay: d.timesOfDay.map((t) => timeOfDayLabels[t]).filter(Boolean),
    area: postcodeLabel(p.postcode),
    maxCommuteKm: p.maxCommuteKm,
    availability: availabilityLabels[p.availability],
    ageBand: ageBand(p.birthDate, today),
    accommodations: d.healthConsent ? d.accommodations.filter((a) => a.visibleToCompanies === 1).map((a) => a.label) : [],
    updatedAt: p.updatedAt,
  };
}

/** The text the full-text index holds: the same anonymised view, flattened. */
export function searchableText(view: CompanyProfileView): string {
  return [
    view.headline,
    view.summary,
    ...view.competences,
    ...view.certificates,
    ...view.education,
    ...view.industries,
    ...view.jobTypes,
    ...view.experiences.flatMap((e) => [e.title, e.industry, e.employer]),
    ...view.accommodations,
  ]
    .filter(Boolean)
    .join("\n");
}
