import { sql } from "kysely";
import { describe, expect, it } from "vitest";

import { listThreads, postMessage, startJobcenterThread, unreadCount } from "~/messages/threads.server";
import { expressInterest, listInterestsForOpening } from "~/openings/interests.server";
import { recommendCandidates } from "~/openings/job-search.server";
import { loadOpening } from "~/openings/openings.server";
import { eraseUser } from "~/privacy/erasure.server";
import { sendContactRequest } from "~/profiles/contact.server";
import { setProfileHidden } from "~/profiles/profile.server";
import { searchCandidates } from "~/profiles/search.server";
import * as inbox from "~/routes/beskeder";
import * as threadPage from "~/routes/beskeder_.$id";
import * as live from "~/routes/beskeder_.live";
import * as newThread from "~/routes/beskeder_.ny";
import * as reports from "~/routes/indberetninger";
import * as interestsPage from "~/routes/job_.interesser";
import * as candidatePage from "~/routes/kandidater_.$alias";
import * as openingPage from "~/routes/opslag_.$id";

import { db } from "../db/client.server";
import { isPostgres } from "../db/kysely";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";

// Conversations inside the platform, and who may read them.

async function setup() {
  const company = await createCompany(db, { name: `Samtale ${Math.random().toString(36).slice(2, 7)} ApS` });
  const companyUser = await createUser(db, { role: "company", companyId: company.id, name: "Karin Kontakt" });
  const colleague = await createUser(db, { role: "company", companyId: company.id, name: "Carl Kollega" });
  const consultant = await createUser(db, { role: "staff", name: "Mette Konsulent" });
  const { user: flex, profile } = await createFlexjobberWithProfile(db, { name: "Frida Fleks", consultantId: consultant.id });
  return { company, companyUser, colleague, consultant, flex, alias: profile.alias };
}

const json = async (res: Response) => (await res.json()) as Record<string, unknown> & { thread: { messages: { author: string; body: string }[]; withWhom: string } };

async function acceptedThread(s: Awaited<ReturnType<typeof setup>>) {
  const sent = await sendContactRequest(db, { companyId: s.company.id, sentBy: s.companyUser.id, alias: s.alias, message: "Hej Frida, vi har et job til dig." });
  if (sent === "not_found" || sent.kind !== "sent") throw new Error("request not sent");
  const res = await run(inbox.action, post("/beskeder", { requestId: String(sent.requestId), answer: "accepted" }, await sessionCookie(s.flex.id)));
  const threadId = Number(res.headers.get("Location")!.match(/\/beskeder\/(\d+)/)![1]);
  return { requestId: sent.requestId, threadId };
}

