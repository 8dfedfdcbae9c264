import { describe, expect, it } from "vitest";

import { saveArticle } from "~/content/articles.server";
import { createEvent } from "~/events/events.server";
import { answerContactRequestAndNotify } from "~/messages/notices.server";
import { expressInterest } from "~/openings/interests.server";
import { sendContactRequest } from "~/profiles/contact.server";
import { setProfileHidden, setSharingConsent } from "~/profiles/profile.server";
import * as job from "~/routes/job_.$id";
import * as openingPage from "~/routes/opslag_.$id";

import { db } from "../db/client.server";
import { companyFacingPages, companyFacingRouteFiles, type CompanyPage, type World } from "./company-routes";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { post, run, sessionCookie } from "./http";

// One visibility rule for every company-facing read (visibleProfiles): a
// paused, an unapproved and a consent-withdrawn flexjobber who each showed
// interest, shared their identity and said yes to a contact request are
// found by no company-facing loader (every one, found from the route files:
// tests/company-routes.ts), and no company action reaches them.

const competences = ["Lagerarbejde", "Synlighedstest"];

async function flexjobberWhoEngaged(name: string, companyId: number, companyUserId: string, openingId: number) {
  const { user, profile } = await createFlexjobberWithProfile(db, { name, email: `${name.toLowerCase()}@borger.example` }, { competences });
  expect(await expressInterest(db, { userId: user.id, openingId, message: `Hilsen fra ${name}`, shareIdentity: true })).toBe("sent");
  const sent = await sendContactRequest(db, { companyId, sentBy: companyUserId, alias: profile.alias, message: "Hej" });
  if (sent === "not_found" || sent.kind !== "sent") throw new Error("request not sent");
  // As she does it on Beskeder: the yes opens the conversation with the company.
  expect(await answerContactRequestAndNotify(db, { userId: user.id, requestId: sent.requestId, answer: "accepted" })).toMatchObject({ threadId: expect.any(Number) });
  return { user, profile };
}

/** Every company-facing loader's data (found by tests/company-routes.ts), and the status of each candidate's page. */
async function companyFacingData(cookie: string, world: World): Promise<{ pages: CompanyPage[]; texts: string[]; candidatePages: number[]; home: string }> {
  const pages = await companyFacingPages(cookie, world);
  for (const p of pages) expect(p.status, `${p.path} (${p.file})`).toBeLessThan(500);
  // The pages every company user has must answer (a 403 would hide a leak from this test).
  for (const file of ["kandidater.tsx", "beskeder.tsx", "_index.tsx", "opslag_.$id.tsx"]) {
    expect(pages.find((p) => p.file === file)?.status, file).toBe(200);
  }
  return {
    pages,
    texts: pages.map((p) => p.text),
    candidatePages: pages.filter((p) => p.file === "kandidater_.$alias.tsx").map((p) => p.status),
    home: pages.find((p) => p.file === "_index.tsx")!.text,
  };
}

