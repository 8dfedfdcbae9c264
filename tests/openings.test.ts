import { describe, expect, it } from "vitest";

import { employmentStatusOn } from "~/employment/employment.server";
import { type JobFilters, searchJobs } from "~/openings/job-search.server";
import { setProfileHidden } from "~/profiles/profile.server";
import * as confirmPage from "~/routes/bekraeft";
import * as jobPage from "~/routes/job_.$id";
import * as openingPage from "~/routes/opslag_.$id";
import * as editOpening from "~/routes/opslag_.$id_.rediger";
import * as newOpening from "~/routes/opslag_.ny";
import { JOBS } from "~/schedule/jobs.server";

import { db } from "../db/client.server";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";

const filters = (f: Partial<JobFilters> = {}): JobFilters => ({
  fitsHours: false,
  withinCommute: false,
  remoteOnly: false,
  newThisWeek: false,
  sort: "match",
  page: 1,
  ...f,
});

const validForm = {
  title: "Lagermedhjælper",
  description: "Vi pakker varer til kunder.",
  tasks: "Pakke varer\nSortere returvarer",
  hoursMin: "8",
  hoursMax: "15",
  flexibility: "flexible",
  postcode: "2820",
  industry: "Transport og lager",
  required: "Pakning",
  offers: "Ingen tunge løft",
};

async function companyWithUser(name = "Lager ApS") {
  const company = await createCompany(db, { name });
  const user = await createUser(db, { role: "company", companyId: company.id });
  return { company, user, cookie: await sessionCookie(user.id) };
}

