import fs from "node:fs";

import { sql } from "kysely";
import { describe, expect, it } from "vitest";

import { saveSearch } from "~/alerts/saved-searches.server";
import { requestEmailChange } from "~/auth/account.server";
import { requestPasswordReset } from "~/auth/password-reset.server";
import { recordEmploymentStatus } from "~/employment/employment.server";
import { threadForAcceptedRequest } from "~/messages/threads.server";
import { expressInterest } from "~/openings/interests.server";
import { answeredWorkDone } from "~/ops/after-answer.server";
import { runRetention } from "~/privacy/retention.server";
import { answerContactRequest, sendContactRequest } from "~/profiles/contact.server";
import * as thread from "~/routes/beskeder_.$id";
import * as newThread from "~/routes/beskeder_.ny";
import * as citizenPage from "~/routes/borgere_.$id";
import * as candidate from "~/routes/kandidater_.$alias";
import * as colleagues from "~/routes/kolleger";
import * as login from "~/routes/login";
import * as myData from "~/routes/mine-data";
import * as myDataJson from "~/routes/mine-data[.]json";
import { recordActivityDays } from "~/stats/activity.server";
import { loadDashboard } from "~/stats/dashboard.server";
import { addDays } from "~/utils/dates";

import { db } from "../db/client.server";
import { portableSql } from "../db/portable";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";
import { sentEmails } from "./mocks/email-api";

// The citizen's data rights (GDPR art. 15, 17, 20, 7(3)) and retention.

const PAST = new Date("2026-03-02T10:00:00Z");

/** A citizen with a history: profile with free text, a request, an interest, statuses, login days, a company view. */
async function citizenWithHistory(tag: string) {
  const secrets = {
    name: `Birte ${tag}sen Hemmeligsen`,
    email: `birte.${tag.toLowerCase()}@hemmelig.example`,
    phone: `+45 61 ${tag.length}2 33 44`,
    headline: `Overskrift ${tag} Qwertyzx`,
    summary: `Om mig ${tag} Plimsoll Fnord`,
    experience: `Erfaring ${tag} Zanzibarlager`,
    employer: `Arbejdsgiver ${tag} Quokka ApS`,
    competence: `Kompetence ${tag} Xylofonstemning`,
    accommodation: `Skånebehov ${tag} Mørkt lokale Vrøvl`,
    interestMessage: `Interessebesked ${tag} Kaffekande`,
  };
  const { user, profile } = await createFlexjobberWithProfile(
    db,
    { name: secrets.name, email: secrets.email, phone: secrets.phone, createdAt: "2025-06-01T10:00:00Z" },
    {
      headline: secrets.headline,
      summary: secrets.summary,
      competences: ["Lagerarbejde", secrets.competence],
      experiences: [{ title: secrets.experience, employer: secrets.employer, years: 3 }],
      healthConsent: true,
      accommodations: [{ label: secrets.accommodation, visible: true }],
    },
  );
  const staff = await createUser(db, { role: "staff" });
  await recordEmploymentStatus(db, { userId: user.id, status: "ledig", fromDate: "2025-06-01", source: "staff", recordedBy: staff.id });
  await recordEmploymentStatus(db, { userId: user.id, status: "i_fleksjob", fromDate: "2026-04-01", source: "staff", recordedBy: staff.id });
  const days: { userId: string; day: string }[] = [];
  for (let d = "2026-02-01"; d <= "2026-10-31"; d = addDays(d, 3)) days.push({ userId: user.id, day: d });
  await recordActivityDays(db, days);

  const company = await createCompany(db, { name: `Kigger ${tag} ApS` });
  const companyUser = await createUser(db, { role: "company", companyId: company.id });
  await run(candidate.loader, get(`/kandidater/${encodeURIComponent(profile.alias)}`, await sessionCookie(companyUser.id)), { alias: profile.alias });
  const sent = await sendContactRequest(db, { companyId: company.id, sentBy: companyUser.id, alias: profile.alias, message: `Hej ${secrets.name}, vil du tale med os?` }, PAST);
  if (sent === "not_found" || sent.kind !== "sent") throw new Error("not sent");
  await answerContactRequest(db, { userId: user.id, requestId: sent.requestId, answer: "accepted" }, PAST);
  const opening = await createOpening(db, company.id, {});
  await expressInterest(db, { userId: user.id, openingId: opening.id, message: secrets.interestMessage, shareIdentity: true });
  return { user, profile, secrets, company, companyUser };
}

