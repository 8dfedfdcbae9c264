import { describe, expect, it } from "vitest";

import { saveArticle } from "~/content/articles.server";
import { createEvent } from "~/events/events.server";
import { expressInterest } from "~/openings/interests.server";
import { answerContactRequest, sendContactRequest } from "~/profiles/contact.server";
import * as home from "~/routes/_index";
import * as messages from "~/routes/beskeder";
import * as search from "~/routes/kandidater";
import * as candidate from "~/routes/kandidater_.$alias";
import * as openingPage from "~/routes/opslag_.$id";
import * as myProfile from "~/routes/profil";

import { db } from "../db/client.server";
import { companyFacingPages, type World } from "./company-routes";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";
import { sentEmails } from "./mocks/email-api";

// Rule 3 of the design brief, checked on the data each company-facing loader
// serializes (not on the HTML): no identity before the flexjobber says yes.
// The pages named below are checked in detail; every company-facing loader,
// found from the route files (tests/company-routes.ts), holds no trace of her.

const IDENTITY = {
  name: "Karin Hemmelig Kofoed",
  phone: "+45 87 65 43 21",
  birthDate: "1971-04-09",
};

let people = 0;
const openingIds = new Map<number, number>();

async function setUp() {
  const email = `karin.kofoed.${people++}@privat.example`;
  const { user, profile } = await createFlexjobberWithProfile(
    db,
    { name: IDENTITY.name, email, phone: IDENTITY.phone },
    {
      birthDate: IDENTITY.birthDate,
      competences: ["Lagerarbejde", "Vareoptælling"],
      experiences: [{ title: "Lagermedarbejder", industry: "Transport og lager", employer: "Hemmelig Logistik A/S", years: 6 }],
      healthConsent: true,
      accommodations: [
        { label: "Ingen tunge løft", visible: true },
        { label: "Skjult behov om hvilepauser", visible: false },
      ],
    },
  );
  const company = await createCompany(db, { name: "Kig Ind ApS" });
  const companyUser = await createUser(db, { role: "company", companyId: company.id });
  // An opening the flexjobber is anonymously interested in: its page lists interests and recommendations.
  const opening = await createOpening(db, company.id, { required: ["Lagerarbejde"], industry: "Transport og lager" });
  await expressInterest(db, { userId: user.id, openingId: opening.id, message: "Jeg er klar", shareIdentity: false });
  openingIds.set(company.id, opening.id);
  return { user, email, profile, company, companyUser, cookie: await sessionCookie(companyUser.id) };
}

/** Every company-facing loader's serialized data for this alias (and the company's opening). */
async function companyData(alias: string, cookie: string, openingId?: number): Promise<string[]> {
  const responses = await Promise.all([
    run(search.loader, get("/kandidater?q=lager", cookie)),
    run(search.loader, get("/kandidater", cookie)),
    run(candidate.loader, get(`/kandidater/${encodeURIComponent(alias)}`, cookie), { alias }),
    run(messages.loader, get("/beskeder", cookie)),
    run(home.loader, get("/", cookie)),
    ...(openingId ? [run(openingPage.loader, get(`/opslag/${openingId}`, cookie), { id: String(openingId) })] : []),
  ]);
  for (const r of responses) expect(r.status).toBe(200);
  return Promise.all(responses.map((r) => r.text()));
}

/** Karin's identity in any form, on a page that is not about her profile (its own keys "name", "email" are the viewer's). */
function expectNoTraceOfHer(serialized: string, where: string) {
  for (const trace of ["karin", "kofoed", "privat.example", "87 65 43 21", "1971-04-09", "hvilepauser", "hemmelig logistik"]) {
    expect(serialized.toLowerCase(), `${where} shows ${trace}`).not.toContain(trace);
  }
}