describe("openings", () => {
  it("saves a valid opening as a draft and refuses bad input in Danish, storing nothing", async () => {
    const { cookie, company } = await companyWithUser();
    const count = async () =>
      (
        await db
          .selectFrom("openings")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("companyId", "=", company.id)
          .executeTakeFirstOrThrow()
      ).n;
    const bad = [
      [{ hoursMin: "20", hoursMax: "10" }, "hoursMax", /højeste antal timer/],
      [{ postcode: "0001" }, "postcode", /kender ikke/],
      [{ postcode: "", remote: "" }, "postcode", /postnummer/],
      [{ title: "x".repeat(200) }, "title", /for lang/],
      [{ description: "x".repeat(5000) }, "description", /for lang/],
      [{ deadline: "2020-01-01" }, "deadline", /overskredet/],
      [{ industry: "Rumfart" }, "industry", /branche/],
      [{ required: "Flyvning" }, "required", /listen/],
    ] as const;
    for (const [change, field, message] of bad) {
      const res = await run(newOpening.action, post("/opslag/ny", { ...validForm, ...change }, cookie));
      expect(res.status, field).toBe(400);
      expect(((await res.json()) as { errors: Record<string, string> }).errors[field]).toMatch(message);
    }
    expect(await count()).toBe(0);

    const ok = await run(newOpening.action, post("/opslag/ny", validForm, cookie));
    expect(ok.status).toBe(302);
    const opening = await db.selectFrom("openings").selectAll().where("companyId", "=", company.id).executeTakeFirstOrThrow();
    expect(opening).toMatchObject({ status: "draft", title: "Lagermedhjælper", tasks: '["Pakke varer","Sortere returvarer"]', hoursMin: 8, hoursMax: 15 });
  });

  it("a company cannot read or edit another company's drafts (403)", async () => {
    const mine = await companyWithUser("Min ApS");
    const theirs = await companyWithUser("Deres ApS");
    const { id } = await createOpening(db, theirs.company.id, { status: "draft", title: "Hemmelig kladde" });
    const read = await run(openingPage.loader, get(`/opslag/${id}`, mine.cookie), { id: String(id) });
    expect(read.status).toBe(403);
    expect(await read.text()).not.toContain("Hemmelig kladde");
    const edit = await run(editOpening.loader, get(`/opslag/${id}/rediger`, mine.cookie), { id: String(id) });
    expect(edit.status).toBe(403);
    const write = await run(editOpening.action, post(`/opslag/${id}/rediger`, { ...validForm, title: "Overtaget" }, mine.cookie), { id: String(id) });
    expect(write.status).toBe(403);
    const publish = await run(openingPage.action, post(`/opslag/${id}`, { intent: "publish" }, mine.cookie), { id: String(id) });
    expect(publish.status).toBe(403);
    const row = await db.selectFrom("openings").select(["title", "status"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: "Hemmelig kladde", status: "draft" });
    // Flexjobbers never see drafts either.
    const flexjobber = await createUser(db, { role: "flexjobber" });
    expect((await run(jobPage.loader, get(`/job/${id}`, await sessionCookie(flexjobber.id)), { id: String(id) })).status).toBe(404);
  });

  it("an expired opening leaves search at once and is closed by the hourly job", async () => {
    const { company } = await companyWithUser();
    const { user } = await createFlexjobberWithProfile(db, {}, { competences: ["Køkkenhjælp"] });
    const monday = new Date("2026-11-23T10:00:00Z");
    const { id } = await createOpening(db, company.id, { deadline: "2026-11-30", title: "Kortvarig kantinejob" }, monday);
    const found = async (now: Date) => (await searchJobs(db, user.id, filters({ q: "kantinejob" }), now)).cards.map((c) => c.id);
    expect(await found(monday)).toEqual([id]);
    expect(await found(new Date("2026-11-30T22:00:00Z"))).toEqual([id]); // still 30 Nov in Denmark (23:00)
    expect(await found(new Date("2026-11-30T23:30:00Z"))).toEqual([]); // 1 Dec 00:30 in Denmark
    // The hourly job closes it (its midnight run, here one later that day); page views write nothing.
    expect(await JOBS.reminders.run(db, new Date("2026-12-01T08:00:00Z"))).toMatchObject({ closed: 1 });
    expect((await db.selectFrom("openings").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("closed");
  });

  it("ranks openings for a flexjobber by match and filters on hours, distance, home work and industry", async () => {
    const { company } = await companyWithUser();
    const { user } = await createFlexjobberWithProfile(
      db,
      {},
      {
        competences: ["Køkkenhjælp", "Opvask"],
        industries: ["Hotel, restaurant og kantine"],
        hours: [8, 15],
        postcode: "2820",
        maxCommuteKm: 10,
      },
    );
    const good = await createOpening(db, company.id, { title: "Kantine nær dig", postcode: "2900", hoursMin: 10, hoursMax: 12 });
    const far = await createOpening(db, company.id, { title: "Kantine i Aarhus", postcode: "8000", hoursMin: 20, hoursMax: 30 });
    const home = await createOpening(db, company.id, {
      title: "Kundeservice hjemmefra",
      remote: true,
      postcode: undefined,
      industry: "Handel og service",
      required: ["Kundeservice"],
    });
    const all = await searchJobs(db, user.id, filters());
    expect(all.cards[0]!.id).toBe(good.id);
    expect(all.cards[0]!.match?.reasons.map((r) => r.text)).toContain("Du har 1 af 1 krævede kompetencer");
    const ids = async (f: Partial<JobFilters>) => (await searchJobs(db, user.id, filters(f))).cards.map((c) => c.id).sort();
    expect(await ids({ fitsHours: true })).toEqual([good.id, home.id].sort());
    expect(await ids({ withinCommute: true })).toEqual([good.id, home.id].sort());
    expect(await ids({ remoteOnly: true })).toEqual([home.id]);
    expect(await ids({ industry: "Hotel, restaurant og kantine" })).toEqual([good.id, far.id].sort());
    expect((await searchJobs(db, user.id, filters({ sort: "newest" }))).cards[0]!.id).toBe(home.id);
  });
});

describe("recommendations for a new profile", () => {
  it("without competences there are no scores, only the newest openings; with a few, missing ones are suggestions", async () => {
    const { company } = await companyWithUser();
    const older = await createOpening(db, company.id, { title: "Lager", required: ["Sortering"] });
    await new Promise((r) => setTimeout(r, 5));
    const newer = await createOpening(db, company.id, { title: "Kantine", required: ["Opvask", "Køkkenhjælp"] });
    const { user: empty } = await createFlexjobberWithProfile(db, {}, { competences: [] });
    const none = await searchJobs(db, empty.id, filters());
    expect(none.strength).toBe("empty");
    expect(none.cards.every((c) => c.match === null)).toBe(true);
    const mine = none.cards.filter((c) => c.id === older.id || c.id === newer.id).map((c) => c.id);
    expect(mine).toEqual([newer.id, older.id]);

    const { user: thin } = await createFlexjobberWithProfile(db, {}, { competences: ["Opvask"] });
    const few = await searchJobs(db, thin.id, filters());
    expect(few.strength).toBe("thin");
    const kantine = few.cards.find((c) => c.id === newer.id)!;
    expect(kantine.match?.reasons).toContainEqual({ text: "Jobbet kræver Køkkenhjælp. Kan du det, så tilføj det til din profil", good: false, tip: true });
    expect(kantine.match?.reasons.filter((r) => !r.good && !r.tip).map((r) => r.text)).not.toContainEqual(expect.stringMatching(/kompetence/));

    const { user: full } = await createFlexjobberWithProfile(db);
    expect((await searchJobs(db, full.id, filters())).strength).toBe("enough");
  });
});

describe("interests, outcomes and hires", () => {
  it("keeps interests anonymous unless shared, keeps a closed opening's interests, and confirms a hire into employment", async () => {
    const { company, cookie } = await companyWithUser("Kantinen ApS");
    const { id } = await createOpening(db, company.id, { title: "Kantinehjælper" });
    const anonymous = await createFlexjobberWithProfile(db, { name: "Anonym Andersen", email: "anonym@example.dk" }, { competences: ["Køkkenhjælp"] });
    const open = await createFlexjobberWithProfile(db, { name: "Åben Østergaard", email: "aaben@example.dk" }, { competences: ["Opvask"] });
    for (const [who, share] of [
      [anonymous, "nej"],
      [open, "ja"],
    ] as const) {
      const res = await run(jobPage.action, post(`/job/${id}`, { intent: "interest", message: "Jeg vil gerne!", shareIdentity: share }, await sessionCookie(who.user.id)), {
        id: String(id),
      });
      expect(res.status).toBe(302);
    }
    const again = await run(jobPage.action, post(`/job/${id}`, { intent: "interest", shareIdentity: "nej" }, await sessionCookie(open.user.id)), { id: String(id) });
    expect(again.status).toBe(409);

    // The company closes the opening; its interests stay visible to it.
    expect((await run(openingPage.action, post(`/opslag/${id}`, { intent: "close" }, cookie), { id: String(id) })).status).toBe(302);
    const page = await run(openingPage.loader, get(`/opslag/${id}`, cookie), { id: String(id) });
    const text = await page.text();
    const data = JSON.parse(text) as { status: string; interests: { id: number; alias: string; identity: { name: string } | null }[] };
    expect(data.status).toBe("closed");
    expect(data.interests).toHaveLength(2);
    expect(text).toContain("Åben Østergaard");
    expect(text).toContain("aaben@example.dk");
    expect(text).not.toContain("Anonym Andersen");
    expect(text).not.toContain("anonym@example.dk");

    // "Ansat" → staff confirm → i_fleksjob from the chosen day, source platform.
    const anon = data.interests.find((i) => i.alias === anonymous.profile.alias)!;
    const hired = await run(openingPage.action, post(`/opslag/${id}`, { intent: "stage", interestId: String(anon.id), stage: "hired" }, cookie), { id: String(id) });
    expect(hired.status).toBe(302);
    const staff = await createUser(db, { role: "staff" });
    const staffCookie = await sessionCookie(staff.id);
    const queue = (await (await run(confirmPage.loader, get("/bekraeft", staffCookie))).json()) as { hires: { id: number; name: string }[] };
    expect(queue.hires.map((h) => h.name)).toEqual(["Anonym Andersen"]);
    const confirm = await run(confirmPage.action, post("/bekraeft", { intent: "confirm", hireId: String(queue.hires[0]!.id), fromDate: "2026-12-01" }, staffCookie));
    expect(confirm.status).toBe(302);
    expect(await employmentStatusOn(db, anonymous.user.id, "2026-12-01")).toBe("i_fleksjob");
    expect(await employmentStatusOn(db, anonymous.user.id, "2026-11-30")).toBeNull();
    const status = await db.selectFrom("employmentStatuses").selectAll().where("userId", "=", anonymous.user.id).executeTakeFirstOrThrow();
    expect(status).toMatchObject({ status: "i_fleksjob", source: "platform", recordedBy: staff.id });
    expect(((await (await run(confirmPage.loader, get("/bekraeft", staffCookie))).json()) as { hires: unknown[] }).hires).toEqual([]);
    // A company cannot reach the staff list.
    expect((await run(confirmPage.loader, get("/bekraeft", cookie))).status).toBe(403);
  });

  it("a reply to an anonymous interest becomes a contact request the flexjobber answers", async () => {
    const { company, cookie } = await companyWithUser("Svar ApS");
    const { id } = await createOpening(db, company.id);
    const { user, profile } = await createFlexjobberWithProfile(db, {}, { competences: ["Køkkenhjælp"] });
    await run(jobPage.action, post(`/job/${id}`, { intent: "interest", shareIdentity: "nej" }, await sessionCookie(user.id)), { id: String(id) });
    const interest = await db.selectFrom("interests").select("id").where("userId", "=", user.id).executeTakeFirstOrThrow();
    const empty = await run(openingPage.action, post(`/opslag/${id}`, { intent: "reply", interestId: String(interest.id), message: "" }, cookie), { id: String(id) });
    expect(empty.status).toBe(400);
    const reply = await run(openingPage.action, post(`/opslag/${id}`, { intent: "reply", interestId: String(interest.id), message: "Kom til en snak!" }, cookie), {
      id: String(id),
    });
    expect(reply.status).toBe(302);
    const request = await db.selectFrom("contactRequests").selectAll().where("profileUserId", "=", user.id).executeTakeFirstOrThrow();
    expect(request).toMatchObject({ companyId: company.id, status: "pending", message: "Kom til en snak!" });
    expect(profile.alias).toMatch(/^Fleksjobber /);
  });

  it("recommends only visible profiles for an opening, best match first", async () => {
    const { company, cookie } = await companyWithUser("Anbefal ApS");
    const { id } = await createOpening(db, company.id, { required: ["Køkkenhjælp"], hoursMin: 10, hoursMax: 12 });
    const best = await createFlexjobberWithProfile(db, {}, { competences: ["Køkkenhjælp"], hours: [8, 15] });
    const weaker = await createFlexjobberWithProfile(db, {}, { competences: ["Salg"], hours: [20, 30] });
    const paused = await createFlexjobberWithProfile(db, {}, { competences: ["Køkkenhjælp"], hours: [8, 15] });
    await setProfileHidden(db, paused.user.id, true);
    const data = (await (await run(openingPage.loader, get(`/opslag/${id}?kandidater=50`, cookie), { id: String(id) })).json()) as { candidates: { alias: string }[] };
    const aliases = data.candidates.map((c) => c.alias);
    expect(aliases).toContain(weaker.profile.alias);
    expect(aliases.indexOf(best.profile.alias)).toBeLessThan(aliases.indexOf(weaker.profile.alias));
    expect(aliases).not.toContain(paused.profile.alias);
  });

  it("shows recommended candidates five at a time, and a bad 'kandidater' parameter is simply five", async () => {
    const { company, cookie } = await companyWithUser("Fem ApS");
    const { id } = await createOpening(db, company.id, { required: ["Køkkenhjælp"] });
    for (let i = 0; i < 7; i++) await createFlexjobberWithProfile(db, {}, { competences: ["Køkkenhjælp"] });
    const page = async (q: string) =>
      (await (await run(openingPage.loader, get(`/opslag/${id}${q}`, cookie), { id: String(id) })).json()) as { candidates: unknown[]; moreCandidates: number | null };
    const first = await page("");
    expect(first.candidates).toHaveLength(5);
    expect(first.moreCandidates).toBe(10);
    expect((await page("?kandidater=10")).candidates.length).toBeGreaterThanOrEqual(7);
    expect((await page("?kandidater=abc")).candidates).toHaveLength(5);
  });
});