describe("threads", () => {
  it("an accepted contact request opens exactly one thread, which starts with the request's words; every company user can answer", async () => {
    const s = await setup();
    const { threadId } = await acceptedThread(s);
    expect(await db.selectFrom("threads").select("id").where("flexjobberId", "=", s.flex.id).execute()).toHaveLength(1);
    const flexView = await json(await run(threadPage.loader, get(`/beskeder/${threadId}`, await sessionCookie(s.flex.id)), { id: String(threadId) }));
    expect(flexView.thread.messages).toMatchObject([{ author: "Karin Kontakt (" + s.company.name + ")", body: "Hej Frida, vi har et job til dig." }]);

    const colleagueCookie = await sessionCookie(s.colleague.id);
    expect(await unreadCount(db, { id: s.colleague.id, role: "company", companyId: s.company.id })).toBe(1);
    expect((await listThreads(db, { id: s.colleague.id, role: "company", companyId: s.company.id })).rows).toMatchObject([{ id: threadId, unread: 1 }]);
    const answer = await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: "Se https://example.dk/job <b>nu</b>" }, colleagueCookie), {
      id: String(threadId),
    });
    expect(answer.headers.get("Location")).toBe(`/beskeder/${threadId}?besked=besked-sendt`);
    const after = await json(await run(threadPage.loader, get(`/beskeder/${threadId}`, await sessionCookie(s.flex.id)), { id: String(threadId) }));
    expect(after.thread.messages.at(-1)).toMatchObject({ author: `Carl Kollega (${s.company.name})`, body: "Se https://example.dk/job <b>nu</b>" });
    // She said yes, so the company sees her name.
    const companyView = await json(await run(threadPage.loader, get(`/beskeder/${threadId}`, colleagueCookie), { id: String(threadId) }));
    expect(companyView.thread.withWhom).toBe("Frida Fleks");
    // An empty message is refused in Danish and stores nothing.
    const empty = await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: "  " }, colleagueCookie), { id: String(threadId) });
    expect(empty.status).toBe(400);
    expect(await db.selectFrom("messages").select("id").where("threadId", "=", threadId).execute()).toHaveLength(2);
  });

  it("non-members get 403 on the loader and the action; staff read a thread only when invited, and the reading is logged", async () => {
    const s = await setup();
    const { threadId } = await acceptedThread(s);
    const other = await createCompany(db, { name: "Fremmed ApS" });
    const outsiders = [
      await createUser(db, { role: "company", companyId: other.id }),
      (await createFlexjobberWithProfile(db)).user,
      s.consultant, // not invited yet
    ];
    for (const u of outsiders) {
      const cookie = await sessionCookie(u.id);
      expect((await run(threadPage.loader, get(`/beskeder/${threadId}`, cookie), { id: String(threadId) })).status).toBe(403);
      expect((await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: "Hej" }, cookie), { id: String(threadId) })).status).toBe(403);
    }
    expect((await run(threadPage.loader, get("/beskeder/abc", await sessionCookie(s.flex.id)), { id: "abc" })).status).toBe(403);

    // She brings in her consultant, who reads (logged) and writes.
    const invited = await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "invite" }, await sessionCookie(s.flex.id)), { id: String(threadId) });
    expect(invited.headers.get("Location")).toBe(`/beskeder/${threadId}?besked=konsulent-inviteret`);
    const consultantCookie = await sessionCookie(s.consultant.id);
    expect((await run(threadPage.loader, get(`/beskeder/${threadId}`, consultantCookie), { id: String(threadId) })).status).toBe(200);
    const logged = await db.selectFrom("auditLog").selectAll().where("actorId", "=", s.consultant.id).where("action", "=", "thread_read_by_consultant").execute();
    expect(logged).toMatchObject([{ subjectUserId: s.flex.id }]);
    await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: "Jeg er med nu." }, consultantCookie), { id: String(threadId) });
    const view = await json(await run(threadPage.loader, get(`/beskeder/${threadId}`, await sessionCookie(s.companyUser.id)), { id: String(threadId) }));
    // To the company she is the jobcenter, not a named consultant.
    expect(view.thread.messages.at(-1)).toMatchObject({ author: "Jobcentret", body: "Jeg er med nu." });
    const hers = await json(await run(threadPage.loader, get(`/beskeder/${threadId}`, await sessionCookie(s.flex.id)), { id: String(threadId) }));
    expect(hers.thread.messages.at(-1)).toMatchObject({ author: "Mette Konsulent (Jobcentret)" });
  });

  it("answering an interest opens the opening's thread at once, with the alias until she says yes, and the yes reuses it", async () => {
    const s = await setup();
    const opening = await createOpening(db, s.company.id, { title: "Køkkenhjælp i kantinen" });
    await expressInterest(db, { userId: s.flex.id, openingId: opening.id, shareIdentity: false });
    const interest = (await listInterestsForOpening(db, (await loadOpening(db, opening.id))!, s.company.id))[0]!;
    const companyCookie = await sessionCookie(s.companyUser.id);
    const reply = await run(
      openingPage.action,
      post(`/opslag/${opening.id}`, { intent: "reply", interestId: String(interest.id), message: "Vil du komme forbi?" }, companyCookie),
      { id: String(opening.id) },
    );
    const threadId = Number(reply.headers.get("Location")!.match(/\/beskeder\/(\d+)/)![1]);
    const before = await json(await run(threadPage.loader, get(`/beskeder/${threadId}`, companyCookie), { id: String(threadId) }));
    expect(before.thread.withWhom).toBe(s.alias);
    expect(JSON.stringify(before)).not.toContain("Frida");
    await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: "Ja gerne, hvornår?" }, await sessionCookie(s.flex.id)), { id: String(threadId) });
    const anon = await json(await run(threadPage.loader, get(`/beskeder/${threadId}`, companyCookie), { id: String(threadId) }));
    expect(anon.thread.messages.at(-1)).toMatchObject({ author: s.alias, body: "Ja gerne, hvornår?" });
    expect(JSON.stringify(anon)).not.toContain("Frida");

    const request = await db.selectFrom("contactRequests").select("id").where("profileUserId", "=", s.flex.id).executeTakeFirstOrThrow();
    await run(inbox.action, post("/beskeder", { requestId: String(request.id), answer: "accepted" }, await sessionCookie(s.flex.id)));
    expect(await db.selectFrom("threads").select("id").where("flexjobberId", "=", s.flex.id).execute()).toEqual([{ id: threadId }]);
    expect((await json(await run(threadPage.loader, get(`/beskeder/${threadId}`, companyCookie), { id: String(threadId) }))).thread.withWhom).toBe("Frida Fleks");
  });

  it("a no ends the conversation: after she declines, and after she withdraws her interest, a company post gets 403, stores nothing and tells her nothing", async () => {
    for (const how of ["decline", "withdraw"] as const) {
      const s = await setup();
      const opening = await createOpening(db, s.company.id, { title: "Pakning på lageret" });
      await expressInterest(db, { userId: s.flex.id, openingId: opening.id, shareIdentity: false });
      const interest = (await listInterestsForOpening(db, (await loadOpening(db, opening.id))!, s.company.id))[0]!;
      const companyCookie = await sessionCookie(s.companyUser.id);
      const flexCookie = await sessionCookie(s.flex.id);
      const reply = await run(
        openingPage.action,
        post(`/opslag/${opening.id}`, { intent: "reply", interestId: String(interest.id), message: "Vil du komme forbi?" }, companyCookie),
        { id: String(opening.id) },
      );
      const threadId = Number(reply.headers.get("Location")!.match(/\/beskeder\/(\d+)/)![1]);
      if (how === "decline") {
        const request = await db.selectFrom("contactRequests").select("id").where("profileUserId", "=", s.flex.id).executeTakeFirstOrThrow();
        expect((await run(inbox.action, post("/beskeder", { requestId: String(request.id), answer: "declined" }, flexCookie))).status).toBe(302);
      } else {
        expect((await run(interestsPage.action, post("/job/interesser", { intent: "withdraw", interestId: String(interest.id) }, flexCookie))).status).toBe(302);
      }
      const messagesBefore = (await db.selectFrom("messages").select("id").where("threadId", "=", threadId).execute()).length;
      const noticesBefore = (await db.selectFrom("notifications").select("id").where("userId", "=", s.flex.id).execute()).length;

      const post403 = await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: "Er du sikker?" }, companyCookie), { id: String(threadId) });
      expect(post403.status, how).toBe(403);
      expect(await post403.json()).toMatchObject({ formError: "Borgeren har sagt nej tak. I kan ikke skrive mere i denne samtale." });
      expect((await db.selectFrom("messages").select("id").where("threadId", "=", threadId).execute()).length).toBe(messagesBefore);
      expect((await db.selectFrom("notifications").select("id").where("userId", "=", s.flex.id).execute()).length).toBe(noticesBefore);

      // The company still reads it, with the reason and without a reply box; so does she.
      const companyView = await json(await run(threadPage.loader, get(`/beskeder/${threadId}`, companyCookie), { id: String(threadId) }));
      expect(companyView.thread).toMatchObject({ endedByNo: true });
      const herView = await json(await run(threadPage.loader, get(`/beskeder/${threadId}`, flexCookie), { id: String(threadId) }));
      expect(herView.thread).toMatchObject({ endedByNo: true });
      // She can still write to the jobcenter.
      expect((await run(newThread.action, post("/beskeder/ny", { subject: "Et spørgsmål", body: "Kan I ringe?" }, flexCookie))).status).toBe(302);
    }
  });

  it("a request she lets expire (30 days unanswered) is a no too: the company cannot write, she cannot answer it, it cannot ask again for 30 days", async () => {
    const s = await setup();
    const opening = await createOpening(db, s.company.id, { title: "Rengøring om morgenen" });
    await expressInterest(db, { userId: s.flex.id, openingId: opening.id, shareIdentity: false });
    const interest = (await listInterestsForOpening(db, (await loadOpening(db, opening.id))!, s.company.id))[0]!;
    const companyCookie = await sessionCookie(s.companyUser.id);
    const reply = await run(
      openingPage.action,
      post(`/opslag/${opening.id}`, { intent: "reply", interestId: String(interest.id), message: "Vil du komme forbi?" }, companyCookie),
      { id: String(opening.id) },
    );
    const threadId = Number(reply.headers.get("Location")!.match(/\/beskeder\/(\d+)/)![1]);
    const request = await db.selectFrom("contactRequests").select("id").where("profileUserId", "=", s.flex.id).executeTakeFirstOrThrow();
    // Still open on day 29.
    await db
      .updateTable("contactRequests")
      .set({ createdAt: new Date(Date.now() - 29 * 86_400_000).toISOString() })
      .where("id", "=", request.id)
      .execute();
    expect((await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: "Hører du os?" }, companyCookie), { id: String(threadId) })).status).toBe(302);
    // Expired on day 31.
    await db
      .updateTable("contactRequests")
      .set({ createdAt: new Date(Date.now() - 31 * 86_400_000).toISOString() })
      .where("id", "=", request.id)
      .execute();
    expect((await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: "Hallo?" }, companyCookie), { id: String(threadId) })).status).toBe(403);
    const flexCookie = await sessionCookie(s.flex.id);
    const late = await run(inbox.action, post("/beskeder", { requestId: String(request.id), answer: "accepted" }, flexCookie));
    expect(late.status).toBe(404);
    const list = await (await run(inbox.loader, get("/beskeder", flexCookie))).json();
    expect(list.incoming).toEqual([expect.objectContaining({ id: request.id, status: "expired" })]);
    const again = await sendContactRequest(db, { companyId: s.company.id, sentBy: s.companyUser.id, alias: s.alias, message: "Nyt forsøg" });
    expect(again).toMatchObject({ kind: "blocked" });
  });

  it("a company writes to Jobcentret (all staff read it); a paused flexjobber's company threads close; an erased author's messages are emptied", async () => {
    const s = await setup();
    const companyCookie = await sessionCookie(s.companyUser.id);
    const started = await run(newThread.action, post("/beskeder/ny", { subject: "Spørgsmål om løntilskud", body: "Hvordan virker det?" }, companyCookie));
    const jobcenterThread = Number(started.headers.get("Location")!.match(/\/beskeder\/(\d+)/)![1]);
    const anyStaff = await createUser(db, { role: "staff" });
    const staffList = await listThreads(db, { id: anyStaff.id, role: "staff", companyId: null });
    expect(staffList.rows.map((r) => r.id)).toContain(jobcenterThread);
    expect(await unreadCount(db, { id: anyStaff.id, role: "staff", companyId: null })).toBeGreaterThan(0);

    const { threadId } = await acceptedThread(s);
    await setProfileHidden(db, s.flex.id, true);
    expect((await run(threadPage.loader, get(`/beskeder/${threadId}`, companyCookie), { id: String(threadId) })).status).toBe(403);
    await setProfileHidden(db, s.flex.id, false);
    await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: "Mit private svar" }, await sessionCookie(s.flex.id)), { id: String(threadId) });
    await eraseUser(db, s.flex.id);
    const view = await json(await run(threadPage.loader, get(`/beskeder/${threadId}`, companyCookie), { id: String(threadId) }));
    expect(view.thread.messages.at(-1)).toMatchObject({ author: "Slettet bruger", body: "" });
    expect(JSON.stringify(view)).not.toContain("Mit private svar");
  });

  it("the 31st message in an hour gets 429 and is not stored", async () => {
    const s = await setup();
    const { threadId } = await acceptedThread(s);
    const cookie = await sessionCookie(s.flex.id);
    for (let i = 1; i <= 30; i++) {
      const res = await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: `Besked ${i}` }, cookie), { id: String(threadId) });
      expect(res.status).toBe(302);
    }
    const refused = await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: "Besked 31" }, cookie), { id: String(threadId) });
    expect(refused.status).toBe(429);
    expect((await refused.json()).formError).toMatch(/For mange forsøg/);
    expect(await db.selectFrom("messages").select("id").where("body", "=", "Besked 31").execute()).toEqual([]);
  });
});

