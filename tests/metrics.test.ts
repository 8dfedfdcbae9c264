import { describe, expect, it } from "vitest";

import { createInvitation } from "~/auth/invitations.server";
import { recordEmploymentStatus } from "~/employment/employment.server";
import { markActivity, recordActivityDays } from "~/stats/activity.server";
import { dashboardTables, loadDashboard } from "~/stats/dashboard.server";
import { activeUsersPerWeek, adoptionFunnel, frequencyBuckets, ledighedsprocent, ledighedsSeries, platformResults } from "~/stats/metrics.server";
import { addDays } from "~/utils/dates";

import { db } from "../db/client.server";
import { createCompany, createUser } from "./factories";

// Hand-built fixtures; every expected number below is worked out by hand in the comments.

const D = "2026-04-05"; // reference day; the 28-day window is 2026-03-09 … 2026-04-05
const OLD = "2026-01-01T10:00:00.000Z";
const range = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i));

async function flexjobber(name: string, createdAt = OLD) {
  return createUser(db, { role: "flexjobber", name, createdAt });
}
async function active(userId: string, days: string[]) {
  await recordActivityDays(
    db,
    days.map((day) => ({ userId, day })),
  );
}

describe("login frequency buckets (28-day window, four 7-day blocks, two 14-day halves)", () => {
  it("puts each counted flexjobber in exactly one bucket, with Danish days across the summer-time change", async () => {
    // Blocks: [03-09..03-15] [03-16..03-22] [03-23..03-29] [03-30..04-05]; halves split at 03-23.
    const a = await flexjobber("Daglig");
    await active(a.id, [...range("2026-03-09", 5), ...range("2026-03-16", 5), ...range("2026-03-23", 5), ...range("2026-03-30", 5)]); // 5,5,5,5 → daily
    const b = await flexjobber("Ugentlig");
    await active(b.id, [...range("2026-03-09", 5), ...range("2026-03-16", 5), ...range("2026-03-23", 5), ...range("2026-03-30", 4)]); // 5,5,5,4 → weekly
    const c = await flexjobber("Hver 14. dag");
    await active(c.id, ["2026-03-10", "2026-04-01"]); // 1,0,0,1 → not weekly; both halves → fortnightly
    await flexjobber("Aldrig logget ind"); // never → rarely
    const f = await flexjobber("Kun sidste halvdel");
    await active(f.id, ["2026-03-24", "2026-04-02"]); // second half only → rarely
    const late = await flexjobber("Oprettet i vinduet", "2026-03-20T09:00:00.000Z");
    await active(late.id, range("2026-03-20", 17)); // created inside the window → not counted
    const staff = await createUser(db, { role: "staff", createdAt: OLD });
    await active(staff.id, range("2026-03-09", 28)); // not a flexjobber → not counted

    // Summer time starts 2026-03-29 at 02:00. 00:30 on 03-30 (CEST) is 22:30 UTC on 03-29:
    // with Danish days it lands in the last block (weekly), with UTC days in the third (fortnightly).
    const g = await flexjobber("Lige over midnat");
    await active(g.id, ["2026-03-09", "2026-03-16", "2026-03-23"]);
    await markActivity(db, { id: "no-session", activityDay: null }, g.id, new Date("2026-03-29T22:30:00Z"));
    // And 23:30 on 03-28 (CET, 22:30 UTC) is still 03-28.
    const h = await flexjobber("Sent om aftenen");
    await markActivity(db, { id: "no-session", activityDay: null }, h.id, new Date("2026-03-28T22:30:00Z"));
    await markActivity(db, { id: "no-session", activityDay: null }, h.id, new Date("2026-03-15T22:30:00Z")); // 23:30 CET on 03-15 → block 0
    const days = async (id: string) => (await db.selectFrom("activityDays").select("day").where("userId", "=", id).orderBy("day").execute()).map((r) => r.day);
    expect(await days(g.id)).toContain("2026-03-30");
    expect(await days(h.id)).toEqual(["2026-03-15", "2026-03-28"]); // 03-15 in the first half, 03-28 in the second → fortnightly

    const result = await frequencyBuckets(db, D);
    // Counted: a, b, c, never, f, g, h = 7 → daily 1, weekly 2 (b, g), fortnightly 2 (c, h), rarely 2 (never, f).
    expect(result.windowStart).toBe("2026-03-09");
    expect(result.counted).toBe(7);
    expect(result.counts).toEqual({ daily: 1, weekly: 2, fortnightly: 2, rarely: 2 });
    // 1/7 and 2/7 rounded one by one give 14.3 + 3 × 28.6 = 100.1; by largest remainder they sum to 100.
    expect(result.shares).toEqual({ daily: 14.3, weekly: 28.6, fortnightly: 28.6, rarely: 28.5 });
  });
});

