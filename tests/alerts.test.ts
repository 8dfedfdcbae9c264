import { describe, expect, it } from "vitest";

import { recommendNewOpenings, remindDeadlines, runSavedSearchAlerts } from "~/alerts/alerts.server";
import { blockCompany } from "~/messages/safety.server";
import { takeNews } from "~/ops/news.server";
import { setProfileHidden, updateAbout } from "~/profiles/profile.server";
import * as savedPage from "~/routes/gemte-soegninger";
import * as candidatesPage from "~/routes/kandidater";
import * as openingPage from "~/routes/opslag_.$id";
import { alertOnNews } from "~/schedule/scheduler.server";
import { addDays, localDate } from "~/utils/dates";

import { db } from "../db/client.server";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";
import { sentEmails } from "./mocks/email-api";

// Saved searches ("Gem søgning") and alerts, deadline
// reminders, and new openings recommended to flexjobbers.

const word = () => `Zyl${Math.random().toString(36).slice(2, 8)}`;

async function companyUser() {
  const company = await createCompany(db, { name: `Alarm ${Math.random().toString(36).slice(2, 7)} ApS` });
  const user = await createUser(db, { role: "company", companyId: company.id });
  return { company, user, cookie: await sessionCookie(user.id) };
}

const notificationsOf = (userId: string) => db.selectFrom("notifications").select(["kind", "title", "link", "emailState"]).where("userId", "=", userId).orderBy("id").execute();