let sharedWorld: Omit<World, "aliases" | "openingId" | "threadIds"> | undefined;
/** Every company-facing loader (found from the route files, tests/company-routes.ts) holds no trace of her. */
async function expectNoTraceOnAnyPage(cookie: string, companyId: number, alias: string) {
  if (!sharedWorld) {
    const staff = await createUser(db, { role: "staff" });
    sharedWorld = {
      eventId: await createEvent(
        db,
        {
          title: "Kaffemøde",
          description: "Kom og mød andre.",
          day: "2030-03-10",
          startTime: "10:00",
          endTime: "11:00",
          place: "Jobcentret",
          onlineUrl: undefined,
          audience: "both",
          capacity: 20,
          signupDeadline: undefined,
        },
        staff.id,
      ),
      articleId: await saveArticle(
        db,
        { kind: "article", title: "Om fleksjob", summary: "Kort", body: "Tekst", tags: [], audience: "both", status: "published", videoUrl: undefined, transcript: undefined },
        {},
        { staffId: staff.id },
      ),
    };
  }
  const threadIds = (await db.selectFrom("threads").select("id").where("companyId", "=", companyId).execute()).map((t) => t.id);
  const pages = await companyFacingPages(cookie, { ...sharedWorld, openingId: openingIds.get(companyId) ?? 0, threadIds, aliases: [alias] });
  expect(pages.length).toBeGreaterThan(15);
  for (const page of pages) {
    expect(page.status, page.path).toBeLessThan(500);
    expectNoTraceOfHer(page.text, `${page.path} (${page.file})`);
  }
}

function expectNoIdentity(serialized: string) {
  // Name parts in any case (the email holds them too).
  expect(serialized.toLowerCase()).not.toContain("karin");
  expect(serialized.toLowerCase()).not.toContain("kofoed");
  expect(serialized).not.toContain("privat.example");
  expect(serialized).not.toContain("87 65 43 21");
  expect(serialized).not.toContain("1971");
  expect(serialized).not.toContain("04-09");
  expect(serialized).not.toMatch(/birthDate|"email"|"phone"|"name"/);
}

describe("company-facing loaders never serialize a flexjobber's identity before consent", () => {
  it("holds for search, the profile page and the request list, before, while pending and after a no", async () => {
    const { profile, user, cookie, company, companyUser } = await setUp();
    const openingId = openingIds.get(company.id);
    const before = await companyData(profile.alias, cookie, openingId);
    await expectNoTraceOnAnyPage(cookie, company.id, profile.alias);
    expect(before[5]).toContain(profile.alias);
    expect(before[5]).toContain("Jeg er klar");
    expect(before[0]).toContain(profile.alias);
    before.forEach(expectNoIdentity);
    // The employer is hidden unless the flexjobber switched names on; hidden skånebehov never appear.
    for (const s of before) {
      expect(s).not.toContain("Hemmelig Logistik");
      expect(s).not.toContain("hvilepauser");
    }
    expect(before[2]).toContain("Ingen tunge løft");

    const sent = await run(candidate.action, post(`/kandidater/${encodeURIComponent(profile.alias)}`, { message: "Vi har et lagerjob på 12 timer." }, cookie), {
      alias: profile.alias,
    });
    expect(sent.status).toBe(302);
    (await companyData(profile.alias, cookie, openingId)).forEach(expectNoIdentity);

    const request = await db.selectFrom("contactRequests").select("id").where("companyId", "=", company.id).executeTakeFirstOrThrow();
    await expectNoTraceOnAnyPage(cookie, company.id, profile.alias);
    await answerContactRequest(db, { userId: user.id, requestId: request.id, answer: "declined" });
    (await companyData(profile.alias, cookie, openingId)).forEach(expectNoIdentity);
    await expectNoTraceOnAnyPage(cookie, company.id, profile.alias);

    // Another user of the same company sees nothing either.
    const colleague = await createUser(db, { role: "company", companyId: companyUser.companyId });
    (await companyData(profile.alias, await sessionCookie(colleague.id))).forEach(expectNoIdentity);
  });

  it("reveals name, email and phone (never the birth date) to that company only, after a yes", async () => {
    const { profile, user, email, cookie, company } = await setUp();
    await run(candidate.action, post(`/kandidater/${encodeURIComponent(profile.alias)}`, { message: "Hej! Vil du høre om et job?" }, cookie), {
      alias: profile.alias,
    });
    const heads = sentEmails.find((m) => m.to === email);
    expect(heads?.subject).toBe("Kig Ind ApS vil gerne i kontakt med dig");
    const flexCookie = await sessionCookie(user.id);
    const inbox = (await (await run(messages.loader, get("/beskeder", flexCookie))).json()) as { incoming: { id: number; companyName: string }[] };
    expect(inbox.incoming[0]?.companyName).toBe("Kig Ind ApS");

    const yes = await run(messages.action, post("/beskeder", { requestId: String(inbox.incoming[0]!.id), answer: "accepted" }, flexCookie));
    expect(yes.status).toBe(302);

    const answer = sentEmails.find((m) => m.subject === `${profile.alias} har sagt ja`);
    expect(answer).toBeDefined();
    expect(answer?.text).not.toContain("Karin");

    const [, , page, list, , opening] = await companyData(profile.alias, cookie, openingIds.get(company.id));
    for (const s of [page!, list!, opening!]) {
      expect(s).toContain(IDENTITY.name);
      expect(s).toContain(email);
      expect(s).toContain(IDENTITY.phone);
      expect(s).not.toContain(IDENTITY.birthDate);
    }
    // Another company still sees only the alias.
    const other = await createCompany(db);
    const stranger = await createUser(db, { role: "company", companyId: other.id });
    (await companyData(profile.alias, await sessionCookie(stranger.id))).forEach(expectNoIdentity);
  });
});