describe("ledighedsprocent", () => {
  it("counts each flexjobber's status on the day, including a change on the reference day", async () => {
    const staff = await createUser(db, { role: "staff" });
    const rec = async (name: string, changes: [string, "ledig" | "i_fleksjob" | "andet"][]) => {
      const u = await flexjobber(name);
      for (const [fromDate, status] of changes) await recordEmploymentStatus(db, { userId: u.id, status, fromDate, source: "staff", recordedBy: staff.id });
    };
    await rec("L1", [["2025-01-01", "ledig"]]);
    await rec("L2", [
      ["2025-01-01", "ledig"],
      [D, "i_fleksjob"],
    ]); // changes on D
    await rec("L3", [["2025-06-01", "i_fleksjob"]]);
    await rec("L4", [["2025-06-01", "andet"]]);
    await rec("L5", [[addDays(D, 1), "ledig"]]); // registered after D: not counted on D
    // On D: ledig 1 (L1), i fleksjob 2 (L2, L3), andet 1 → 1 ÷ 3 = 33.3 %.
    expect(await ledighedsprocent(db, D)).toEqual({ day: D, ledig: 1, iFleksjob: 2, andet: 1, percent: 33.3 });
    // The day before: ledig 2 (L1, L2), i fleksjob 1 → 2 ÷ 3 = 66.7 %.
    expect((await ledighedsprocent(db, addDays(D, -1))).percent).toBe(66.7);
    // Month ends: 2026-03-31 → 66.7 %; April ends on "today" = D → 33.3 %.
    const series = await ledighedsSeries(db, "2026-03", "2026-05", D);
    expect(series.map((p) => [p.month, p.day, p.percent])).toEqual([
      ["2026-03", "2026-03-31", 66.7],
      ["2026-04", D, 33.3],
    ]);
  });
});

describe("adoption funnel", () => {
  it("counts invitations sent in the period that were not revoked → accounts → published at least once", async () => {
    const staff = await createUser(db, { role: "staff" });
    const inv = (email: string, at: string) => createInvitation(db, { email, name: email, role: "flexjobber", invitedBy: staff.id }, new Date(at));
    const published = await inv("p@example.dk", "2025-02-10T10:00:00Z");
    const accepted = await inv("a@example.dk", "2025-02-11T10:00:00Z");
    await inv("open@example.dk", "2025-02-12T10:00:00Z");
    await inv("expired@example.dk", "2025-01-01T10:00:00Z");
    const revoked = await inv("r@example.dk", "2025-02-13T10:00:00Z");
    await db.updateTable("invitations").set({ revokedAt: "2025-02-14T10:00:00Z" }).where("id", "=", revoked.invitation.id).execute();
    await inv("late@example.dk", "2025-03-01T10:00:00Z"); // outside the period
    // 23:30 on 2025-02-28 in Denmark (22:30 UTC) is inside a period ending 02-28.
    await inv("sent-late@example.dk", "2025-02-28T22:30:00Z");
    for (const [i, email] of [
      [published, "p@example.dk"],
      [accepted, "a@example.dk"],
    ] as const) {
      const u = await flexjobber(email);
      await db.updateTable("invitations").set({ usedAt: "2025-02-15T10:00:00Z", userId: u.id }).where("id", "=", i.invitation.id).execute();
      await db
        .insertInto("profiles")
        .values({
          userId: u.id,
          alias: `Fleksjobber ${email[0]!.toUpperCase()}AAA`,
          headline: null,
          summary: null,
          birthDate: null,
          hoursMin: null,
          hoursMax: null,
          postcode: null,
          lat: null,
          lng: null,
          maxCommuteKm: null,
          returnReason: null,
          submittedAt: null,
          approvedAt: null,
          approvedBy: null,
          firstPublishedAt: email === "p@example.dk" ? "2025-02-16T10:00:00Z" : null,
          createdAt: OLD,
          updatedAt: OLD,
        })
        .execute();
    }
    // Invited 5 (p, a, open, expired, sent-late), accepted 2, published 1 → 20 %.
    expect(await adoptionFunnel(db, "2025-01-01", "2025-02-28")).toEqual({ from: "2025-01-01", to: "2025-02-28", invited: 5, accepted: 2, published: 1, adoption: 20 });
    expect((await adoptionFunnel(db, "2030-01-01", "2030-01-31")).adoption).toBeNull();
  });
});