describe("saved candidate searches", () => {
  it("a profile shown again is news: the schedule's next minute tick tells the company, and the news is used once", async () => {
    const c = await companyUser();
    const skill = word();
    await run(savedPage.action, post("/gemte-soegninger", { intent: "save", name: "Nyheder", query: `q=${skill}` }, c.cookie));
    const { user, profile } = await createFlexjobberWithProfile(db, {}, { competences: [skill] });
    await setProfileHidden(db, user.id, true);
    await runSavedSearchAlerts(db); // the high-water mark passes her while she is paused
    takeNews();
    await setProfileHidden(db, user.id, false);
    await alertOnNews(db);
    expect((await notificationsOf(c.user.id)).map((n) => n.title)).toEqual([expect.stringContaining(profile.alias)]);
    expect(takeNews().size).toBe(0);
  });

  it("notify once for a new matching profile, never while a profile is paused, and once when it is shown again", async () => {
    const c = await companyUser();
    const skill = word();
    const saved = await run(savedPage.action, post("/gemte-soegninger", { intent: "save", name: "Mine folk", query: `q=${skill}&side=3` }, c.cookie));
    expect(saved.status).toBe(302);
    const [row] = await db.selectFrom("savedSearches").select(["query", "kind"]).where("userId", "=", c.user.id).execute();
    // Paging is not part of a search.
    expect(row).toEqual({ query: `q=${skill}`, kind: "candidates" });

    const { profile: match } = await createFlexjobberWithProfile(
      db,
      { name: "Synne Synlig" },
      { competences: [skill, "Pakning"], healthConsent: true, accommodations: [{ label: "Ingen tunge løft", visible: true }] },
    );
    const { user: pausedUser, profile: paused } = await createFlexjobberWithProfile(db, {}, { competences: [skill] });
    await setProfileHidden(db, pausedUser.id, true);
    await createFlexjobberWithProfile(db, {}, { competences: ["Noget helt andet"] });

    expect(await runSavedSearchAlerts(db)).toBeGreaterThanOrEqual(1);
    let mine = await notificationsOf(c.user.id);
    expect(mine).toEqual([
      { kind: "new_candidate", title: `Ny kandidat til søgningen "Mine folk": ${match.alias}`, link: `/kandidater/${encodeURIComponent(match.alias)}`, emailState: "pending" },
    ]);
    // Anonymised: never her name or a skånebehov.
    expect(mine[0]!.title).not.toMatch(/Synne|tunge/);

    // Run again, and after she edits her profile: still one.
    await runSavedSearchAlerts(db);
    await updateAbout(db, (await db.selectFrom("profiles").select("userId").where("alias", "=", match.alias).executeTakeFirstOrThrow()).userId, { headline: "Ny overskrift" });
    await runSavedSearchAlerts(db);
    expect(await notificationsOf(c.user.id)).toHaveLength(1);

    // The paused one came to match only once she showed her profile again.
    await setProfileHidden(db, pausedUser.id, false);
    await runSavedSearchAlerts(db);
    mine = await notificationsOf(c.user.id);
    expect(mine.map((n) => n.title)).toEqual([expect.stringContaining(match.alias), expect.stringContaining(paused.alias)]);
  });

  it("go through the one visibility rule: a profile that blocked the company is never news to it", async () => {
    const c = await companyUser();
    const skill = word();
    await run(savedPage.action, post("/gemte-soegninger", { intent: "save", name: "Blokeret", query: `q=${skill}` }, c.cookie));
    const { user } = await createFlexjobberWithProfile(db, {}, { competences: [skill] });
    await blockCompany(db, user.id, c.company.id);
    await runSavedSearchAlerts(db);
    expect(await notificationsOf(c.user.id)).toEqual([]);
  });

  it("the search page offers 'Gem søgning' with the search in words", async () => {
    const c = await companyUser();
    const res = await run(candidatesPage.loader, get("/kandidater?q=lager&timerFra=10&timerTil=20", c.cookie));
    const data = (await res.json()) as { save: { query: string; label: string } | null };
    expect(data.save).toEqual({ query: "q=lager&timerFra=10&timerTil=20", label: '"lager" · 10–20 timer om ugen' });
    const plain = (await (await run(candidatesPage.loader, get("/kandidater", c.cookie))).json()) as { save: unknown };
    expect(plain.save).toBeNull();
  });

  it("refuses what cannot be saved with a Danish message and stores nothing; only the owner deletes", async () => {
    const c = await companyUser();
    const bad = await run(savedPage.action, post("/gemte-soegninger", { intent: "save", name: "Forkert", query: "timerFra=mange" }, c.cookie));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Record<string, string> }).errors.query).toMatch(/kan ikke gemmes/);
    const noName = await run(savedPage.action, post("/gemte-soegninger", { intent: "save", name: " ", query: "q=lager" }, c.cookie));
    expect(noName.status).toBe(400);
    expect(await db.selectFrom("savedSearches").select("id").where("userId", "=", c.user.id).execute()).toEqual([]);

    await run(savedPage.action, post("/gemte-soegninger", { intent: "save", name: "Lager", query: "q=lager" }, c.cookie));
    const { id } = await db.selectFrom("savedSearches").select("id").where("userId", "=", c.user.id).executeTakeFirstOrThrow();
    const other = await companyUser();
    expect((await run(savedPage.action, post("/gemte-soegninger", { intent: "delete", id: String(id) }, other.cookie))).status).toBe(404);
    const staff = await createUser(db, { role: "staff" });
    expect((await run(savedPage.loader, get("/gemte-soegninger", await sessionCookie(staff.id)))).status).toBe(403);
    expect((await run(savedPage.action, post("/gemte-soegninger", { intent: "delete", id: String(id) }, c.cookie))).status).toBe(302);
    expect(await db.selectFrom("savedSearches").select("id").where("id", "=", id).execute()).toEqual([]);
  });
});

