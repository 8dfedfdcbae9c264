import { describe, expect, it } from "vitest";

import { createInvitation } from "~/auth/invitations.server";
import { recordLoginEvent } from "~/auth/login.server";
import { recordEmploymentStatus } from "~/employment/employment.server";
import { createEvent, signUp } from "~/events/events.server";
import * as eventPage from "~/routes/arrangementer_.$id";
import * as citizens from "~/routes/borgere";
import * as auditPage from "~/routes/logbog";
import * as openingsPage from "~/routes/opslag";
import * as companiesPage from "~/routes/virksomheder";

import { db } from "../db/client.server";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { get, run, sessionCookie } from "./http";

// "Borgere" searched, filtered and paged in the address, at any size.

type Page = { citizens: { rows: { id: string; name: string; email: string }[]; total: number; page: number; pages: number }; errors: Record<string, string> };

describe("Borgere: search, filters and pages", () => {
  it("finds a name by a part, pages 50 at a time with a true total, and filters by consultant, account, profile, status and last login", async () => {
    const me = await createUser(db, { role: "staff", name: "Mette Mig" });
    const other = await createUser(db, { role: "staff", name: "Ole Anden" });
    const cookie = await sessionCookie(me.id);
    // 120 citizens named so the name order is the number order.
    // Inserted directly: 120 password hashes would take most of the test's time.
    const made = Array.from({ length: 120 }, (_, i) => `borger-${i}-${Math.random().toString(36).slice(2, 8)}`);
    await db
      .insertInto("users")
      .values(
        made.map((id, i) => {
          const n = String(i).padStart(3, "0");
          return {
            id,
            email: `borger${n}@example.dk`,
            name: `Borger ${n}`,
            phone: i === 7 ? "+45 22 33 44 55" : null,
            role: "flexjobber" as const,
            passwordHash: "",
            status: i === 9 ? ("suspended" as const) : ("active" as const),
            companyId: null,
            isCompanyAdmin: 0,
            consultantId: i < 30 ? me.id : i < 40 ? other.id : null,
            createdAt: "2026-01-01T10:00:00Z",
            retentionWarnedAt: null,
            erasedAt: null,
          };
        }),
      )
      .execute();
    const { user: withProfile } = await createFlexjobberWithProfile(db, { name: "Æble Profilsen", email: "aeble@example.dk", consultantId: me.id });
    await recordEmploymentStatus(db, { userId: made[3]!, status: "i_fleksjob", fromDate: "2026-01-01", source: "staff", recordedBy: me.id });
    await recordLoginEvent(db, { email: "borger001@example.dk", userId: made[1]!, succeeded: true, method: "password" });
    await createUser(db, { role: "flexjobber", name: "Ingrid Inviteret", email: "ingrid@example.dk", status: "registered" });
    await createInvitation(db, { email: "ingrid@example.dk", name: "Ingrid Inviteret", role: "flexjobber", invitedBy: me.id });

    const list = async (q: string) => {
      const res = await run(citizens.loader, get(`/borgere${q}`, cookie));
      return { status: res.status, ...((await res.json()) as Page) };
    };

    const first = await list("");
    expect(first.citizens.total).toBe(122);
    expect(first.citizens.pages).toBe(3);
    expect(first.citizens.rows).toHaveLength(50);
    const second = await list("?side=2");
    expect(second.citizens.rows.map((r) => r.name)).toEqual(Array.from({ length: 50 }, (_, i) => `Borger ${String(50 + i).padStart(3, "0")}`));

    expect((await list("?q=ger%2007")).citizens.rows.map((r) => r.name)).toEqual([
      "Borger 070",
      "Borger 071",
      "Borger 072",
      "Borger 073",
      "Borger 074",
      "Borger 075",
      "Borger 076",
      "Borger 077",
      "Borger 078",
      "Borger 079",
    ]);
    expect((await list("?q=22334455")).citizens.rows.map((r) => r.name)).toEqual(["Borger 007"]);
    expect((await list("?q=AEBLE%40")).citizens.rows.map((r) => r.name)).toEqual(["Æble Profilsen"]);
    // "%" is a character to search for, not a wildcard.
    expect((await list("?q=%25")).citizens.total).toBe(0);

    expect((await list("?raadgiver=mine")).citizens.total).toBe(31);
    expect((await list(`?raadgiver=${other.id}`)).citizens.total).toBe(10);
    expect((await list("?raadgiver=ingen")).citizens.total).toBe(81);
    expect((await list("?konto=suspended")).citizens.rows.map((r) => r.name)).toEqual(["Borger 009"]);
    expect((await list("?konto=invited")).citizens.rows.map((r) => r.name)).toEqual(["Ingrid Inviteret"]);
    expect((await list("?profil=approved")).citizens.rows.map((r) => r.id)).toEqual([withProfile.id]);
    expect((await list("?profil=ingen")).citizens.total).toBe(121);
    expect((await list("?status=i_fleksjob")).citizens.rows.map((r) => r.name)).toEqual(["Borger 003"]);
    // Not logged in for 28 days: everyone but the one who logged in today.
    expect((await list("?inaktiv=28")).citizens.total).toBe(121);
    // Sorted by last login, oldest (never) first: the one who logged in comes last.
    const byLogin = await list("?sortering=login&side=3");
    expect(byLogin.citizens.rows.at(-1)!.name).toBe("Borger 001");
    // Filters combine.
    expect((await list("?raadgiver=mine&q=Borger%2002")).citizens.total).toBe(10);

    // A bad filter: a Danish message and the unfiltered list, not a 500.
    const bad = await list("?konto=hemmelig&inaktiv=3");
    expect(bad.status).toBe(400);
    expect(bad.errors).toMatchObject({ konto: "Vælg en kontotilstand fra listen.", inaktiv: "Vælg et antal dage fra listen." });
    expect(bad.citizens.total).toBe(122);
  });

  it("Virksomheder: found by name or CVR, filtered by access, 50 a page with the true total", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    for (let i = 0; i < 60; i++) {
      await createCompany(db, { name: `Firma ${String(i).padStart(2, "0")} ApS`, cvr: String(40000000 + i), status: i === 5 ? "suspended" : i === 6 ? "rejected" : "approved" });
    }
    const list = async (q: string) => {
      const res = await run(companiesPage.loader, get(`/virksomheder${q}`, cookie));
      return { status: res.status, ...((await res.json()) as { companies: { rows: { name: string }[]; total: number; pages: number }; errors: Record<string, string> }) };
    };
    const first = await list("");
    expect(first.companies).toMatchObject({ total: 59, pages: 2 });
    expect(first.companies.rows).toHaveLength(50);
    expect((await list("?side=2")).companies.rows).toHaveLength(9);
    expect((await list("?q=firma%2012")).companies.rows.map((r) => r.name)).toEqual(["Firma 12 ApS"]);
    expect((await list("?q=40000013")).companies.rows.map((r) => r.name)).toEqual(["Firma 13 ApS"]);
    expect((await list("?adgang=suspended")).companies.rows.map((r) => r.name)).toEqual(["Firma 05 ApS"]);
    expect((await list("?adgang=rejected")).companies.rows.map((r) => r.name)).toEqual(["Firma 06 ApS"]);
    const bad = await list("?adgang=alle");
    expect(bad.status).toBe(400);
    expect(bad.errors.adgang).toBe("Vælg en adgang fra listen.");
  });

  it("Logbog, Indberetninger, E-mails, a company's Opslag and an event's participants page the same way: 50 a page, the true total", async () => {
    const admin = await createUser(db, { role: "admin" });
    const cookie = await sessionCookie(admin.id);
    await db
      .insertInto("auditLog")
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          actorId: admin.id,
          action: "profile_viewed_by_staff" as const,
          subjectUserId: admin.id,
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
        })),
      )
      .execute();
    const log = async (q: string) =>
      ((await (await run(auditPage.loader, get(`/logbog${q}`, cookie))).json()) as { entries: { rows: unknown[]; total: number; page: number; pages: number } }).entries;
    expect(await log("")).toMatchObject({ total: 60, page: 1, pages: 2 });
    expect((await log("")).rows).toHaveLength(50);
    expect((await log("?side=2")).rows).toHaveLength(10);
    // Past the end: the last page; nonsense: the first.
    expect((await log("?side=9")).page).toBe(2);
    expect((await log("?side=abc")).page).toBe(1);

    const company = await createCompany(db);
    const companyUser = await createUser(db, { role: "company", companyId: company.id });
    for (let i = 0; i < 55; i++) await createOpening(db, company.id, { title: `Opslag ${i}` });
    const openings = (
      (await (await run(openingsPage.loader, get("/opslag?side=2", await sessionCookie(companyUser.id)))).json()) as { openings: { rows: unknown[]; total: number } }
    ).openings;
    expect(openings.total).toBe(55);
    expect(openings.rows).toHaveLength(5);

    // An event's participants: 52 signed up (capacity 52) and 3 on the waiting list, signed up in turn.
    const eventId = await createEvent(
      db,
      {
        title: "Stort informationsmøde",
        description: "For alle.",
        day: "2099-03-10",
        startTime: "10:00",
        endTime: "12:00",
        place: "Rådhuset",
        onlineUrl: undefined,
        audience: "flexjobbers",
        capacity: 52,
        signupDeadline: undefined,
      },
      admin.id,
    );
    const people = Array.from({ length: 55 }, (_, i) => `deltager-${i}-${Math.random().toString(36).slice(2, 8)}`);
    await db
      .insertInto("users")
      .values(
        people.map((id, i) => ({
          id,
          email: `deltager${i}@example.dk`,
          name: `Deltager ${String(i).padStart(2, "0")}`,
          phone: null,
          role: "flexjobber" as const,
          passwordHash: "",
          status: "active" as const,
          companyId: null,
          isCompanyAdmin: 0,
          consultantId: null,
          createdAt: "2026-01-01T10:00:00Z",
          retentionWarnedAt: null,
          erasedAt: null,
        })),
      )
      .execute();
    for (const id of people) await signUp(db, { eventId, userId: id, role: "flexjobber" });
    type Participants = { participants: { rows: { name: string; status: string }[]; total: number; registered: number; pages: number } };
    const participants = async (q: string) =>
      ((await (await run(eventPage.loader, get(`/arrangementer/${eventId}${q}`, cookie), { id: String(eventId) })).json()) as Participants).participants;
    const page1 = await participants("");
    expect(page1).toMatchObject({ total: 55, registered: 52, pages: 2 });
    expect(page1.rows).toHaveLength(50);
    expect(page1.rows[0]!.name).toBe("Deltager 00");
    const page2 = await participants("?side=2");
    expect(page2.rows.map((r) => [r.name, r.status])).toEqual([
      ["Deltager 50", "registered"],
      ["Deltager 51", "registered"],
      ["Deltager 52", "waitlist"],
      ["Deltager 53", "waitlist"],
      ["Deltager 54", "waitlist"],
    ]);
  });

  it("is closed to citizens and companies", async () => {
    const flex = await createUser(db, { role: "flexjobber" });
    expect((await run(citizens.loader, get("/borgere", await sessionCookie(flex.id)))).status).toBe(403);
    const company = await createUser(db, { role: "company", companyId: (await createCompany(db)).id });
    expect((await run(companiesPage.loader, get("/virksomheder", await sessionCookie(company.id)))).status).toBe(403);
  });
});