describe("platform results and weekly activity", () => {
  it("counts requests, interests, confirmed platform hires with the median days to the first hire, and event turnout", async () => {
    const staff = await createUser(db, { role: "staff" });
    const company = await createCompany(db);
    const people = await Promise.all(["R1", "R2", "R3"].map((n) => flexjobber(n)));
    for (const [i, p] of people.entries()) {
      await db
        .insertInto("profiles")
        .values({
          userId: p.id,
          alias: `Fleksjobber R${i}ZZ`,
          headline: null,
          summary: null,
          birthDate: null,
          hoursMin: null,
          hoursMax: null,
          postcode: null,
          lat: null,
          lng: null,
          maxCommuteKm: null,
          returnReason: null,
          submittedAt: null,
          approvedAt: null,
          approvedBy: null,
          firstPublishedAt: "2027-01-01T10:00:00Z",
          createdAt: OLD,
          updatedAt: OLD,
        })
        .execute();
    }
    await db
      .insertInto("contactRequests")
      .values([
        { companyId: company.id, profileUserId: people[0]!.id, sentBy: null, message: "Hej", status: "accepted", createdAt: "2027-01-05T10:00:00Z", answeredAt: null },
        { companyId: company.id, profileUserId: people[1]!.id, sentBy: null, message: "Hej", status: "pending", createdAt: "2027-01-06T10:00:00Z", answeredAt: null },
      ])
      .execute();
    // First platform hires 10, 20 and 40 days after publication → median 20.
    for (const [p, day] of [
      [people[0]!, "2027-01-11"],
      [people[1]!, "2027-01-21"],
      [people[2]!, "2027-02-10"],
    ] as const) {
      await recordEmploymentStatus(db, { userId: p.id, status: "i_fleksjob", fromDate: day, source: "platform", recordedBy: staff.id });
    }
    // Threads: two opened inside the period (one at 23:30 Danish time on its last day), one the day after.
    for (const at of ["2027-01-05T10:00:00Z", "2027-03-31T21:30:00Z", "2027-03-31T22:30:00Z"]) {
      await db
        .insertInto("threads")
        .values({
          kind: "jobcenter",
          companyId: company.id,
          flexjobberId: null,
          openingId: null,
          contactRequestId: null,
          interestId: null,
          subject: "Kontakt",
          createdBy: null,
          createdAt: at,
          lastMessageAt: at,
        })
        .execute();
    }
    const results = await platformResults(db, "2027-01-01", "2027-03-31");
    expect(results).toMatchObject({
      contactRequestsSent: 2,
      contactRequestsAccepted: 1,
      interestsSent: 0,
      threadsStarted: 2,
      hiresViaPlatform: 3,
      medianDaysToFirstHire: 20,
      medianBasedOn: 3,
    });

    // Weeks run Monday–Sunday: 2027-01-04 is a Monday.
    await active(people[0]!.id, ["2027-01-04", "2027-01-10", "2027-01-11"]);
    await active(people[1]!.id, ["2027-01-06"]);
    await active(staff.id, ["2027-01-06"]);
    expect(await activeUsersPerWeek(db, "2027-01-04", "2027-01-17")).toEqual([
      { week: "2027-01-04", users: 2 },
      { week: "2027-01-11", users: 1 },
    ]);
  });
});