/** Every table and column (full-text shadow tables too) where this text occurs. */
async function findEverywhere(text: string): Promise<string[]> {
  const tables = await db.introspection.getTables();
  const found: string[] = [];
  for (const { name, columns } of tables) {
    for (const column of columns) {
      const within = portableSql(db).position(sql`lower(cast(${sql.ref(column.name)} as text))`, sql`lower(${text})`);
      const hits = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)} where ${within} > 0`.execute(db);
      if (Number(hits.rows[0]?.n) > 0) found.push(`${name}.${column.name}`);
    }
  }
  return found;
}

const pastDashboard = () => loadDashboard(db, { reference: "2026-10-31", from: "2026-01-01", to: "2026-10-31", baseline: "2026-01" }, new Date("2026-11-29T12:00:00Z"));

describe("Hent mine data", () => {
  it("downloads everything about me as JSON: profile, a contact request with the company, and who viewed the profile", async () => {
    const { user, secrets, company } = await citizenWithHistory("Export");
    const res = await run(myDataJson.loader, get("/mine-data.json", await sessionCookie(user.id)));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    expect(res.headers.get("Content-Disposition")).toMatch(/attachment; filename="mine-data-\d{4}-\d{2}-\d{2}\.json"/);
    const data = JSON.parse(await res.text());
    expect(data.account).toMatchObject({ name: secrets.name, email: secrets.email, phone: secrets.phone });
    expect(data.profile).toMatchObject({ headline: secrets.headline, summary: secrets.summary });
    expect(data.profile.accommodations).toEqual([{ label: secrets.accommodation, visibleToCompanies: true }]);
    expect(data.contactRequests).toEqual([expect.objectContaining({ company: company.name, status: "accepted" })]);
    expect(data.companiesThatViewedMyProfile).toEqual([expect.objectContaining({ company: company.name })]);
    expect(data.interests[0]).toMatchObject({ message: secrets.interestMessage, identityShared: true });
    expect(data.consents.map((c: { purpose: string }) => c.purpose)).toEqual(expect.arrayContaining(["health_data", "profile_sharing"]));
    expect(data.employmentStatusHistory).toHaveLength(2);
    expect(data.loginDays.length).toBeGreaterThan(10);
    // Only my own: another person's data is not in it.
    expect(JSON.stringify(data)).not.toContain("Hemmeligsen-anden");
  });
});

describe("Træk samtykke tilbage", () => {
  it("withdrawing the health consent deletes the skånebehov at once", async () => {
    const { user, secrets } = await citizenWithHistory("Samtykke");
    const res = await run(myData.action, post("/mine-data", { intent: "withdraw-health" }, await sessionCookie(user.id)));
    expect(res.status).toBe(302);
    expect(await findEverywhere(secrets.accommodation)).toEqual([]);
  });
});

describe("Slet min konto", () => {
  it("erases name, email, phone and every free text everywhere, signs out, and leaves past statistics unchanged", async () => {
    const { user, secrets } = await citizenWithHistory("Slet");
    for (const value of Object.values(secrets)) expect(await findEverywhere(value)).not.toEqual([]);
    const before = JSON.stringify(await pastDashboard());

    const cookie = await sessionCookie(user.id);
    const refused = await run(myData.action, post("/mine-data", { intent: "delete-account" }, cookie));
    expect(refused.status).toBe(400);
    expect(await findEverywhere(secrets.email)).not.toEqual([]);

    const res = await run(myData.action, post("/mine-data", { intent: "delete-account", confirm: "on" }, cookie));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login?besked=konto-slettet");
    expect(res.headers.get("Set-Cookie")).toMatch(/refleks_session=;/);

    for (const value of Object.values(secrets)) expect(await findEverywhere(value), value).toEqual([]);
    expect(await findEverywhere("Birte Slet")).toEqual([]);
    expect(JSON.stringify(await pastDashboard())).toBe(before);
    // Kept by law, under the random id: the status history.
    expect(await db.selectFrom("employmentStatuses").select("status").where("userId", "=", user.id).execute()).toHaveLength(2);

    expect((await run(myData.loader, get("/mine-data", cookie))).status).toBe(302);
    const again = await run(login.action, post("/login", { email: secrets.email, password: user.password }));
    expect(again.status).toBe(401);
  });

  it("staff erase a citizen who asks at the jobcenter, and it is written in the audit log", async () => {
    const { user, secrets } = await citizenWithHistory("Staff");
    const staff = await createUser(db, { role: "staff" });
    const res = await run(citizenPage.action, post(`/borgere/${user.id}`, { intent: "delete-account", confirm: "on" }, await sessionCookie(staff.id)), { id: user.id });
    expect(res.status).toBe(302);
    expect(await findEverywhere(secrets.name)).toEqual([]);
    const audit = await db.selectFrom("auditLog").selectAll().where("subjectUserId", "=", user.id).where("action", "=", "account_erased").execute();
    expect(audit).toEqual([expect.objectContaining({ actorId: staff.id })]);
    expect((await run(citizenPage.loader, get(`/borgere/${user.id}`, await sessionCookie(staff.id)), { id: user.id })).status).toBe(404);
  });

  it("a company admin removes a colleague, and a company user deletes their own account", async () => {
    const company = await createCompany(db);
    const admin = await createUser(db, { role: "company", companyId: company.id, isCompanyAdmin: 1 });
    const colleague = await createUser(db, { role: "company", companyId: company.id, name: "Kollega Fjernesen", email: "kollega.fjernesen@firma.example" });
    const adminCookie = await sessionCookie(admin.id);
    const page = (await (await run(colleagues.loader, get(`/kolleger?fjern=${colleague.id}`, adminCookie))).json()) as { toRemove: { name: string } | null };
    expect(page.toRemove?.name).toBe("Kollega Fjernesen");
    const removed = await run(colleagues.action, post("/kolleger", { intent: "remove", userId: colleague.id, confirm: "on" }, adminCookie));
    expect(removed.status).toBe(302);
    expect(await findEverywhere("kollega.fjernesen@firma.example")).toEqual([]);

    // Another company's admin cannot remove this admin.
    const other = await createUser(db, { role: "company", companyId: (await createCompany(db)).id, isCompanyAdmin: 1 });
    const foreign = await run(colleagues.action, post("/kolleger", { intent: "remove", userId: admin.id, confirm: "on" }, await sessionCookie(other.id)));
    expect(foreign.status).toBe(404);

    const own = await run(myData.action, post("/mine-data", { intent: "delete-account", confirm: "on" }, adminCookie));
    expect(own.status).toBe(302);
    expect(await findEverywhere(admin.email)).toEqual([]);
  });
});

describe("Slet min konto reaches every table", () => {
  it("a citizen who wrote a subject, reported, changed email, saved a search, asked for a reset, failed a login and blocked a company leaves nothing of hers behind, and the block holds", async () => {
    const { user, secrets, company, companyUser } = await citizenWithHistory("Overalt");
    const more = {
      subject: "Emne Overalt Trompetfisk",
      threadBody: "Tråd Overalt Gummistøvle",
      reportReason: "Anmeldelse Overalt Kamelhår",
      newEmail: "ny.overalt@andet.example",
      savedSearch: "Søgning Overalt Pindsvin",
    };
    const cookie = await sessionCookie(user.id);
    const staff = await createUser(db, { role: "staff" });
    await db.updateTable("users").set({ consultantId: staff.id }).where("id", "=", user.id).execute();

    // A subject she wrote, which staff are notified of.
    const started = await run(newThread.action, post("/beskeder/ny", { subject: more.subject, body: more.threadBody }, cookie));
    expect(started.status).toBe(302);
    // A conversation with the company: it writes her name; she reports it and blocks the company.
    const request = await db.selectFrom("contactRequests").select("id").where("profileUserId", "=", user.id).executeTakeFirstOrThrow();
    const threadId = await threadForAcceptedRequest(db, request.id);
    const companyCookie = await sessionCookie(companyUser.id);
    expect((await run(thread.action, post(`/beskeder/${threadId}`, { intent: "message", body: `Kære ${secrets.name}` }, companyCookie), { id: String(threadId) })).status).toBe(
      302,
    );
    const theirs = await db
      .selectFrom("messages")
      .select("id")
      .where("threadId", "=", threadId)
      .where("authorId", "=", companyUser.id)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(
      (await run(thread.action, post(`/beskeder/${threadId}`, { intent: "report", messageId: String(theirs.id), reason: more.reportReason }, cookie), { id: String(threadId) }))
        .status,
    ).toBe(302);
    expect((await run(thread.action, post(`/beskeder/${threadId}`, { intent: "block" }, cookie), { id: String(threadId) })).status).toBe(302);
    // A new email waiting for confirmation, a saved search, a reset link, a failed login.
    expect(await requestEmailChange(db, user.id, more.newEmail, user.password)).toBe("sent");
    await answeredWorkDone();
    expect(await saveSearch(db, { userId: user.id, kind: "jobs", name: more.savedSearch, query: "q=lager" })).toBe("saved");
    await requestPasswordReset(db, secrets.email);
    expect((await run(login.action, post("/login", { email: secrets.email, password: "forkert forkert" }))).status).toBe(401);

    const all = { ...secrets, ...more };
    for (const [what, value] of Object.entries(all)) expect(await findEverywhere(value), what).not.toEqual([]);

    expect((await run(myData.action, post("/mine-data", { intent: "delete-account", confirm: "on" }, cookie))).status).toBe(302);

    for (const [what, value] of Object.entries(all)) expect(await findEverywhere(value), what).toEqual([]);
    // Nor in the SQLite file and its write-ahead log (PostgreSQL has no file of ours to read).
    if (!process.env.DATABASE_URL?.startsWith("postgres")) {
      const file = process.env.DATABASE_PATH!;
      const bytes = [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString("utf8").toLowerCase());
      for (const [what, value] of Object.entries(all)) {
        expect(
          bytes.some((b) => b.includes(value.toLowerCase())),
          `${what} in the database file`,
        ).toBe(false);
      }
    }
    // The blocked company cannot open the thread again, nor write in it.
    const opened = await run(thread.loader, get(`/beskeder/${threadId}`, companyCookie), { id: String(threadId) });
    expect([403, 404]).toContain(opened.status);
    const written = await run(thread.action, post(`/beskeder/${threadId}`, { intent: "message", body: "Er du der?" }, companyCookie), { id: String(threadId) });
    expect([403, 404]).toContain(written.status);
    expect(await db.selectFrom("companyBlocks").select("companyId").where("userId", "=", user.id).execute()).toEqual([{ companyId: company.id }]);
  });
});

describe("npm run retention", () => {
  it("warns an account unused for 24 months, erases it 30 days later, and keeps one that was used in between", async () => {
    const old = "2023-01-01T10:00:00Z";
    const sleeper = await createUser(db, { role: "flexjobber", createdAt: old, email: "sover@example.dk" });
    const waker = await createUser(db, { role: "flexjobber", createdAt: old, email: "vaagner@example.dk" });
    const recent = await createUser(db, { role: "flexjobber", createdAt: old, email: "bruger.den@example.dk" });
    const admin = await createUser(db, { role: "admin", createdAt: old });
    await recordActivityDays(db, [{ userId: recent.id, day: "2025-06-01" }]);
    const day0 = new Date("2026-01-10T08:00:00Z");

    const first = await runRetention(db, { months: 24, now: day0 });
    expect(first.warned).toBeGreaterThanOrEqual(2);
    expect(sentEmails.filter((m) => m.to === "sover@example.dk")).toHaveLength(1);
    expect(sentEmails.some((m) => m.to === "bruger.den@example.dk")).toBe(false);
    // Running again the same day warns no one twice.
    await runRetention(db, { months: 24, now: day0 });
    expect(sentEmails.filter((m) => m.to === "sover@example.dk")).toHaveLength(1);

    await recordActivityDays(db, [{ userId: waker.id, day: "2026-01-20" }]);
    const later = await runRetention(db, { months: 24, now: new Date("2026-02-10T08:00:00Z") });
    expect(later.erased).toBeGreaterThanOrEqual(1);
    const status = async (id: string) => (await db.selectFrom("users").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
    expect(await status(sleeper.id)).toBe("erased");
    expect(await status(waker.id)).toBe("active");
    expect(await status(recent.id)).toBe("active");
    expect(await status(admin.id)).toBe("active");
    expect(await findEverywhere("sover@example.dk")).toEqual([]);
  });
});
