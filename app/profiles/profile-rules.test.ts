import { describe, expect, it } from "vitest";

import { toFtsQuery } from "~/search/text";

import { checkPublishable, completeness } from "./completeness";
import { ageBand } from "./options";

const empty = {
  profile: { headline: null, summary: null, hoursMin: null, postcode: null },
  terms: { competence: [], certificate: [], education: [], industry: [], job_type: [] },
  experiences: [],
};

describe("completeness", () => {
  it("starts at 0 % with the headline as next step, and points to competences when they are missing", () => {
    expect(completeness(empty)).toEqual({ percent: 0, next: { text: "Skriv en overskrift om dig selv", to: "/profil/om" } });
    const withHeadline = { ...empty, profile: { ...empty.profile, headline: "Hej" }, terms: { ...empty.terms, competence: [1, 2] } };
    expect(completeness(withHeadline)).toEqual({ percent: 13, next: { text: "Tilføj mindst 3 kompetencer", to: "/profil/kompetencer" } });
  });

  it("is 100 % with nothing next when every step is done", () => {
    const full = {
      profile: { headline: "Hej", summary: "x".repeat(60), hoursMin: 8, postcode: "2820" },
      terms: { competence: [1, 2, 3], certificate: [1], education: [], industry: [1], job_type: [] },
      experiences: [1],
    };
    expect(completeness(full)).toEqual({ percent: 100, next: null });
    expect(checkPublishable(full)).toEqual([]);
  });

  it("lists what is missing before publishing", () => {
    expect(checkPublishable(empty)).toEqual(["Skriv en overskrift", "Tilføj mindst 1 kompetence", "Skriv hvor mange timer du kan arbejde", "Skriv dit postnummer"]);
  });
});

describe("ageBand", () => {
  const today = new Date("2026-11-23T12:00:00Z");
  it("gives a band, never the age", () => {
    expect(ageBand(null, today)).toBeNull();
    expect(ageBand("2000-01-01", today)).toBe("Under 30 år");
    expect(ageBand("1996-11-23", today)).toBe("30–39 år");
    expect(ageBand("1996-11-24", today)).toBe("Under 30 år");
    expect(ageBand("1971-04-09", today)).toBe("50–59 år");
    expect(ageBand("1960-01-01", today)).toBe("60 år eller derover");
  });
});

describe("toFtsQuery", () => {
  it("turns any input into quoted prefix terms, so FTS5 syntax can't break the search", () => {
    expect(toFtsQuery("lager truck")).toBe('"lager"* "truck"*');
    expect(toFtsQuery('kørekort" OR NEAR(')).toBe('"kørekort"* "or"* "near"*');
    expect(toFtsQuery("  *** ")).toBeNull();
  });
});