describe("figures that survive a recomputation", () => {
  async function publishedAt(userId: string, at: string) {
    await db
      .insertInto("profiles")
      .values({
        userId,
        alias: `Fleksjobber M${userId.slice(0, 5)}`,
        headline: null,
        summary: null,
        birthDate: null,
        hoursMin: null,
        hoursMax: null,
        postcode: null,
        lat: null,
        lng: null,
        maxCommuteKm: null,
        returnReason: null,
        submittedAt: null,
        approvedAt: null,
        approvedBy: null,
        firstPublishedAt: at,
        createdAt: OLD,
        updatedAt: OLD,
      })
      .execute();
  }

  it("counts the median in Danish calendar days across a Copenhagen midnight", async () => {
    const staff = await createUser(db, { role: "staff" });
    // Published 00:30 Danish time on 2028-03-01 (23:30 UTC on 02-29): the Danish day is 03-01.
    // Hired from 03-21 → 20 days (UTC dates would say 21). A second person: 22:00 UTC on 03-01 = 23:00 Danish, still 03-01 → 30 days; a third 10 days.
    const people = await Promise.all(["M1", "M2", "M3"].map((n) => flexjobber(n)));
    await publishedAt(people[0]!.id, "2028-02-29T23:30:00.000Z");
    await publishedAt(people[1]!.id, "2028-03-01T22:00:00.000Z");
    await publishedAt(people[2]!.id, "2028-03-01T08:00:00.000Z");
    for (const [p, day] of [
      [people[0]!, "2028-03-21"],
      [people[1]!, "2028-03-31"],
      [people[2]!, "2028-03-11"],
    ] as const) {
      await recordEmploymentStatus(db, { userId: p.id, status: "i_fleksjob", fromDate: day, source: "platform", recordedBy: staff.id });
    }
    const results = await platformResults(db, "2028-03-01", "2028-03-31");
    // 10, 20, 30 → 20. Counting UTC dates would make the first 21 days (and the median 21).
    expect(results).toMatchObject({ medianDaysToFirstHire: 20, medianBasedOn: 3, hiresViaPlatform: 3 });

    // Staff (not admin) see no median built on fewer than 5 people, in the data itself.
    const d = await loadDashboard(db, { reference: "2028-03-31", from: "2028-03-01", to: "2028-03-31" }, new Date("2028-04-01T10:00:00Z"));
    const row = (isAdmin: boolean) => dashboardTables(d, isAdmin).resultater.rows.find((r) => String(r[0]).startsWith("Dage fra profil"))![1];
    expect(row(false)).toBe("< 5 ansættelser");
    expect(row(true)).toBe("20");
  });

  it("weekly actives equal a recomputation from the raw activity rows after a user is deleted and another erased", async () => {
    const people = await Promise.all(["W1", "W2", "W3", "W4"].map((n) => flexjobber(n)));
    // 2029-01-01 is a Monday. Everyone is active in week 1 and week 2.
    for (const p of people) await active(p.id, ["2029-01-02", "2029-01-09"]);
    // Read once, so the weeks' counts are cached …
    expect(await activeUsersPerWeek(db, "2029-01-01", "2029-01-14")).toEqual([
      { week: "2029-01-01", users: 4 },
      { week: "2029-01-08", users: 4 },
    ]);
    // … then one account row goes (its activity cascades with it) …
    await db.deleteFrom("users").where("id", "=", people[0]!.id).execute();
    // … and one is erased during week 2 (Danish Wednesday 2029-01-10): it still counts for week 1, not for week 2.
    await db.updateTable("users").set({ status: "erased", erasedAt: "2029-01-10T12:00:00.000Z" }).where("id", "=", people[1]!.id).execute();
    const shown = await activeUsersPerWeek(db, "2029-01-01", "2029-01-14");
    // Recomputed straight from activity_days, by hand: distinct flexjobbers per Monday week, erased ones only before their erasure.
    const raw = await db
      .selectFrom("activityDays as a")
      .innerJoin("users as u", "u.id", "a.userId")
      .select(["a.day", "a.userId", "u.status", "u.erasedAt"])
      .where("u.role", "=", "flexjobber")
      .where("a.day", ">=", "2029-01-01")
      .where("a.day", "<=", "2029-01-14")
      // In day order, so the weeks come out in order on PostgreSQL too (it returns a join's rows in any order).
      .orderBy("a.day")
      .execute();
    const perWeek = new Map<string, Set<string>>();
    for (const r of raw) {
      const week = r.day < "2029-01-08" ? "2029-01-01" : "2029-01-08";
      const weekEndsUtc = week === "2029-01-01" ? "2029-01-07T23:00:00.000Z" : "2029-01-14T23:00:00.000Z";
      if (r.status === "erased" && r.erasedAt! < weekEndsUtc) continue;
      if (r.status !== "active" && r.status !== "erased") continue;
      perWeek.set(week, new Set([...(perWeek.get(week) ?? []), r.userId]));
    }
    expect(shown).toEqual([...perWeek.entries()].map(([week, users]) => ({ week, users: users.size })));
    expect(shown).toEqual([
      { week: "2029-01-01", users: 3 },
      { week: "2029-01-08", users: 2 },
    ]);
  });

  it("a 56-day window has four 14-day blocks and two 28-day halves, and daily means 10 days in each block", async () => {
    const R = "2030-06-30"; // window 2030-05-06 … 2030-06-30; blocks start 05-06, 05-20, 06-03, 06-17; second half from 06-03
    const daily = await flexjobber("56 dagligt");
    await active(daily.id, [...range("2030-05-06", 10), ...range("2030-05-20", 10), ...range("2030-06-03", 10), ...range("2030-06-17", 10)]);
    const nine = await flexjobber("56 ni dage");
    await active(nine.id, [...range("2030-05-06", 10), ...range("2030-05-20", 10), ...range("2030-06-03", 10), ...range("2030-06-17", 9)]); // 9 in the last block → weekly
    const halves = await flexjobber("56 halvdele");
    await active(halves.id, ["2030-05-19", "2030-06-29"]); // first block and last block only → both halves → fortnightly
    const firstHalf = await flexjobber("56 kun første halvdel");
    await active(firstHalf.id, ["2030-05-06", "2030-05-25", "2030-06-02"]); // both blocks of the first half, none of the second → rarely
    const result = await frequencyBuckets(db, R, 56);
    expect(result).toMatchObject({ windowStart: "2030-05-06", windowDays: 56, blockDays: 14, dailyMin: 10 });
    // Nobody else in this file was active in 2030, so the others all land in "rarely" with firstHalf.
    expect(result.counts).toMatchObject({ daily: 1, weekly: 1, fortnightly: 1 });
    expect(result.counts.rarely).toBe(result.counted - 3);
    // The 28-day window (06-03 … 06-30, 7-day blocks) sees the same people differently:
    // "daily" has 7, 3, 7, 3 days in its blocks → weekly; "nine days" 7, 3, 7, 2 → weekly too.
    const short = await frequencyBuckets(db, R);
    expect(short).toMatchObject({ windowStart: "2030-06-03", blockDays: 7, dailyMin: 5 });
    expect(short.counts).toMatchObject({ daily: 0, weekly: 2 });
  });
});
