import { describe, expect, it } from "vitest";

import { findPostcode } from "../../db/vocabularies/postcodes";
import { normalizeTerm } from "../../db/vocabularies/terms";
import { type MatchOpening, type MatchProfile, scoreMatch } from "./score";

const term = (label: string) => ({ label, normalized: normalizeTerm(label) });
const at = (code: string) => {
  const p = findPostcode(code)!;
  return { lat: p.lat, lng: p.lng };
};

// Blank inputs: only the part a test fills in counts, so scores can be worked out by hand.
const blankProfile: MatchProfile = { competences: [], hoursMin: null, hoursMax: null, point: null, maxCommuteKm: null, industries: [], needs: [] };
const blankOpening: MatchOpening = {
  required: [],
  wanted: [],
  hoursMin: 10,
  hoursMax: 15,
  point: null,
  remote: false,
  industry: term("Transport og lager"),
  offers: [],
};

describe("scoreMatch", () => {
  it("competences: all required → 100, none → 0, and required weigh double", () => {
    const opening = { ...blankOpening, required: [term("Lagerarbejde"), term("Pakning")] };
    const all = scoreMatch({ ...blankProfile, competences: [term("lagerarbejde"), term("Pakning")] }, opening, "flexjobber");
    expect(all).toEqual({ score: 100, reasons: [{ text: "Du har 2 af 2 krævede kompetencer", good: true }] });
    const none = scoreMatch(blankProfile, opening, "flexjobber");
    expect(none.score).toBe(0);
    // To the flexjobber a missing competence is something to add, not a failure.
    expect(none.reasons).toEqual([{ text: "Jobbet kræver Lagerarbejde, Pakning. Kan du det, så tilføj det til din profil", good: false, tip: true }]);
    expect(scoreMatch(blankProfile, opening, "company").reasons).toEqual([
      { text: "Har 0 af 2 krævede kompetencer", good: false },
      { text: "Mangler: Lagerarbejde, Pakning", good: false },
    ]);
    // 1 of 1 required (2 points) + 0 of 2 wanted (0 of 2 points) = 2/4.
    const mixed = scoreMatch(
      { ...blankProfile, competences: [term("Lagerarbejde")] },
      { ...blankOpening, required: [term("Lagerarbejde")], wanted: [term("Kundeservice"), term("Salg")] },
      "company",
    );
    expect(mixed.score).toBe(50);
    expect(mixed.reasons.map((r) => r.text)).toEqual(["Har 1 af 1 krævede kompetencer", "Har 0 af 2 ønskede kompetencer"]);
  });

  it("hours: inside the profile's range → 100, overlapping → 50, outside → 0", () => {
    const profile = { ...blankProfile, hoursMin: 10, hoursMax: 20 };
    const inside = scoreMatch(profile, { ...blankOpening, hoursMin: 12, hoursMax: 15 }, "flexjobber");
    expect(inside).toEqual({ score: 100, reasons: [{ text: "Timetallet passer (12–15 timer om ugen)", good: true }] });
    const overlap = scoreMatch(profile, { ...blankOpening, hoursMin: 15, hoursMax: 25 }, "flexjobber");
    expect(overlap).toEqual({ score: 50, reasons: [{ text: "Timetallet passer delvist: 15–25 timer om ugen mod dine 10–20 timer", good: true }] });
    const outside = scoreMatch(profile, { ...blankOpening, hoursMin: 25, hoursMax: 30 }, "company");
    expect(outside).toEqual({ score: 0, reasons: [{ text: "Timetallet passer ikke: 25–30 timer om ugen mod ønsket 10–20 timer", good: false }] });
  });

  it("distance: inside the commute → 100, far outside → 0, just outside → 40, remote always fits", () => {
    const profile = { ...blankProfile, point: at("2820"), maxCommuteKm: 15 };
    const near = scoreMatch(profile, { ...blankOpening, point: at("2900") }, "flexjobber");
    expect(near.score).toBe(100);
    expect(near.reasons[0]!.text).toMatch(/^[0-4] km fra dig$/);
    const far = scoreMatch(profile, { ...blankOpening, point: at("8000") }, "flexjobber");
    expect(far.score).toBe(0);
    expect(far.reasons[0]).toMatchObject({ good: false });
    expect(far.reasons[0]!.text).toMatch(/^\d+ km fra dig: længere end de 15 km, du vil rejse$/);
    // Gentofte → Hillerød is about 24 km: beyond 20, within 1.5 × 20.
    const stretch = scoreMatch({ ...profile, maxCommuteKm: 20 }, { ...blankOpening, point: at("3400") }, "company");
    expect(stretch.score).toBe(40);
    expect(stretch.reasons[0]!.text).toMatch(/km fra arbejdspladsen: vil højst rejse 20 km$/);
    const remote = scoreMatch(profile, { ...blankOpening, point: at("8000"), remote: true }, "flexjobber");
    expect(remote).toEqual({ score: 100, reasons: [{ text: "Kan udføres hjemmefra", good: true }] });
  });

  it("accommodations: an offered need counts for, one the opening cannot meet counts against", () => {
    const profile = { ...blankProfile, needs: [{ ...term("Ingen tunge løft"), visible: true }] };
    const offered = scoreMatch(profile, { ...blankOpening, offers: [term("Ingen tunge løft")] }, "flexjobber");
    expect(offered).toEqual({ score: 100, reasons: [{ text: "Arbejdspladsen tilbyder: ingen tunge løft", good: true }] });
    const missing = scoreMatch(profile, { ...blankOpening, offers: [term("Fleksible mødetider")] }, "flexjobber");
    expect(missing).toEqual({ score: 0, reasons: [{ text: "Spørg arbejdspladsen, om den kan tilbyde: ingen tunge løft", good: false }] });
  });

  it("never uses a hidden skånebehov in a company-facing score or explanation", () => {
    const hidden = { ...term("Pauser efter behov"), visible: false };
    const shown = { ...term("Ingen tunge løft"), visible: true };
    const opening = { ...blankOpening, required: [term("Lagerarbejde")], offers: [term("Ingen tunge løft")] };
    const profile = { ...blankProfile, competences: [term("Lagerarbejde")], needs: [shown, hidden] };
    const forCompany = scoreMatch(profile, opening, "company");
    expect(forCompany.score).toBe(100);
    expect(JSON.stringify(forCompany)).not.toMatch(/pauser/i);
    expect(forCompany).toEqual(scoreMatch({ ...profile, needs: [shown] }, opening, "company"));
    // The flexjobber sees their own hidden need in their own explanation.
    // (40 × 1 + 10 × ½) ÷ 50 = 90.
    const forFlexjobber = scoreMatch(profile, opening, "flexjobber");
    expect(forFlexjobber.score).toBe(90);
    expect(forFlexjobber.reasons).toContainEqual({ text: "Spørg arbejdspladsen, om den kan tilbyde: pauser efter behov", good: false });
  });

  it("adds the parts by their weights (a worked example)", () => {
    const profile: MatchProfile = {
      competences: [term("Lagerarbejde"), term("Pakning"), term("Truckkørsel")],
      hoursMin: 10,
      hoursMax: 20,
      point: at("2820"),
      maxCommuteKm: 15,
      industries: [normalizeTerm("Transport og lager")],
      needs: [
        { ...term("Ingen tunge løft"), visible: true },
        { ...term("Pauser efter behov"), visible: false },
      ],
    };
    const opening: MatchOpening = {
      required: [term("Lagerarbejde"), term("Pakning")],
      wanted: [term("Kundeservice")],
      hoursMin: 12,
      hoursMax: 15,
      point: at("2900"),
      remote: false,
      industry: term("Transport og lager"),
      offers: [term("Ingen tunge løft")],
    };
    // competences 40 × 4/5 = 32, hours 20, distance 20, industry 10, needs 10 × 1/2 = 5 → 87.
    expect(scoreMatch(profile, opening, "flexjobber").score).toBe(87);
    // The company only reasons over the visible need: 10 × 1/1 → 92.
    expect(scoreMatch(profile, opening, "company").score).toBe(92);
  });
});
