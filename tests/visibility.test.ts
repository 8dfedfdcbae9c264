import { describe, expect, it } from "vitest";
import { db } from "../db/client.server";
import * as search from "~/routes/kandidater";
import * as candidate from "~/routes/kandidater_.$alias";
import * as messages from "~/routes/beskeder";
import * as openingPage from "~/routes/opslag_.$id";
import * as home from "~/routes/_index";
import * as job from "~/routes/job_.$id";
import { expressInterest } from "~/openings/interests.server";
import { answerContactRequest, sendContactRequest } from "~/profiles/contact.server";
import { setProfileHidden, setSharingConsent } from "~/profiles/profile.server";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";

// One visibility rule for every company-facing read (visibleProfiles): a
// paused, an unapproved and a consent-withdrawn flexjobber who each showed
// interest, shared their identity and said yes to a contact request are
// found by no company-facing loader, and no company action reaches them.

const competences = ["Lagerarbejde", "Synlighedstest"];

async function flexjobberWhoEngaged(name: string, companyId: number, companyUserId: string, openingId: number) {
  const { user, profile } = await createFlexjobberWithProfile(db, { name, email: `${name.toLowerCase()}@borger.example` }, { competences });
  expect(await expressInterest(db, { userId: user.id, openingId, message: `Hilsen fra ${name}`, shareIdentity: true })).toBe("sent");
  const sent = await sendContactRequest(db, { companyId, sentBy: companyUserId, alias: profile.alias, message: "Hej" });
  if (sent === "not_found" || sent.kind !== "sent") throw new Error("request not sent");
  await answerContactRequest(db, { userId: user.id, requestId: sent.requestId, answer: "accepted" });
  return { user, profile };
}

async function companyFacingData(cookie: string, openingId: number, aliases: string[]): Promise<{ texts: string[]; candidatePages: number[] }> {
  const responses = await Promise.all([
    run(search.loader, get("/kandidater?q=synlighedstest", cookie)),
    run(search.loader, get("/kandidater", cookie)),
    run(messages.loader, get("/beskeder", cookie)),
    run(home.loader, get("/", cookie)),
    run(openingPage.loader, get(`/opslag/${openingId}`, cookie), { id: String(openingId) }),
  ]);
  for (const r of responses) expect(r.status).toBe(200);
  const pages = await Promise.all(aliases.map((alias) => run(candidate.loader, get(`/kandidater/${encodeURIComponent(alias)}`, cookie), { alias })));
  return { texts: await Promise.all(responses.map((r) => r.text())), candidatePages: pages.map((p) => p.status) };
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
    const allAliases = [visible, ...hiddenOnes].map((p) => p.profile.alias);

    // Before: every one of them is there (so the test below can fail).
    const before = await companyFacingData(cookie, opening.id, allAliases);
    for (const p of [visible, ...hiddenOnes]) {
      expect(before.texts.join("\n")).toContain(p.profile.alias);
      expect(before.texts.join("\n")).toContain(p.user.email);
    }
    expect(before.candidatePages).toEqual([200, 200, 200, 200]);

    await setProfileHidden(db, paused.user.id, true);
    // Staff sent it back (or it never was approved): anything but "approved".
    await db.updateTable("profiles").set({ status: "returned" }).where("userId", "=", unapproved.user.id).execute();
    await setSharingConsent(db, withdrawn.user.id, false);

    const after = await companyFacingData(cookie, opening.id, allAliases);
    const all = after.texts.join("\n");
    expect(all).toContain(visible.profile.alias);
    expect(all).toContain(visible.user.email);
    for (const p of hiddenOnes) {
      expect(all).not.toContain(p.profile.alias);
      expect(all).not.toContain(p.user.email);
      expect(all).not.toContain(p.user.name);
    }
    expect(after.candidatePages).toEqual([200, 404, 404, 404]);
    // The counts on the company's start page follow the same rule.
    const homeData = JSON.parse(after.texts[3]!) as { home: { accepted: number } };
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
});
