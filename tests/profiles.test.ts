import { describe, expect, it } from "vitest";

import { HEALTH_CONSENT_VERSION } from "~/auth/consent-texts";
import { loadCandidateForCompany } from "~/profiles/candidates.server";
import { toCompanyView } from "~/profiles/company-view";
import { loadProfileDetails, setAccommodationVisible, setHealthConsent, setProfileHidden, updateAbout } from "~/profiles/profile.server";
import { type CandidateFilters, searchCandidates } from "~/profiles/search.server";
import * as staffView from "~/routes/borgere_.$id";
import * as auditPage from "~/routes/logbog";
import * as myProfile from "~/routes/profil";
import * as wishes from "~/routes/profil_.oensker";
import * as about from "~/routes/profil_.om";

import { db } from "../db/client.server";
import { createCompany, createFlexjobberWithProfile, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";
import { sentEmails } from "./mocks/email-api";

const search = (filters: Partial<CandidateFilters>) => searchCandidates(db, 0, { competences: [], certificates: [], sort: "relevance", page: 1, ...filters });
const aliases = async (filters: Partial<CandidateFilters>) => (await search(filters)).cards.map((c) => c.alias);

describe("full-text search over anonymised profiles", () => {
  it("finds a profile by a competence word and by a word in its presentation, and stops after an edit", async () => {
    const { user, profile } = await createFlexjobberWithProfile(
      db,
      {},
      {
        competences: ["Truckkørsel"],
        summary: "Jeg passer gerne kaffemaskinen og holder orden.",
      },
    );
    expect(await aliases({ q: "truck" })).toContain(profile.alias);
    expect(await aliases({ q: "kaffemaskinen" })).toContain(profile.alias);
    // A name is never indexed: searching for it finds nothing.
    expect(await aliases({ q: "Flemming" })).not.toContain(profile.alias);

    await updateAbout(db, user.id, { headline: "Stabil lagermedarbejder", summary: "Jeg holder orden." });
    expect(await aliases({ q: "kaffemaskinen" })).not.toContain(profile.alias);
    expect(await aliases({ q: "orden" })).toContain(profile.alias);
  });

  it("shows only approved profiles that are not paused, and hides a paused one at once", async () => {
    const approved = await createFlexjobberWithProfile(db, {}, { competences: ["Bogbinding"] });
    const pending = await createFlexjobberWithProfile(db, {}, { competences: ["Bogbinding"], status: "pending" });
    const draft = await createFlexjobberWithProfile(db, {}, { competences: ["Bogbinding"], status: "draft" });
    expect(await aliases({ q: "bogbinding" })).toEqual([approved.profile.alias]);

    await setProfileHidden(db, approved.user.id, true);
    expect(await aliases({ q: "bogbinding" })).toEqual([]);
    const company = await createCompany(db);
    const viewer = await createUser(db, { role: "company", companyId: company.id });
    for (const p of [approved, pending, draft]) {
      expect(await loadCandidateForCompany(db, { alias: p.profile.alias, companyId: company.id, viewerId: viewer.id })).toBeNull();
    }
    await setProfileHidden(db, approved.user.id, false);
    expect(await aliases({ q: "bogbinding" })).toEqual([approved.profile.alias]);
  });

  it("filters on competences, certificates, industry, hours overlap, distance and availability", async () => {
    const near = await createFlexjobberWithProfile(
      db,
      {},
      {
        competences: ["Havearbejde", "Maling"],
        certificates: ["Truckcertifikat"],
        industries: ["Landbrug, gartneri og skov"],
        hours: [8, 12],
        postcode: "2900", // Hellerup, ~3 km from Gentofte
        availability: "seeking",
      },
    );
    const far = await createFlexjobberWithProfile(
      db,
      {},
      {
        competences: ["Havearbejde"],
        hours: [20, 25],
        postcode: "8000", // Aarhus C
        availability: "open_to_change",
      },
    );
    const both = [near.profile.alias, far.profile.alias].sort();
    expect((await aliases({ competences: ["havearbejde"] })).sort()).toEqual(both);
    expect(await aliases({ competences: ["havearbejde", "maling"] })).toEqual([near.profile.alias]);
    expect(await aliases({ certificates: ["truckcertifikat"] })).toEqual([near.profile.alias]);
    expect(await aliases({ competences: ["havearbejde"], industry: "landbrug, gartneri og skov" })).toEqual([near.profile.alias]);
    expect(await aliases({ competences: ["havearbejde"], hoursMin: 12, hoursMax: 18 })).toEqual([near.profile.alias]);
    expect(await aliases({ competences: ["havearbejde"], hoursMin: 13, hoursMax: 19 })).toEqual([]);
    expect(await aliases({ competences: ["havearbejde"], postcode: "2820", km: 10 })).toEqual([near.profile.alias]);
    expect((await aliases({ competences: ["havearbejde"], postcode: "2820", km: 300 })).sort()).toEqual(both);
    expect(await aliases({ competences: ["havearbejde"], availability: "open_to_change" })).toEqual([far.profile.alias]);
    const withDistance = await search({ competences: ["havearbejde"], postcode: "2820", km: 10 });
    expect(withDistance.cards[0]?.distanceKm).toBeLessThanOrEqual(5);
  });

  it("pages through many results", async () => {
    for (let i = 0; i < 12; i++) await createFlexjobberWithProfile(db, {}, { competences: ["Cykelreparation"] });
    const first = await search({ competences: ["cykelreparation"] });
    const second = await search({ competences: ["cykelreparation"], page: 2 });
    expect(first.total).toBe(12);
    expect(first.pages).toBe(2);
    expect(first.cards).toHaveLength(10);
    expect(second.cards).toHaveLength(2);
    expect(new Set([...first.cards, ...second.cards].map((c) => c.alias)).size).toBe(12);
  });
});

describe("skånebehov", () => {
  it("shows companies only the visible items, and only while health consent is given", async () => {
    const { user, profile } = await createFlexjobberWithProfile(
      db,
      {},
      {
        healthConsent: true,
        accommodations: [
          { label: "Ingen tunge løft", visible: true },
          { label: "Har brug for at gå til samtaler om angst", visible: false },
        ],
      },
    );
    const view = async () => toCompanyView((await loadProfileDetails(db, user.id))!);
    expect((await view()).accommodations).toEqual(["Ingen tunge løft"]);
    expect(await aliases({ q: "angst" })).not.toContain(profile.alias);
    expect(await aliases({ q: "løft" })).toContain(profile.alias);

    await setHealthConsent(db, user.id, false, HEALTH_CONSENT_VERSION);
    expect((await view()).accommodations).toEqual([]);
    expect(await aliases({ q: "løft" })).not.toContain(profile.alias);
    // Withdrawing deletes them (GDPR art. 7(3)): nothing is kept to show later.
    expect(await db.selectFrom("accommodations").select("id").where("userId", "=", user.id).execute()).toEqual([]);
    expect(await setAccommodationVisible(db, user.id, 1, true)).toBe("needs_consent");
  });
});

describe("the profile editor refuses bad input in Danish and stores nothing", () => {
  it("rejects a 5,000-character headline, and stores markup as plain text that is shown escaped", async () => {
    const { user } = await createFlexjobberWithProfile(db, {}, { status: "draft" });
    const cookie = await sessionCookie(user.id);

    const long = await run(about.action, post("/profil/om", { headline: "x".repeat(5000), summary: "" }, cookie));
    expect(long.status).toBe(400);
    expect(((await long.json()) as { errors: Record<string, string> }).errors.headline).toMatch(/for lang/);

    // React escapes it wherever it is shown; refusing it would refuse "< 20 timer" too.
    const script = await run(about.action, post("/profil/om", { headline: "Hej", summary: "<script>alert(1)</script>" }, cookie));
    expect(script.status).toBe(302);
    const stored = await db.selectFrom("profiles").select("summary").where("userId", "=", user.id).executeTakeFirstOrThrow();
    expect(stored.summary).toBe("<script>alert(1)</script>");
  });

  it("rejects hours min > max and an unknown postcode", async () => {
    const { user } = await createFlexjobberWithProfile(db, {}, { status: "draft", hours: [10, 15], postcode: "2820" });
    const cookie = await sessionCookie(user.id);
    const fields = { intent: "wishes", hoursMin: "20", hoursMax: "8", postcode: "2820", maxCommuteKm: "10", availability: "seeking" };

    const hours = await run(wishes.action, post("/profil/oensker", fields, cookie));
    expect(hours.status).toBe(400);
    expect(((await hours.json()) as { errors: Record<string, string> }).errors.hoursMax).toMatch(/højeste antal timer/);

    const unknown = await run(wishes.action, post("/profil/oensker", { ...fields, hoursMin: "8", hoursMax: "20", postcode: "0001" }, cookie));
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: Record<string, string> }).errors.postcode).toMatch(/kender ikke/);

    const profile = await db.selectFrom("profiles").selectAll().where("userId", "=", user.id).executeTakeFirstOrThrow();
    expect(profile).toMatchObject({ hoursMin: 10, hoursMax: 15, postcode: "2820" });

    const ok = await run(wishes.action, post("/profil/oensker", { ...fields, hoursMin: "8", hoursMax: "20", postcode: "2900", timesOfDay: "evening" }, cookie));
    expect(ok.status).toBe(302);
    const saved = await db.selectFrom("profiles").selectAll().where("userId", "=", user.id).executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ hoursMin: 8, hoursMax: 20, postcode: "2900", timesOfDay: '["evening"]' });
  });
});

