import { describe, expect, it } from "vitest";

import { runSavedSearchAlerts } from "~/alerts/alerts.server";
import { closeOpening } from "~/openings/openings.server";
import * as inbox from "~/routes/beskeder";
import * as citizenPage from "~/routes/borgere_.$id";
import * as savedPage from "~/routes/gemte-soegninger";
import * as jobPage from "~/routes/job_.$id";
import * as candidatePage from "~/routes/kandidater_.$alias";
import * as notificationsPage from "~/routes/notifikationer";
import * as openingPage from "~/routes/opslag_.$id";

import { db } from "../db/client.server";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";
import { withOldDatabase } from "./old-database";

// The rules of what a notice says and when there is one: a notice a person
// cannot trust (a doubled quote, news of a job she already knows, an alias
// after she said her name) teaches her to ignore all of them.

const word = () => `Qix${Math.random().toString(36).slice(2, 8)}`;
const titlesOf = async (userId: string) => (await db.selectFrom("notifications").select("title").where("userId", "=", userId).orderBy("id").execute()).map((n) => n.title);

async function notificationsPageData(userId: string) {
  const res = await run(notificationsPage.loader, get("/notifikationer", await sessionCookie(userId)));
  return ((await res.json()) as { notifications: { title: string; kind: string; link: string }[] }).notifications;
}

describe("conversations named after what they are about", () => {
  it("the migration renames the old 'Kontakt' conversations after the company's flexjob", async () => {
    await withOldDatabase("0031_job_runs", async (old, migrate) => {
      const company = await createCompany(old, { name: "Gamle Kantine ApS" });
      const at = new Date().toISOString();
      const thread = (kind: "contact" | "jobcenter", subject: string) => ({
        kind,
        companyId: company.id,
        flexjobberId: null,
        openingId: null,
        contactRequestId: null,
        interestId: null,
        subject,
        createdBy: null,
        createdAt: at,
        lastMessageAt: at,
      });
      await old
        .insertInto("threads")
        .values([thread("contact", "Kontakt"), thread("jobcenter", "Kontakt")])
        .execute();
      expect(await migrate()).toBeUndefined();
      expect((await old.selectFrom("threads").select("subject").orderBy("id").execute()).map((t) => t.subject)).toEqual(["Fleksjob hos Gamle Kantine ApS", "Kontakt"]);
    });
  });
});

