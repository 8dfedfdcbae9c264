import { describe, expect, it } from "vitest";

import { blockCompany, REPORTS_PER_HOUR } from "~/messages/safety.server";
import { expressInterest } from "~/openings/interests.server";
import { eraseUser } from "~/privacy/erasure.server";
import { sendContactRequest } from "~/profiles/contact.server";
import { setProfileHidden } from "~/profiles/profile.server";
import * as inbox from "~/routes/beskeder";
import * as threadPage from "~/routes/beskeder_.$id";
import * as newThread from "~/routes/beskeder_.ny";
import * as citizenPage from "~/routes/borgere_.$id";
import * as candidatePage from "~/routes/kandidater_.$alias";
import * as openingsList from "~/routes/opslag";

import { db } from "../db/client.server";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";

// Each door checked as an attacker would try it.

async function companyAndCitizen() {
  const company = await createCompany(db, { name: `Dør ${Math.random().toString(36).slice(2, 7)} ApS` });
  const companyUser = await createUser(db, { role: "company", companyId: company.id, name: "Karin Kontakt" });
  const consultant = await createUser(db, { role: "staff", name: "Mette Konsulent" });
  const { user: flex, profile } = await createFlexjobberWithProfile(db, { name: "Frida Fleks", consultantId: consultant.id });
  return { company, companyUser, consultant, flex, alias: profile.alias };
}

async function acceptedThread(s: Awaited<ReturnType<typeof companyAndCitizen>>) {
  const sent = await sendContactRequest(db, { companyId: s.company.id, sentBy: s.companyUser.id, alias: s.alias, message: "Hej, vi har et job." });
  if (sent === "not_found" || sent.kind !== "sent") throw new Error("request not sent");
  const res = await run(inbox.action, post("/beskeder", { requestId: String(sent.requestId), answer: "accepted" }, await sessionCookie(s.flex.id)));
  return Number(res.headers.get("Location")!.match(/\/beskeder\/(\d+)/)![1]);
}

const reportsOf = (userId: string) => db.selectFrom("messageReports").select("messageId").where("reportedBy", "=", userId).execute();

describe("reports", () => {
  it("one per person per message, at most 10 an hour, and only for a message in the thread named", async () => {
    const s = await companyAndCitizen();
    const threadId = await acceptedThread(s);
    const companyCookie = await sessionCookie(s.companyUser.id);
    const flexCookie = await sessionCookie(s.flex.id);
    for (let i = 0; i < REPORTS_PER_HOUR + 2; i++) {
      await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: `Besked ${i}` }, companyCookie), { id: String(threadId) });
    }
    const messages = await db.selectFrom("messages").select("id").where("threadId", "=", threadId).where("authorId", "=", s.companyUser.id).orderBy("id").execute();
    const report = (messageId: number, thread = threadId) =>
      run(threadPage.action, post(`/beskeder/${thread}`, { intent: "report", messageId: String(messageId), reason: "Ubehagelig" }, flexCookie), { id: String(thread) });

    // The same message 40 times: one row.
    for (let i = 0; i < 40; i++) expect((await report(messages[0]!.id)).status).toBe(302);
    expect(await reportsOf(s.flex.id)).toHaveLength(1);

    // A message from another of her threads, reported through this thread's URL: not found here.
    const own = await run(newThread.action, post("/beskeder/ny", { subject: "Spørgsmål", body: "Hej" }, flexCookie));
    const otherThread = Number(own.headers.get("Location")!.match(/\/beskeder\/(\d+)/)![1]);
    expect((await report(messages[1]!.id, otherThread)).status).toBe(404);
    expect(await reportsOf(s.flex.id)).toHaveLength(1);

    // Ten in an hour, then a calm 429.
    const statuses: number[] = [];
    for (const m of messages.slice(1)) statuses.push((await report(m.id)).status);
    expect(await reportsOf(s.flex.id)).toHaveLength(REPORTS_PER_HOUR);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("a citizen's consultant changes", () => {
  it("her conversation with the consultant moves to the new one; the former one gets 403", async () => {
    const s = await companyAndCitizen();
    const next = await createUser(db, { role: "staff", name: "Niels Ny" });
    const admin = await createUser(db, { role: "admin" });
    const started = await run(newThread.action, post("/beskeder/ny", { subject: "Min plan", body: "Kan vi tale om min plan?" }, await sessionCookie(s.flex.id)));
    const threadId = Number(started.headers.get("Location")!.match(/\/beskeder\/(\d+)/)![1]);
    const open = async (userId: string) => (await run(threadPage.loader, get(`/beskeder/${threadId}`, await sessionCookie(userId)), { id: String(threadId) })).status;
    expect(await open(s.consultant.id)).toBe(200);
    expect(await open(next.id)).toBe(403);

    const changed = await run(citizenPage.action, post(`/borgere/${s.flex.id}`, { intent: "consultant", consultantId: next.id }, await sessionCookie(admin.id)), { id: s.flex.id });
    expect(changed.status).toBe(302);
    expect(await open(s.consultant.id)).toBe(403);
    expect(await open(next.id)).toBe(200);
  });
});

describe("the company sees the jobcenter, not the consultant's name", () => {
  it("a consultant invited into a conversation with a company is 'Jobcentret' to the company, in the data it is sent", async () => {
    const s = await companyAndCitizen();
    const threadId = await acceptedThread(s);
    expect((await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "invite" }, await sessionCookie(s.flex.id)), { id: String(threadId) })).status).toBe(302);
    await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: "Jeg er med nu." }, await sessionCookie(s.consultant.id)), { id: String(threadId) });
    const seen = await (await run(threadPage.loader, get(`/beskeder/${threadId}`, await sessionCookie(s.companyUser.id)), { id: String(threadId) })).json();
    expect(JSON.stringify(seen)).not.toContain("Mette");
    expect(seen.thread.consultants).toEqual(["Jobcentret"]);
    expect(seen.thread.messages.at(-1).author).toBe("Jobcentret");
    // She sees who her consultant is.
    const hers = await (await run(threadPage.loader, get(`/beskeder/${threadId}`, await sessionCookie(s.flex.id)), { id: String(threadId) })).json();
    expect(hers.thread.consultants).toEqual(["Mette Konsulent"]);
  });
});