/** An open unread-count stream for the user, and a way to wait for its next update. */
async function openStream(userId: string) {
  const controller = new AbortController();
  const request = new Request("http://refleks.test/beskeder/live", { headers: { Cookie: await sessionCookie(userId) }, signal: controller.signal });
  const res = await run(live.loader, request);
  expect(res.headers.get("Content-Type")).toContain("text/event-stream");
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let seen = "";
  const nextUpdate = async () => {
    for (;;) {
      const match = seen.match(/event: update\ndata: (\{[^\n]*\})\n\n/);
      if (match) {
        seen = seen.slice(seen.indexOf(match[0]) + match[0].length);
        return JSON.parse(match[1]!) as { unread: number };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended");
      seen += decoder.decode(value);
    }
  };
  const close = async () => {
    controller.abort();
    await reader.cancel().catch(() => undefined);
  };
  return { nextUpdate, close };
}

describe("live unread count", () => {
  it.runIf(isPostgres(db))("on PostgreSQL the stream hears messages again after its LISTEN connection was cut", async () => {
    const s = await setup();
    const { threadId } = await acceptedThread(s);
    const stream = await openStream(s.companyUser.id);
    expect(await stream.nextUpdate()).toEqual({ unread: 0 });
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen %'`.execute(db);
    // Well before the stream's half-minute recheck (the test would time out waiting for that).
    await new Promise((r) => setTimeout(r, 1_500));
    await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: "Er du der stadig?" }, await sessionCookie(s.flex.id)), { id: String(threadId) });
    expect(await stream.nextUpdate()).toEqual({ unread: 1 });
    await stream.close();
  });

  it("the stream sends the unread count at once and again when a message arrives, without a reload", async () => {
    const s = await setup();
    const { threadId } = await acceptedThread(s);
    const stream = await openStream(s.companyUser.id);
    expect(await stream.nextUpdate()).toEqual({ unread: 0 });
    await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: "Tak for sidst!" }, await sessionCookie(s.flex.id)), { id: String(threadId) });
    expect(await stream.nextUpdate()).toEqual({ unread: 1 });
    await stream.close();
  });

  it("a user suspended while the stream is open hears no more counts: the next push ends the stream", async () => {
    const s = await setup();
    const { threadId } = await acceptedThread(s);
    const stream = await openStream(s.companyUser.id);
    expect(await stream.nextUpdate()).toEqual({ unread: 0 });
    await db.updateTable("users").set({ status: "suspended" }).where("id", "=", s.companyUser.id).execute();
    await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: "Hallo?" }, await sessionCookie(s.flex.id)), { id: String(threadId) });
    await expect(stream.nextUpdate()).rejects.toThrow("stream ended");
    await stream.close();
  });
});