describe("saved job searches", () => {
  it("notify once for a new live opening that matches, never for a draft", async () => {
    const { user } = await createFlexjobberWithProfile(db);
    const cookie = await sessionCookie(user.id);
    const title = word();
    await run(savedPage.action, post("/gemte-soegninger", { intent: "save", name: "Køkken", query: `q=${title}` }, cookie));
    const company = await createCompany(db, { name: "Kantinen ApS" });
    const live = await createOpening(db, company.id, { title: `${title} i kantinen` });
    await createOpening(db, company.id, { title: `${title} kladde`, status: "draft" });
    await runSavedSearchAlerts(db);
    await runSavedSearchAlerts(db);
    expect(await notificationsOf(user.id)).toEqual([
      { kind: "new_job", title: `Nyt job til søgningen "Køkken": ${title} i kantinen hos Kantinen ApS`, link: `/job/${live.id}`, emailState: "pending" },
    ]);
  });
});

describe("deadline reminders", () => {
  it("remind the company once, seven days ahead; extending from the reminder gives the new deadline its own reminder", async () => {
    const c = await companyUser();
    const today = localDate();
    const opening = await createOpening(db, c.company.id, { title: "Pedelmedhjælper", deadline: addDays(today, 5) });
    const far = await createOpening(db, c.company.id, { title: "Senere job", deadline: addDays(today, 30) });
    const before = sentEmails.length;
    await remindDeadlines(db);
    await remindDeadlines(db);
    const owner = await notificationsOf(opening.owner.id);
    expect(owner).toHaveLength(1);
    expect(owner[0]).toMatchObject({ kind: "deadline_soon", link: `/opslag/${opening.id}#frist`, emailState: "sent" });
    expect(await notificationsOf(far.owner.id)).toEqual([]);
    const mails = sentEmails.slice(before).filter((m) => m.to === opening.owner.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`/opslag/${opening.id}#frist`);

    // "Forlæng fristen": not to an earlier day, and a bad date changes nothing.
    const ownerCookie = await sessionCookie(opening.owner.id);
    const extend = (deadline: string) => run(openingPage.action, post(`/opslag/${opening.id}`, { intent: "extend", deadline }, ownerCookie), { id: String(opening.id) });
    expect((await extend(addDays(today, 2))).status).toBe(400);
    expect((await extend("2026-02-30")).status).toBe(400);
    expect((await extend(addDays(today, 19))).status).toBe(302);
    expect((await db.selectFrom("openings").select("deadline").where("id", "=", opening.id).executeTakeFirstOrThrow()).deadline).toBe(addDays(today, 19));
    await remindDeadlines(db);
    expect(await notificationsOf(opening.owner.id)).toHaveLength(1);
    await remindDeadlines(db, new Date(Date.now() + 13 * 86_400_000));
    expect(await notificationsOf(opening.owner.id)).toHaveLength(2);
  });
});

describe("recommended openings", () => {
  it("tell a flexjobber once about a new opening that fits well, not one from a company she blocked", async () => {
    await recommendNewOpenings(db);
    const fit = { competences: ["Køkkenhjælp", "Opvask", "Rengøring"], hours: [10, 15] as [number, number], postcode: "2820" };
    const { user: fits } = await createFlexjobberWithProfile(db, {}, fit);
    const { user: blocker } = await createFlexjobberWithProfile(db, {}, fit);
    const { user: other } = await createFlexjobberWithProfile(db, {}, { competences: ["Regnskab", "Bogføring", "Excel"], postcode: "9000" });
    const company = await createCompany(db, { name: "Storkøkkenet ApS" });
    await blockCompany(db, blocker.id, company.id);
    const opening = await createOpening(db, company.id, { title: "Køkkenhjælp i storkøkken" });
    await recommendNewOpenings(db);
    await recommendNewOpenings(db);
    const mine = await notificationsOf(fits.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: "recommended_opening", link: `/job/${opening.id}`, emailState: "pending" });
    expect(mine[0]!.title).toMatch(/^Nyt job, der passer \d+ % til dig: Køkkenhjælp i storkøkken hos Storkøkkenet ApS$/);
    expect(await notificationsOf(blocker.id)).toEqual([]);
    expect(await notificationsOf(other.id)).toEqual([]);
  });
});