describe("notices a person can trust", () => {
  it("a search named in quotes is quoted once; a job she saved or said she is interested in is no 'Nyt job'", async () => {
    const { user } = await createFlexjobberWithProfile(db);
    const cookie = await sessionCookie(user.id);
    const title = word();
    expect((await run(savedPage.action, post("/gemte-soegninger", { intent: "save", name: '"køkken"', query: `q=${title}` }, cookie))).status).toBe(302);
    const company = await createCompany(db, { name: `Kantine ${word()} ApS` });
    const fresh = await createOpening(db, company.id, { title: `${title} i kantinen` });
    const saved = await createOpening(db, company.id, { title: `${title} ved opvasken` });
    const wanted = await createOpening(db, company.id, { title: `${title} i caféen` });
    const job = (id: number, fields: Record<string, string>) => run(jobPage.action, post(`/job/${id}`, fields, cookie), { id: String(id) });
    expect((await job(saved.id, { intent: "save" })).status).toBeLessThan(400);
    expect((await job(wanted.id, { intent: "interest", shareIdentity: "nej", message: "" })).status).toBeLessThan(400);

    await runSavedSearchAlerts(db);
    expect(await titlesOf(user.id)).toEqual([`Nyt job til søgningen "køkken": ${title} i kantinen hos ${company.name}`]);
    expect(fresh.id).toBeGreaterThan(0);
  });

  it("a contact request names the company and the opening; a yes shows her name beside the alias, a no keeps the alias; the conversation is named after the opening", async () => {
    const company = await createCompany(db, { name: `Lageret ${word()} ApS` });
    const karin = await createUser(db, { role: "company", companyId: company.id, name: "Karin Kontakt" });
    const karinCookie = await sessionCookie(karin.id);
    const opening = await createOpening(db, company.id, { title: "Lagermedhjælper om formiddagen" });
    const elsewhere = await createOpening(db, (await createCompany(db)).id, { title: "Et andet firmas job" });
    const { user: yes, profile: yesProfile } = await createFlexjobberWithProfile(db, { name: "Yrsa Ja" });
    const { user: no, profile: noProfile } = await createFlexjobberWithProfile(db, { name: "Nanna Nej" });
    const ask = (alias: string, fields: Record<string, string>) =>
      run(candidatePage.action, post(`/kandidater/${encodeURIComponent(alias)}`, { message: "Vi har et job, der måske passer.", ...fields }, karinCookie), { alias });

    // The form offers the company's own published openings; another company's is refused and nothing is stored.
    const page = (await (
      await run(candidatePage.loader, get(`/kandidater/${encodeURIComponent(yesProfile.alias)}?opslag=${opening.id}`, karinCookie), { alias: yesProfile.alias })
    ).json()) as {
      openings: { id: number; title: string }[];
      chosenOpening: string;
    };
    expect(page.openings).toEqual([{ id: opening.id, title: "Lagermedhjælper om formiddagen" }]);
    expect(page.chosenOpening).toBe(String(opening.id));
    const refused = await ask(yesProfile.alias, { opening: String(elsewhere.id) });
    expect(refused.status).toBe(400);
    expect(await db.selectFrom("contactRequests").select("id").where("companyId", "=", company.id).execute()).toEqual([]);
    expect((await ask(yesProfile.alias, { opening: String(opening.id) })).status).toBe(302);
    expect((await ask(noProfile.alias, { opening: "" })).status).toBe(302);

    // Her card names who asks and about what; the two answers are the same kind of button (checked in the journey).
    const yesCookie = await sessionCookie(yes.id);
    const inboxData = (await (await run(inbox.loader, get("/beskeder", yesCookie))).json()) as {
      incoming: { id: number; companyName: string; opening: { id: number; title: string; open: boolean } | null }[];
    };
    expect(inboxData.incoming).toMatchObject([{ companyName: company.name, opening: { id: opening.id, title: "Lagermedhjælper om formiddagen", open: true } }]);
    expect(await titlesOf(yes.id)).toEqual([`${company.name} vil gerne i kontakt med dig`]);

    const accepted = await run(inbox.action, post("/beskeder", { requestId: String(inboxData.incoming[0]!.id), answer: "accepted" }, yesCookie));
    const threadId = Number(accepted.headers.get("Location")!.match(/\/beskeder\/(\d+)/)![1]);
    expect((await db.selectFrom("threads").select("subject").where("id", "=", threadId).executeTakeFirstOrThrow()).subject).toBe("Lagermedhjælper om formiddagen");
    const noCookie = await sessionCookie(no.id);
    const noInbox = (await (await run(inbox.loader, get("/beskeder", noCookie))).json()) as { incoming: { id: number; opening: unknown }[] };
    expect(noInbox.incoming[0]!.opening).toBeNull();
    await run(inbox.action, post("/beskeder", { requestId: String(noInbox.incoming[0]!.id), answer: "declined" }, noCookie));

    // Stored by alias; read with her name once she said yes to this company.
    expect(await titlesOf(karin.id)).toEqual([`${yesProfile.alias} har sagt ja`, `${noProfile.alias} har svaret`]);
    const shown = (await notificationsPageData(karin.id)).map((n) => n.title);
    expect(shown).toEqual([`${noProfile.alias} har svaret`, `Yrsa Ja (${yesProfile.alias}) har sagt ja`]);
    expect(JSON.stringify(shown)).not.toContain("Nanna");
  });

  it("an answer to an interest names its opening, also after the opening closed", async () => {
    const company = await createCompany(db, { name: `Svar ${word()} ApS` });
    const karin = await createUser(db, { role: "company", companyId: company.id });
    const opening = await createOpening(db, company.id, { title: "Pedelmedhjælper", owner: karin });
    const { user } = await createFlexjobberWithProfile(db);
    const cookie = await sessionCookie(user.id);
    expect(
      (await run(jobPage.action, post(`/job/${opening.id}`, { intent: "interest", shareIdentity: "nej", message: "" }, cookie), { id: String(opening.id) })).status,
    ).toBeLessThan(400);
    await closeOpening(db, opening.id, company.id);
    const interest = await db.selectFrom("interests").select("id").where("userId", "=", user.id).executeTakeFirstOrThrow();
    const reply = await run(
      openingPage.action,
      post(`/opslag/${opening.id}`, { intent: "reply", interestId: String(interest.id), message: "Vil du stadig tale med os?" }, await sessionCookie(karin.id)),
      { id: String(opening.id) },
    );
    expect(reply.status).toBe(302);
    const request = await db.selectFrom("contactRequests").select("openingId").where("profileUserId", "=", user.id).executeTakeFirstOrThrow();
    expect(request.openingId).toBe(opening.id);
  });

  it("an approved profile and a returned one are notices on the platform too, with the way back to the profile", async () => {
    const staff = await createUser(db, { role: "staff" });
    const staffCookie = await sessionCookie(staff.id);
    const { user: anna } = await createFlexjobberWithProfile(db, {}, { status: "pending" });
    const { user: bo } = await createFlexjobberWithProfile(db, {}, { status: "pending" });
    const review = (userId: string, fields: Record<string, string>) => run(citizenPage.action, post(`/borgere/${userId}`, { userId, ...fields }, staffCookie), { id: userId });
    expect((await review(anna.id, { intent: "approve" })).status).toBe(302);
    expect((await review(bo.id, { intent: "return", reason: "Skriv lidt mere om dine opgaver." })).status).toBe(302);
    expect(await notificationsPageData(anna.id)).toMatchObject([{ kind: "profile_reviewed", title: "Din profil er godkendt. Virksomhederne kan nu finde den", link: "/profil" }]);
    expect(await notificationsPageData(bo.id)).toMatchObject([{ kind: "profile_reviewed", title: "Jobcentret har sendt din profil tilbage med en bemærkning", link: "/profil" }]);
  });
});