describe("safety", () => {
  it("a blocked company can no longer find her, recommend her, open her page or write in their thread", async () => {
    const s = await setup();
    const { threadId } = await acceptedThread(s);
    const opening = await createOpening(db, s.company.id, { title: "Lager" });
    const companyCookie = await sessionCookie(s.companyUser.id);
    const found = async () => (await searchCandidates(db, s.company.id, { competences: [], certificates: [], sort: "newest", page: 1 })).cards.map((c) => c.alias);
    expect(await found()).toContain(s.alias);

    const blocked = await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "block" }, await sessionCookie(s.flex.id)), { id: String(threadId) });
    expect(blocked.headers.get("Location")).toBe(`/beskeder/${threadId}?besked=virksomhed-blokeret`);
    expect(await found()).not.toContain(s.alias);
    const recommended = await recommendCandidates(db, (await loadOpening(db, opening.id))!, 50);
    expect(recommended.map((c) => c.alias)).not.toContain(s.alias);
    expect((await run(candidatePage.loader, get(`/kandidater/${s.alias}`, companyCookie), { alias: s.alias })).status).toBe(404);
    expect((await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body: "Hallo?" }, companyCookie), { id: String(threadId) })).status).toBe(403);
    // Another company still finds her.
    expect((await searchCandidates(db, (await createCompany(db)).id, { competences: [], certificates: [], sort: "newest", page: 1 })).cards.map((c) => c.alias)).toContain(s.alias);
  });

  it("'Anmeld' is offered on a company's message, never on the jobcenter's own, and the door refuses it too", async () => {
    const s = await setup();
    const { threadId } = await acceptedThread(s);
    const flexCookie = await sessionCookie(s.flex.id);
    const view = async (id: number) =>
      ((await (await run(threadPage.loader, get(`/beskeder/${id}`, flexCookie), { id: String(id) })).json()) as { thread: { messages: { id: number; reportable: boolean }[] } })
        .thread.messages;
    expect((await view(threadId)).map((m) => m.reportable)).toEqual([true]);

    const jobcenterThread = await startJobcenterThread(db, { id: s.flex.id, role: "flexjobber", companyId: null }, { subject: "Spørgsmål", body: "Hvornår er næste kaffemøde?" });
    await postMessage(db, { id: s.consultant.id, role: "staff", companyId: null }, jobcenterThread, "På torsdag kl. 10.");
    const messages = await view(jobcenterThread);
    expect(messages.map((m) => m.reportable)).toEqual([false, false]);
    const staffMessage = messages.at(-1)!;
    const refused = await run(threadPage.action, post(`/beskeder/${jobcenterThread}`, { intent: "report", messageId: String(staffMessage.id) }, flexCookie), {
      id: String(jobcenterThread),
    });
    expect(refused.status).toBe(404);
    expect(await db.selectFrom("messageReports").select("id").where("messageId", "=", staffMessage.id).execute()).toEqual([]);
  });

  it("a reported message reaches Indberetninger; suspending its author ends their session at the next request", async () => {
    const s = await setup();
    const { threadId } = await acceptedThread(s);
    const companyCookie = await sessionCookie(s.companyUser.id);
    const message = await db.selectFrom("messages").select("id").where("threadId", "=", threadId).executeTakeFirstOrThrow();
    // Her own message cannot be reported by her; someone outside the thread cannot report at all.
    const outsider = await sessionCookie((await createFlexjobberWithProfile(db)).user.id);
    expect((await run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "report", messageId: String(message.id) }, outsider), { id: String(threadId) })).status).toBe(404);
    const reported = await run(
      threadPage.action,
      post(`/beskeder/${threadId}`, { intent: "report", messageId: String(message.id), reason: "Ubehagelig tone" }, await sessionCookie(s.flex.id)),
      { id: String(threadId) },
    );
    expect(reported.headers.get("Location")).toBe(`/beskeder/${threadId}?besked=besked-anmeldt`);

    const staffCookie = await sessionCookie((await createUser(db, { role: "staff" })).id);
    expect((await run(reports.loader, get("/indberetninger", await sessionCookie(s.flex.id)))).status).toBe(403);
    const queue = (await (await run(reports.loader, get("/indberetninger", staffCookie))).json()) as { reports: { rows: { id: number; reason: string; authorName: string }[] } };
    const report = queue.reports.rows.find((r) => r.reason === "Ubehagelig tone")!;
    expect(report.authorName).toBe("Karin Kontakt");
    expect((await run(threadPage.loader, get(`/beskeder/${threadId}`, companyCookie), { id: String(threadId) })).status).toBe(200);
    const done = await run(reports.action, post("/indberetninger", { reportId: String(report.id), outcome: "suspended" }, staffCookie));
    expect(done.headers.get("Location")).toBe("/indberetninger?besked=indberetning-behandlet");
    const after = await run(threadPage.loader, get(`/beskeder/${threadId}`, companyCookie), { id: String(threadId) });
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/login/);
    expect((await run(reports.action, post("/indberetninger", { reportId: String(report.id), outcome: "dismissed" }, staffCookie))).status).toBe(409);
  });
});