describe("contact requests", () => {
  it("blocks a new request for 30 days after a no, and refuses a second pending one", async () => {
    const { profile, user, company, companyUser } = await setUp();
    const ask = (at: Date) => sendContactRequest(db, { companyId: company.id, sentBy: companyUser.id, alias: profile.alias, message: "Hej" }, at);
    const day0 = new Date("2026-11-01T10:00:00Z");
    expect(await ask(day0)).toMatchObject({ kind: "sent" });
    expect(await ask(day0)).toMatchObject({ kind: "pending" });
    const request = await db.selectFrom("contactRequests").select("id").where("companyId", "=", company.id).executeTakeFirstOrThrow();
    await answerContactRequest(db, { userId: user.id, requestId: request.id, answer: "declined" }, day0);
    expect(await ask(new Date("2026-11-30T10:00:00Z"))).toMatchObject({ kind: "blocked" });
    expect(await ask(new Date("2026-12-01T10:00:01Z"))).toMatchObject({ kind: "sent" });
  });

  it("lets a flexjobber answer only their own requests", async () => {
    const { profile, company, companyUser } = await setUp();
    await sendContactRequest(db, { companyId: company.id, sentBy: companyUser.id, alias: profile.alias, message: "Hej" });
    const request = await db.selectFrom("contactRequests").select("id").where("companyId", "=", company.id).executeTakeFirstOrThrow();
    const someoneElse = await createUser(db, { role: "flexjobber" });
    const res = await run(messages.action, post("/beskeder", { requestId: String(request.id), answer: "accepted" }, await sessionCookie(someoneElse.id)));
    expect(res.status).toBe(404);
    expect((await db.selectFrom("contactRequests").select("status").where("id", "=", request.id).executeTakeFirstOrThrow()).status).toBe("pending");
  });

  it("tells the flexjobber how many companies looked this week", async () => {
    const { profile, user, cookie } = await setUp();
    await run(candidate.loader, get(`/kandidater/${encodeURIComponent(profile.alias)}`, cookie), { alias: profile.alias });
    await run(candidate.loader, get(`/kandidater/${encodeURIComponent(profile.alias)}`, cookie), { alias: profile.alias });
    const other = await createCompany(db, { name: "Anden Virksomhed" });
    const otherUser = await createUser(db, { role: "company", companyId: other.id });
    await run(candidate.loader, get(`/kandidater/${encodeURIComponent(profile.alias)}`, await sessionCookie(otherUser.id)), { alias: profile.alias });
    const mine = (await (await run(myProfile.loader, get("/profil", await sessionCookie(user.id)))).json()) as { viewers: { count: number; companies: string[] } };
    expect(mine.viewers).toEqual({ count: 2, companies: ["Anden Virksomhed", "Kig Ind ApS"] });
  });

  it("answers bad search input with Danish field errors and a 400", async () => {
    const { cookie } = await setUp();
    const res = await run(search.loader, get("/kandidater?timerFra=20&timerTil=5&postnr=12", cookie));
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: Record<string, string> };
    expect(errors.timerTil).toMatch(/mindst lige så stort/);
    expect(errors.postnr).toMatch(/4 cifre/);
  });
});