describe("publishing and staff approval", () => {
  it("needs the basics, goes to the queue, and can come back with a reason the flexjobber sees", async () => {
    const flexjobber = await createUser(db, { role: "flexjobber" });
    const cookie = await sessionCookie(flexjobber.id);
    await run(myProfile.loader, get("/profil", cookie));
    const tooEarly = await run(myProfile.action, post("/profil", { intent: "publish" }, cookie));
    expect(tooEarly.status).toBe(400);
    expect(((await tooEarly.json()) as { formError: string }).formError).toMatch(/overskrift/);

    const { user } = await createFlexjobberWithProfile(db, {}, { status: "draft" });
    const own = await sessionCookie(user.id);
    expect((await run(myProfile.action, post("/profil", { intent: "publish" }, own))).status).toBe(302);
    const staff = await createUser(db, { role: "staff" });
    const staffCookie = await sessionCookie(staff.id);

    const empty = await run(staffView.action, post(`/borgere/${user.id}`, { intent: "return", userId: user.id, reason: "" }, staffCookie), { id: user.id });
    expect(empty.status).toBe(400);
    const back = await run(
      staffView.action,
      post(`/borgere/${user.id}`, { intent: "return", userId: user.id, reason: "Fjern venligst dit efternavn fra overskriften." }, staffCookie),
      { id: user.id },
    );
    expect(back.status).toBe(302);
    const mine = (await (await run(myProfile.loader, get("/profil", own))).json()) as { status: string; returnReason: string };
    expect(mine).toMatchObject({ status: "returned", returnReason: "Fjern venligst dit efternavn fra overskriften." });
    const returned = sentEmails.find((m) => m.subject === "Jobcentret har sendt din profil tilbage");
    expect(returned?.text).toContain("Fjern venligst dit efternavn fra overskriften.");

    await run(myProfile.action, post("/profil", { intent: "publish" }, own));
    const approve = await run(staffView.action, post(`/borgere/${user.id}`, { intent: "approve", userId: user.id }, staffCookie), { id: user.id });
    expect(approve.status).toBe(302);
    expect((await db.selectFrom("profiles").select("status").where("userId", "=", user.id).executeTakeFirstOrThrow()).status).toBe("approved");
    expect(sentEmails.some((m) => m.subject === "Din profil er godkendt" && m.to === user.email)).toBe(true);
    // A company user cannot approve.
    const company = await createCompany(db);
    const companyUser = await createUser(db, { role: "company", companyId: company.id });
    const denied = await run(staffView.action, post(`/borgere/${user.id}`, { intent: "approve", userId: user.id }, await sessionCookie(companyUser.id)), { id: user.id });
    expect(denied.status).toBe(403);
  });

  it("writes every staff look at a profile to the audit log, which only admins read", async () => {
    const { user } = await createFlexjobberWithProfile(db, { name: "Lise Logget" });
    const staff = await createUser(db, { role: "staff", name: "Sofie Sagsbehandler" });
    const res = await run(staffView.loader, get(`/borgere/${user.id}`, await sessionCookie(staff.id)), { id: user.id });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { person: { name: string } }).person.name).toBe("Lise Logget");

    const admin = await createUser(db, { role: "admin" });
    const log = (await (await run(auditPage.loader, get("/logbog", await sessionCookie(admin.id)))).json()) as {
      entries: { rows: { actorName: string; subjectName: string; action: string }[] };
    };
    expect(log.entries.rows[0]).toMatchObject({ actorName: "Sofie Sagsbehandler", subjectName: "Lise Logget", action: "profile_viewed_by_staff" });
    expect((await run(auditPage.loader, get("/logbog", await sessionCookie(staff.id)))).status).toBe(403);
  });
});