describe("company-facing counts go through the one visibility rule", () => {
  it("the Opslag list counts only interests the opening page would list (not paused, blocking or erased people)", async () => {
    const company = await createCompany(db);
    const companyUser = await createUser(db, { role: "company", companyId: company.id });
    const opening = await createOpening(db, company.id, { title: "Kantinemedhjælper" });
    const people = [];
    for (let i = 0; i < 4; i++) {
      const { user } = await createFlexjobberWithProfile(db);
      await expressInterest(db, { userId: user.id, openingId: opening.id, shareIdentity: false });
      people.push(user);
    }
    await setProfileHidden(db, people[0]!.id, true);
    await blockCompany(db, people[1]!.id, company.id);
    await eraseUser(db, people[2]!.id);
    const list = await (await run(openingsList.loader, get("/opslag", await sessionCookie(companyUser.id)))).json();
    expect(list.openings.rows.find((o: { id: number }) => o.id === opening.id)).toMatchObject({ interests: 1, newInterests: 1 });
  });
});

describe("a hidden alias is a 404 like one that never existed", () => {
  it("paused, blocking and made-up aliases answer byte for byte the same, on the page and the contact form", async () => {
    const company = await createCompany(db);
    const cookie = await sessionCookie((await createUser(db, { role: "company", companyId: company.id })).id);
    const paused = await createFlexjobberWithProfile(db);
    await setProfileHidden(db, paused.user.id, true);
    const blocking = await createFlexjobberWithProfile(db);
    await blockCompany(db, blocking.user.id, company.id);
    const answers: string[] = [];
    for (const alias of [paused.profile.alias, blocking.profile.alias, "Fleksjobber QQQQ"]) {
      for (const res of [
        await run(candidatePage.loader, get(`/kandidater/${encodeURIComponent(alias)}`, cookie), { alias }),
        await run(candidatePage.action, post(`/kandidater/${encodeURIComponent(alias)}`, { message: "Hej, vil du tale med os?" }, cookie), { alias }),
      ]) {
        answers.push(JSON.stringify([res.status, [...res.headers], await res.text()]));
      }
    }
    expect(JSON.parse(answers[0]!)[0]).toBe(404);
    expect(new Set(answers.filter((_, i) => i % 2 === 0)).size).toBe(1);
    expect(new Set(answers.filter((_, i) => i % 2 === 1)).size).toBe(1);
  });
});
