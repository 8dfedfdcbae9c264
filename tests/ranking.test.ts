import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";

import { prng } from "~/demo/random";
import { openingForMatching, profileForMatching } from "~/matching/adapters";
import { openingScoreBound, profileScoreBound } from "~/matching/bounds.server";
import { scoreMatch } from "~/matching/score";
import { type JobFilters, recommendCandidates, searchJobs } from "~/openings/job-search.server";
import { loadOpening, loadOpenings } from "~/openings/openings.server";
import { loadProfileDetails, loadProfileDetailsMany } from "~/profiles/profile.server";
import { searchCandidates } from "~/profiles/search.server";
import { rebuildSearchIndexes } from "~/schedule/search-indexes.server";
import { profileTextMatches } from "~/search/text-index.server";

import { db } from "../db/client.server";
import { seedTerms } from "../db/vocabularies/terms";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";

// Every search ranks everything that passes its filters, however
// many there are. 2,000 openings and 2,000 profiles; the oldest of each is
// the perfect match and must come first, and the first pages must be exactly
// what scoring every row would give.

const MANY = 2000;
const VARIANTS = 20;
const jobFilters = (f: Partial<JobFilters> = {}): JobFilters => ({ fitsHours: false, withinCommute: false, remoteOnly: false, newThisWeek: false, sort: "match", page: 1, ...f });
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/** Copies a row-built opening (terms included) n times, each published later than the last. */
async function cloneOpening(templateId: number, n: number, first: Date): Promise<void> {
  const template = await db.selectFrom("openings").selectAll().where("id", "=", templateId).executeTakeFirstOrThrow();
  const terms = await db.selectFrom("openingTerms").selectAll().where("openingId", "=", templateId).execute();
  for (let i = 0; i < n; i++) {
    const at = new Date(first.getTime() + i * 60_000).toISOString();
    const { id: _, ...row } = template;
    const { id } = await db
      .insertInto("openings")
      .values({ ...row, createdAt: at, updatedAt: at, publishedAt: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (terms.length)
      await db
        .insertInto("openingTerms")
        .values(terms.map(({ id: _t, ...t }) => ({ ...t, openingId: id })))
        .execute();
  }
}

/** Copies a domain-built approved profile (account, terms, skånebehov, consents) n times, each approved later. */
async function cloneProfile(templateId: string, n: number, first: Date, tag: string): Promise<void> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", templateId).executeTakeFirstOrThrow();
  const profile = await db.selectFrom("profiles").selectAll().where("userId", "=", templateId).executeTakeFirstOrThrow();
  const terms = await db.selectFrom("profileTerms").selectAll().where("userId", "=", templateId).execute();
  const needs = await db.selectFrom("accommodations").selectAll().where("userId", "=", templateId).execute();
  const consents = await db.selectFrom("consents").selectAll().where("userId", "=", templateId).execute();
  for (let i = 0; i < n; i++) {
    const id = `${tag}-${i}`;
    const at = new Date(first.getTime() + i * 60_000).toISOString();
    await db
      .insertInto("users")
      .values({ ...user, id, email: `${id}@klon.test` })
      .execute();
    await db
      .insertInto("profiles")
      .values({ ...profile, userId: id, alias: `Fleksjobber ${id}`, approvedAt: at, updatedAt: at })
      .execute();
    if (terms.length)
      await db
        .insertInto("profileTerms")
        .values(terms.map(({ id: _, ...t }) => ({ ...t, userId: id })))
        .execute();
    if (needs.length)
      await db
        .insertInto("accommodations")
        .values(needs.map(({ id: _, ...a }) => ({ ...a, userId: id })))
        .execute();
    await db
      .insertInto("consents")
      .values(consents.map(({ id: _, ...c }) => ({ ...c, userId: id })))
      .execute();
  }
}

const pick = (r: ReturnType<typeof prng>, list: readonly string[], min: number, max: number) => r.shuffle([...list]).slice(0, r.int(min, max));

let flexjobberId: string;
let perfectOpeningId: number;
let company: { id: number };
let perfectProfileAlias: string;
let targetOpeningId: number;

beforeAll(async () => {
  const r = prng(7);
  company = await createCompany(db, { name: "Mange Opslag A/S" });
  const owner = await createUser(db, { role: "company", companyId: company.id });
  const postcodes = ["2820", "2900", "2800", "2100", "2200", "3000", "4000", "8000"];

  // The flexjobber whose job search is tested, and the oldest opening: made for her.
  const flex = await createFlexjobberWithProfile(
    db,
    {},
    {
      competences: ["Lagerarbejde", "Pakning", "Kundeservice"],
      industries: ["Transport og lager"],
      hours: [10, 15],
      postcode: "2820",
      maxCommuteKm: 15,
      accommodations: [{ label: "Fleksible mødetider", visible: true }],
      healthConsent: true,
    },
  );
  flexjobberId = flex.user.id;
  perfectOpeningId = (
    await createOpening(
      db,
      company.id,
      {
        title: "Lagermedarbejder",
        required: ["Lagerarbejde"],
        wanted: ["Pakning"],
        hoursMin: 10,
        hoursMax: 15,
        postcode: "2820",
        industry: "Transport og lager",
        offers: ["Fleksible mødetider"],
        owner,
      },
      daysAgo(300),
    )
  ).id;
  // The rest: varied openings, all newer, none a perfect match for her.
  for (let v = 0; v < VARIANTS; v++) {
    const required = pick(r, seedTerms.competence, 1, 3);
    const hoursMin = r.int(8, 25);
    const { id } = await createOpening(
      db,
      company.id,
      {
        title: `Opslag ${v}`,
        required,
        wanted: pick(r, seedTerms.competence, 0, 2).filter((t) => !required.includes(t)),
        hoursMin,
        hoursMax: hoursMin + r.int(0, 10),
        postcode: r.pick(postcodes),
        remote: r.chance(0.1),
        industry: r.pick(seedTerms.industry),
        offers: pick(r, seedTerms.accommodation, 0, 3),
        owner,
      },
      daysAgo(200),
    );
    await cloneOpening(id, MANY / VARIANTS - (v === 0 ? 2 : 1), daysAgo(100 - v));
  }

  // The opening whose recommendations are tested, and the oldest profile: made for it.
  const target = await createOpening(
    db,
    company.id,
    {
      title: "Kundeservice",
      required: ["Kundeservice", "Administration"],
      wanted: ["Rengøring"],
      hoursMin: 12,
      hoursMax: 14,
      postcode: "2900",
      industry: "Handel og service",
      offers: ["Rolige omgivelser"],
      owner,
    },
    daysAgo(1),
  );
  targetOpeningId = target.id;
  const perfect = await createFlexjobberWithProfile(
    db,
    {},
    {
      headline: "Lager og lagerstyring, lagerarbejde er mit fag",
      competences: ["Kundeservice", "Administration", "Rengøring"],
      industries: ["Handel og service"],
      hours: [10, 16],
      postcode: "2900",
      maxCommuteKm: 20,
      accommodations: [{ label: "Rolige omgivelser", visible: true }],
      healthConsent: true,
    },
    daysAgo(400),
  );
  perfectProfileAlias = perfect.profile.alias;
  for (let v = 0; v < VARIANTS; v++) {
    const p = await createFlexjobberWithProfile(
      db,
      {},
      {
        headline: "Rolig og stabil medarbejder",
        summary: "Jeg har prøvet mange ting, også lidt lager, og vil gerne i gang igen med faste opgaver og gode kolleger omkring mig.",
        competences: pick(r, seedTerms.competence, 1, 5),
        industries: pick(r, seedTerms.industry, 0, 2),
        hours: [r.int(5, 15), r.int(16, 30)],
        postcode: r.pick(postcodes),
        maxCommuteKm: r.pick([5, 10, 30]),
        accommodations: pick(r, seedTerms.accommodation, 0, 2).map((label) => ({ label, visible: r.chance(0.5) })),
        healthConsent: r.chance(0.5),
      },
      daysAgo(300),
    );
    await cloneProfile(p.user.id, MANY / VARIANTS - (v === 0 ? 2 : 1), daysAgo(200 - v), `v${v}`);
  }
  await rebuildSearchIndexes(db);
}, 120_000);

describe("ranking over everything that matches", () => {
  it("job search: the oldest opening, a perfect match, is first, every match is counted, and the first pages are the exact order", async () => {
    const found = await searchJobs(db, flexjobberId, jobFilters());
    expect(found.total).toBe(MANY + 1); // and the opening the recommendations test uses
    expect(found.cards[0]).toMatchObject({ id: perfectOpeningId, match: { score: 100 } });

    const details = (await loadProfileDetails(db, flexjobberId))!;
    const all = await loadOpenings(
      db,
      (await db.selectFrom("openings").select("id").where("status", "=", "published").where("companyId", "=", company.id).execute()).map((o) => o.id),
    );
    const exact = [...all.values()]
      .filter((o) => o.opening.id !== targetOpeningId)
      .map((o) => ({ id: o.opening.id, score: scoreMatch(profileForMatching(details), openingForMatching(o), "flexjobber").score, at: o.opening.publishedAt ?? "" }))
      .sort((a, b) => b.score - a.score || b.at.localeCompare(a.at) || b.id - a.id);
    const page2 = await searchJobs(db, flexjobberId, jobFilters({ page: 2 }));
    const shown = [...found.cards, ...page2.cards].filter((c) => c.id !== targetOpeningId);
    expect(shown.map((c) => c.match!.score)).toEqual(exact.slice(0, shown.length).map((e) => e.score));
    expect(shown.map((c) => c.id).slice(0, 5)).toEqual(exact.slice(0, 5).map((e) => e.id));
  });

  it("recommendations: the oldest approved profile, a perfect match, is first, and the top ten are the exact top ten", async () => {
    const opening = (await loadOpening(db, targetOpeningId))!;
    const recommended = await recommendCandidates(db, opening, 10);
    expect(recommended[0]).toMatchObject({ alias: perfectProfileAlias, match: { score: 100 } });

    const ids = (await db.selectFrom("profiles").select("userId").where("status", "=", "approved").execute()).map((p) => p.userId);
    const profiles = await loadProfileDetailsMany(db, ids);
    const exact = [...profiles.values()].map((d) => scoreMatch(profileForMatching(d), openingForMatching(opening), "company").score).sort((a, b) => b - a);
    expect(recommended.map((c) => c.match.score)).toEqual(exact.slice(0, 10));
  });

  it("candidate search: the oldest approved profile, the best text match, is first, and all matches are counted", async () => {
    const found = await searchCandidates(db, company.id, { q: "lager administration", competences: [], certificates: [], sort: "relevance", page: 1 });
    expect(found.cards[0]!.alias).toBe(perfectProfileAlias);
    const matching = await db
      .selectFrom(profileTextMatches(db, "lager administration")!.as("m"))
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(found.total).toBe(matching.n);
    expect(found.total).toBeGreaterThan(100);
    const everyone = await searchCandidates(db, company.id, { competences: [], certificates: [], sort: "newest", page: 1 });
    expect(everyone.total).toBe(MANY + 1); // and the flexjobber of the job search test
    const last = await searchCandidates(db, company.id, { competences: [], certificates: [], sort: "newest", page: 999 });
    expect(last.page).toBe(Math.ceil((MANY + 1) / 10));
    expect(last.cards.at(-1)!.alias).toBe(perfectProfileAlias);
  });

  it("the SQL bound of a score is never below the exact score, for either audience", async () => {
    const details = (await loadProfileDetails(db, flexjobberId))!;
    const openings = await db
      .selectFrom("openings as o")
      .select(["o.id", openingScoreBound(db, profileForMatching(details)).as("bound")])
      .where("o.id", "in", sql<number>`(select min(id) from openings group by title)`)
      .execute();
    const loaded = await loadOpenings(
      db,
      openings.map((o) => o.id),
    );
    for (const o of openings) {
      const exact = scoreMatch(profileForMatching(details), openingForMatching(loaded.get(o.id)!), "flexjobber").score;
      expect(Math.round(o.bound), `opening ${o.id}`).toBeGreaterThanOrEqual(exact);
      expect(o.bound - exact, `opening ${o.id}`).toBeLessThan(21);
    }
    const opening = (await loadOpening(db, targetOpeningId))!;
    const profiles = await db
      .selectFrom("profiles as p")
      .select(["p.userId", profileScoreBound(db, openingForMatching(opening)).as("bound")])
      .where("p.userId", "not like", "v%-%")
      .execute();
    const all = await loadProfileDetailsMany(
      db,
      profiles.map((p) => p.userId),
    );
    for (const p of profiles) {
      const exact = scoreMatch(profileForMatching(all.get(p.userId)!), openingForMatching(opening), "company").score;
      expect(Math.round(p.bound), p.userId).toBeGreaterThanOrEqual(exact);
    }
    const forThemselves = await db
      .selectFrom("profiles as p")
      .select(["p.userId", profileScoreBound(db, openingForMatching(opening), "flexjobber").as("bound")])
      .where("p.userId", "not like", "v%-%")
      .execute();
    for (const p of forThemselves) {
      const exact = scoreMatch(profileForMatching(all.get(p.userId)!), openingForMatching(opening), "flexjobber").score;
      expect(Math.round(p.bound), p.userId).toBeGreaterThanOrEqual(exact);
    }
  });
});