describe("one visibility rule for every company-facing read", () => {
  it("hides paused, unapproved and consent-withdrawn flexjobbers everywhere, even after interest and a yes", async () => {
    const company = await createCompany(db, { name: "Synlig Test ApS" });
    const companyUser = await createUser(db, { role: "company", companyId: company.id, isCompanyAdmin: 1 });
    const cookie = await sessionCookie(companyUser.id);
    const opening = await createOpening(db, company.id, { required: ["Lagerarbejde"], industry: "Transport og lager" });

    const visible = await flexjobberWhoEngaged("Vibeke", company.id, companyUser.id, opening.id);
    const paused = await flexjobberWhoEngaged("Palle", company.id, companyUser.id, opening.id);
    const unapproved = await flexjobberWhoEngaged("Ulla", company.id, companyUser.id, opening.id);
    const withdrawn = await flexjobberWhoEngaged("William", company.id, companyUser.id, opening.id);
    const hiddenOnes = [paused, unapproved, withdrawn];
    const staff = await createUser(db, { role: "staff" });
    const world: World = {
      openingId: opening.id,
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
      threadIds: (await db.selectFrom("threads").select("id").where("companyId", "=", company.id).execute()).map((t) => t.id),
      aliases: [visible, ...hiddenOnes].map((p) => p.profile.alias),
    };
    expect(world.threadIds.length).toBeGreaterThanOrEqual(4);

    // Before: every one of them is there (so the test below can fail).
    const before = await companyFacingData(cookie, world);
    for (const p of [visible, ...hiddenOnes]) {
      expect(before.texts.join("\n")).toContain(p.profile.alias);
      expect(before.texts.join("\n")).toContain(p.user.email);
    }
    expect(before.candidatePages).toEqual([200, 200, 200, 200]);

    await setProfileHidden(db, paused.user.id, true);
    // Staff sent it back (or it never was approved): anything but "approved".
    await db.updateTable("profiles").set({ status: "returned" }).where("userId", "=", unapproved.user.id).execute();
    await setSharingConsent(db, withdrawn.user.id, false);

    const after = await companyFacingData(cookie, world);
    const all = after.texts.join("\n");
    expect(all).toContain(visible.profile.alias);
    expect(all).toContain(visible.user.email);
    for (const page of after.pages) {
      for (const p of hiddenOnes) {
        for (const trace of [p.profile.alias, p.user.email, p.user.name]) expect(page.text, `${page.path} (${page.file}) shows ${trace}`).not.toContain(trace);
      }
    }
    expect(after.candidatePages).toEqual([200, 404, 404, 404]);
    // The counts on the company's start page follow the same rule.
    const homeData = JSON.parse(after.home) as { home: { accepted: number } };
    expect(homeData.home.accepted).toBe(1);

    // No company action reaches them: answering or moving their interest, asking again.
    const interests = await db.selectFrom("interests").select(["id", "userId"]).where("openingId", "=", opening.id).execute();
    for (const p of hiddenOnes) {
      const interestId = String(interests.find((i) => i.userId === p.user.id)!.id);
      const reply = await run(openingPage.action, post(`/opslag/${opening.id}`, { intent: "reply", interestId, message: "Må vi ringe?" }, cookie), { id: String(opening.id) });
      expect(reply.status).toBe(404);
      const stage = await run(openingPage.action, post(`/opslag/${opening.id}`, { intent: "stage", interestId, stage: "interview" }, cookie), { id: String(opening.id) });
      expect(stage.status).toBe(404);
      const ask = await sendContactRequest(db, { companyId: company.id, sentBy: companyUser.id, alias: p.profile.alias, message: "Hej igen" });
      expect(ask).toBe("not_found");
    }
    const stages = await db.selectFrom("interests").select("stage").where("openingId", "=", opening.id).execute();
    expect(stages.every((s) => s.stage === "new")).toBe(true);
  });

  it("does not let a flexjobber without a visible profile show interest the company could not see", async () => {
    const company = await createCompany(db);
    const opening = await createOpening(db, company.id);
    const { user } = await createFlexjobberWithProfile(db, {}, { status: "pending" });
    const res = await run(job.action, post(`/job/${opening.id}`, { intent: "interest", shareIdentity: "nej" }, await sessionCookie(user.id)), { id: String(opening.id) });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { formError: string }).formError).toMatch(/godkendt og synlig/);
    expect(await db.selectFrom("interests").select("id").where("userId", "=", user.id).execute()).toEqual([]);
  });

  it("finds the company-facing routes by their guards, so a new one is checked without editing this test", () => {
    const files = companyFacingRouteFiles();
    for (const file of ["kandidater.tsx", "kandidater_.$alias.tsx", "_index.tsx", "beskeder.tsx", "notifikationer.tsx", "opslag_.$id.tsx"]) expect(files).toContain(file);
    for (const file of ["borgere.tsx", "godkendelse.tsx", "profil.tsx", "statistik.tsx"]) expect(files).not.toContain(file);
  });
});
