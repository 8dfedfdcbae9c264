import { describe, expect, it } from "vitest";

import { createInvitation } from "~/auth/invitations.server";
import { type LoadedWorklist, loadWorklist, worklistCounts } from "~/follow-up/worklist.server";
import { expressInterest } from "~/openings/interests.server";
import { createContactRequest } from "~/profiles/contact.server";
import * as root from "~/root";
import * as threadPage from "~/routes/beskeder_.$id";
import * as writePage from "~/routes/beskeder_.skriv";
import * as citizenPage from "~/routes/borgere_.$id";
import * as settingsPage from "~/routes/indstillinger";
import * as followUpPage from "~/routes/opfoelgning";
import { recordActivityDays } from "~/stats/activity.server";
import { addDays, localDate } from "~/utils/dates";

import { db } from "../db/client.server";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";

// "Opfølgning", each list at its threshold (a day either side).

const NOW = new Date();
const TODAY = localDate(NOW);
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();
const names = (w: LoadedWorklist, key: keyof LoadedWorklist) => w[key].rows.map((r) => r.who).sort();

describe("Opfølgning", () => {
  it("puts each row on its list at the threshold, by consultant ('Mine') or for all; a follow-up hides a row for 14 days and writes the history", async () => {
    const me = await createUser(db, { role: "staff", name: "Mette Mig" });
    const other = await createUser(db, { role: "staff", name: "Ole Anden" });
    const citizen = async (name: string, consultantId = me.id, createdAt = daysAgo(100)) => (await createFlexjobberWithProfile(db, { name, consultantId, createdAt })).user;

    // Logins (ActivityDay, as Statistik counts them): 13, 15 and 30 days ago.
    const a = await citizen("A 13 dage");
    const b = await citizen("B 15 dage");
    const c = await citizen("C 30 dage");
    const d = await citizen("D 15 dage, anden rådgiver", other.id);
    await recordActivityDays(db, [
      { userId: a.id, day: addDays(TODAY, -13) },
      { userId: b.id, day: addDays(TODAY, -15) },
      { userId: c.id, day: addDays(TODAY, -30) },
      { userId: d.id, day: addDays(TODAY, -15) },
    ]);
    // The newest day counts, whatever order the days arrive in (the trigger on users.last_active_day keeps the max).
    const f = await citizen("F i går");
    await recordActivityDays(db, [{ userId: f.id, day: addDays(TODAY, -1) }]);
    await recordActivityDays(db, [{ userId: f.id, day: addDays(TODAY, -40) }]);
    // Never logged in since the profile came up 15 days ago (made with staff at a meeting): quiet since then.
    const e = await citizen("E aldrig logget ind");
    await db
      .updateTable("profiles")
      .set({ firstPublishedAt: daysAgo(15) })
      .where("userId", "=", e.id)
      .execute();
    // Invitations sent 6 and 8 days ago to registered citizens.
    for (const [name, days] of [
      ["Inv 6 dage", 6],
      ["Inv 8 dage", 8],
    ] as const) {
      const email = `${name.replace(/\W/g, "").toLowerCase()}@example.dk`;
      await createUser(db, { role: "flexjobber", name, email, status: "registered", consultantId: me.id });
      await createInvitation(db, { email, name, role: "flexjobber", invitedBy: me.id, consultantId: me.id }, new Date(daysAgo(days)));
    }
    // Accounts 13 and 15 days old without a profile.
    await createUser(db, { role: "flexjobber", name: "Konto 13 dage", consultantId: me.id, createdAt: daysAgo(13) });
    await createUser(db, { role: "flexjobber", name: "Konto 15 dage", consultantId: me.id, createdAt: daysAgo(15) });
    // Profiles sent back 6 and 8 days ago.
    for (const [name, days] of [
      ["Retur 6 dage", 6],
      ["Retur 8 dage", 8],
    ] as const) {
      const user = await citizen(name);
      await recordActivityDays(db, [{ userId: user.id, day: TODAY }]);
      await db
        .updateTable("profiles")
        .set({ status: "returned", returnReason: "Skriv mere", returnedAt: daysAgo(days) })
        .where("userId", "=", user.id)
        .execute();
    }
    // Contact requests and interests 6 and 8 days old.
    const company = await createCompany(db, { name: "Kantinen ApS", decidedAt: daysAgo(10) });
    const companyUser = await createUser(db, { role: "company", companyId: company.id });
    const opening = await createOpening(db, company.id, { title: "Køkkenhjælp" });
    for (const [name, days] of [
      ["Fsp 6 dage", 6],
      ["Fsp 8 dage", 8],
    ] as const) {
      const user = await citizen(name);
      await recordActivityDays(db, [{ userId: user.id, day: TODAY }]);
      await createContactRequest(db, { companyId: company.id, sentBy: companyUser.id, profileUserId: user.id, message: "Hej" }, new Date(daysAgo(days)));
    }
    for (const [name, days] of [
      ["Int 6 dage", 6],
      ["Int 8 dage", 8],
    ] as const) {
      const user = await citizen(name);
      await recordActivityDays(db, [{ userId: user.id, day: TODAY }]);
      await expressInterest(db, { userId: user.id, openingId: opening.id, shareIdentity: false });
      await db
        .updateTable("interests")
        .set({ createdAt: daysAgo(days) })
        .where("userId", "=", user.id)
        .execute();
    }
    // Openings published 13 and 15 days ago with no one interested; companies approved 59 and 61 days ago with no opening.
    const quiet = await createCompany(db, { name: "Stille ApS", decidedAt: daysAgo(100) });
    for (const [title, days] of [
      ["Opslag 13 dage", 13],
      ["Opslag 15 dage", 15],
    ] as const) {
      const o = await createOpening(db, quiet.id, { title });
      await db
        .updateTable("openings")
        .set({ publishedAt: daysAgo(days), createdAt: daysAgo(days) })
        .where("id", "=", o.id)
        .execute();
    }
    await createCompany(db, { name: "Ny 59 dage ApS", decidedAt: daysAgo(59) });
    await createCompany(db, { name: "Tavs 61 dage ApS", decidedAt: daysAgo(61) });

    const mine = await loadWorklist(db, { staffId: me.id, mine: true }, NOW);
    expect(names(mine, "quiet")).toEqual(["B 15 dage", "E aldrig logget ind"]);
    expect(mine.quiet.rows.find((r) => r.who === "E aldrig logget ind")!.what).toBe("Har ikke logget ind, siden profilen kom op");
    expect(names(mine, "quietLong")).toEqual(["C 30 dage"]);
    expect(names(mine, "invitations")).toEqual(["Inv 8 dage"]);
    expect(names(mine, "unpublished")).toEqual(["Konto 15 dage"]);
    expect(names(mine, "returned")).toEqual(["Retur 8 dage"]);
    expect(names(mine, "requests")).toEqual(["Fsp 8 dage"]);
    expect(names(mine, "interests")).toEqual(["Int 8 dage"]);
    expect(mine.interests.rows[0]!.what).toContain("Kantinen ApS");
    expect(mine.interests.rows[0]!.what).toContain("Køkkenhjælp");
    expect(names(mine, "openings")).toEqual(["Stille ApS"]);
    expect(mine.openings.rows[0]!.what).toContain("Opslag 15 dage");
    expect(names(mine, "companies")).toEqual(["Tavs 61 dage ApS"]);
    // "Alle" has the other consultant's citizen too.
    const all = await loadWorklist(db, { staffId: me.id, mine: false }, NOW);
    expect(names(all, "quiet")).toEqual(["B 15 dage", "D 15 dage, anden rådgiver", "E aldrig logget ind"]);

    // Through the page: the default is Mine; mark B as followed up with a note.
    const cookie = await sessionCookie(me.id);
    const page = (await (await run(followUpPage.loader, get("/opfoelgning", cookie))).json()) as { mine: boolean; lists: LoadedWorklist };
    expect(page.mine).toBe(true);
    expect(names(page.lists, "quiet")).toEqual(["B 15 dage", "E aldrig logget ind"]);
    // The menu badge on every page counts the rows of Mine.
    const badge = async () => ((await (await run(root.loader, get("/borgere", cookie))).json()) as { followUps: number }).followUps;
    const before = worklistCounts(page.lists).total;
    expect(before).toBeGreaterThan(5);
    expect(await badge()).toBe(before);
    const marked = await run(followUpPage.action, post("/opfoelgning", { kind: "quiet", subject: b.id, note: "Ringede, hun har det svært for tiden" }, cookie));
    expect(marked.status).toBe(302);
    expect(names(await loadWorklist(db, { staffId: me.id, mine: true }, NOW), "quiet")).toEqual(["E aldrig logget ind"]);
    expect(await badge()).toBe(before - 1);
    // Back after 14 days, if nothing changed.
    const later = new Date(NOW.getTime() + 15 * 86_400_000);
    expect((await loadWorklist(db, { staffId: me.id, mine: true }, later)).quietLong.rows.map((r) => r.who)).toContain("B 15 dage");
    // Written to the audit log, and her page shows the history.
    const audit = await db.selectFrom("auditLog").select(["actorId", "action"]).where("subjectUserId", "=", b.id).where("action", "=", "followed_up").execute();
    expect(audit).toEqual([{ actorId: me.id, action: "followed_up" }]);
    const her = (await (await run(citizenPage.loader, get(`/borgere/${b.id}`, cookie), { id: b.id })).json()) as { followUps: { note: string; staffName: string }[] };
    expect(her.followUps).toEqual([expect.objectContaining({ note: "Ringede, hun har det svært for tiden", staffName: "Mette Mig" })]);

    // "Skriv" from B's row: the template, then her conversation with her consultant (the same one the next time).
    const write = mine.quiet.rows[0]!.write!;
    const form = (await (await run(writePage.loader, get(write, cookie))).json()) as { template: { subject: string; body: string } };
    expect(form.template).toEqual({ subject: "Hvordan går det?", body: expect.stringMatching(/^Hej B\. Vi har ikke set dig/) });
    const sent = await run(writePage.action, post("/beskeder/skriv", { til: b.id, subject: form.template.subject, body: form.template.body }, cookie));
    expect(sent.status).toBe(302);
    const threadId = Number(sent.headers.get("Location")!.match(/\/beskeder\/(\d+)/)![1]);
    const hers = await run(threadPage.loader, get(`/beskeder/${threadId}`, await sessionCookie(b.id)), { id: String(threadId) });
    expect(hers.status).toBe(200);
    const again = await run(writePage.action, post("/beskeder/skriv", { til: b.id, subject: "Igen", body: "Hej igen." }, cookie));
    expect(again.headers.get("Location")).toBe(sent.headers.get("Location"));
    // To a company: a jobcenter thread its users read.
    const toCompany = await run(writePage.action, post("/beskeder/skriv", { virksomhed: String(quiet.id), subject: "Jeres opslag", body: "Skal vi hjælpe?" }, cookie));
    const companyThread = Number(toCompany.headers.get("Location")!.match(/\/beskeder\/(\d+)/)![1]);
    const quietUser = await createUser(db, { role: "company", companyId: quiet.id });
    expect((await run(threadPage.loader, get(`/beskeder/${companyThread}`, await sessionCookie(quietUser.id)), { id: String(companyThread) })).status).toBe(200);
    // Nobody else writes this way; an unknown citizen is a 404.
    expect((await run(writePage.loader, get(write, await sessionCookie(b.id)))).status).toBe(403);
    expect((await run(writePage.loader, get("/beskeder/skriv?til=findes-ikke", cookie))).status).toBe(404);
    expect((await run(writePage.action, post("/beskeder/skriv", { til: "findes-ikke", subject: "Hej", body: "Hej" }, cookie))).status).toBe(404);

    // A made-up row is refused in Danish; the page is closed to citizens and companies.
    expect((await run(followUpPage.action, post("/opfoelgning", { kind: "quiet", subject: "findes-ikke" }, cookie))).status).toBe(404);
    expect((await run(followUpPage.action, post("/opfoelgning", { kind: "noget", subject: b.id }, cookie))).status).toBe(400);
    expect((await run(followUpPage.loader, get("/opfoelgning", await sessionCookie(b.id)))).status).toBe(403);
    expect((await run(followUpPage.loader, get("/opfoelgning", await sessionCookie(companyUser.id)))).status).toBe(403);
  });

  it("an admin sets the thresholds under Indstillinger; a bad number gets a Danish message and changes nothing", async () => {
    const admin = await createUser(db, { role: "admin" });
    const cookie = await sessionCookie(admin.id);
    const { user } = await createFlexjobberWithProfile(db, { name: "Ella Elleve dage", consultantId: admin.id, createdAt: daysAgo(100) });
    await recordActivityDays(db, [{ userId: user.id, day: addDays(TODAY, -11) }]);
    const quietNames = async () => (await loadWorklist(db, { staffId: admin.id, mine: true }, NOW)).quiet.rows.map((r) => r.who);
    expect(await quietNames()).toEqual([]);
    const form = {
      intent: "follow-up",
      quiet: "10",
      quietLong: "28",
      invitation: "7",
      unpublished: "14",
      returned: "7",
      unansweredRequest: "7",
      unansweredInterest: "7",
      quietOpening: "14",
      quietCompany: "60",
    };
    const bad = await run(settingsPage.action, post("/indstillinger", { ...form, quiet: "0" }, cookie));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: { quiet: "Skriv mindst 1 dag." } });
    expect(await quietNames()).toEqual([]);
    expect((await run(settingsPage.action, post("/indstillinger", form, cookie))).status).toBe(302);
    expect(await quietNames()).toEqual(["Ella Elleve dage"]);
    const page = (await (await run(followUpPage.loader, get("/opfoelgning", cookie))).json()) as { days: { quiet: number } };
    expect(page.days.quiet).toBe(10);
  });
});
