import { describe, expect, it } from "vitest";

import { createInvitation } from "~/auth/invitations.server";
import { validateRequest } from "~/auth/session.server";
import * as page from "~/routes/statistik";
import * as csv from "~/routes/statistik_.$tabel[.]csv";
import { recordActivityDays } from "~/stats/activity.server";
import { addDays } from "~/utils/dates";

import { db } from "../db/client.server";
import { createUser } from "./factories";
import { get, run, sessionCookie } from "./http";

describe("Statistik", () => {
  it("hides counts under 5 from staff but not from admins, in the page and in the CSV", async () => {
    const flex = await createUser(db, { role: "flexjobber", createdAt: "2020-01-01T00:00:00Z" });
    await recordActivityDays(db, [{ userId: flex.id, day: "2026-01-10" }]);
    const staff = await createUser(db, { role: "staff" });
    const admin = await createUser(db, { role: "admin" });
    const q = "?dato=2026-01-20&fra=2026-01-01&til=2026-01-31";
    const staffPage = (await (await run(page.loader, get(`/statistik${q}`, await sessionCookie(staff.id)))).json()) as { tables: { frekvens: { rows: string[][] } } };
    expect(staffPage.tables.frekvens.rows.find((r) => r[0] === "Sjældnere")?.[1]).toBe("< 5");
    const adminPage = (await (await run(page.loader, get(`/statistik${q}`, await sessionCookie(admin.id)))).json()) as { tables: { frekvens: { rows: string[][] } } };
    expect(adminPage.tables.frekvens.rows.find((r) => r[0] === "Sjældnere")?.[1]).toBe("1");

    const file = await run(csv.loader, get(`/statistik/frekvens.csv${q}`, await sessionCookie(staff.id)), { tabel: "frekvens" });
    expect(file.headers.get("Content-Type")).toContain("text/csv");
    expect(file.headers.get("Content-Disposition")).toContain("frekvens-2026-01-20.csv");
    const text = await file.text();
    // The share beside a masked count would give it away: it is masked with it.
    expect(text).toContain("Sjældnere;< 5;\r\n");
    // Each CSV says when it was computed, in Danish time.
    expect(text).toMatch(/\r\nBeregnet;\d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}[.:]\d{2} \(dansk tid\)\r\n$/);
    expect((await run(csv.loader, get("/statistik/hemmelig.csv", await sessionCookie(staff.id)), { tabel: "hemmelig" })).status).toBe(404);
  });

  it("sends no count between 1 and 4 to staff in ?_data or a CSV, whatever a client renders", async () => {
    const staffUser = await createUser(db, { role: "staff" });
    // Three invited citizens, two of them active in the week: every count is small.
    for (let i = 0; i < 3; i++) {
      const flex = await createUser(db, { role: "flexjobber", createdAt: "2025-12-01T10:00:00Z" });
      if (i < 2) await recordActivityDays(db, [{ userId: flex.id, day: "2026-01-12" }]);
    }
    const q = "?dato=2026-01-20&fra=2026-01-01&til=2026-01-31";
    const cookie = await sessionCookie(staffUser.id);
    const res = await run(page.loader, get(`/statistik${q}`, cookie));
    const data = (await res.json()) as { d: Record<string, unknown>; tables: Record<string, { rows: string[][] }> };
    const counts: unknown[] = [];
    const d = data.d as { counted: unknown; funnel: Record<string, unknown>; weeks: { value: unknown }[]; shares: Record<string, unknown> };
    counts.push(d.counted, ...Object.values(d.funnel), ...d.weeks.map((w) => w.value));
    for (const c of counts) expect(c === null || c === 0 || (typeof c === "number" && c >= 5)).toBe(true);
    expect(d.weeks.some((w) => w.value === null)).toBe(true);
    // A share of a small group gives the count away as well.
    if (d.counted === null) expect(Object.values(d.shares).every((s) => s === null)).toBe(true);
    for (const table of Object.values(data.tables)) {
      for (const row of table.rows) for (const cell of row.slice(1)) expect(cell).not.toMatch(/^[1-4]$/);
    }
    for (const key of ["frekvens", "tilslutning", "ledighed", "aktive", "resultater"]) {
      const file = await (await run(csv.loader, get(`/statistik/${key}.csv${q}`, cookie), { tabel: key })).text();
      for (const line of file.split(/\r?\n/).slice(1)) for (const cell of line.split(";").slice(1)) expect(cell).not.toMatch(/^[1-4]$/);
    }
  });

  it("lets no count of 1–4 be worked out by subtraction: not from one page, not from two overlapping periods, not from a short period", async () => {
    const staff = await createUser(db, { role: "staff" });
    const admin = await createUser(db, { role: "admin" });
    // Login frequency (28 days to 2026-06-28): 6 daily, 3 weekly, 8 who never log in. Weekly (3) is
    // masked; with the total shown it would be total − the rest, so a second group is suppressed too.
    const old = "2025-01-01T10:00:00Z";
    const days = (from: string, n: number, step = 1) => Array.from({ length: n }, (_, i) => addDays(from, i * step));
    const people: string[] = [];
    for (let i = 0; i < 17; i++) people.push((await createUser(db, { role: "flexjobber", createdAt: old })).id);
    for (const id of people.slice(0, 6))
      await recordActivityDays(
        db,
        days("2026-06-01", 28).map((day) => ({ userId: id, day })),
      );
    for (const id of people.slice(6, 9))
      await recordActivityDays(
        db,
        days("2026-06-01", 4, 7).map((day) => ({ userId: id, day })),
      );
    // Invitations: 20 early in June, and 3 more on its last day.
    for (let i = 0; i < 23; i++) {
      const at = new Date(i < 20 ? `2026-06-0${1 + (i % 9)}T10:00:00Z` : "2026-06-30T10:00:00Z");
      await createInvitation(db, { email: `sdc-${i}@example.dk`, name: `Inviteret ${i}`, role: "flexjobber", invitedBy: staff.id }, at);
    }
    const cookie = await sessionCookie(staff.id);
    const tablesFor = async (q: string) => {
      const res = await run(page.loader, get(`/statistik${q}`, cookie));
      expect(res.status, q).toBe(200);
      return ((await res.json()) as { tables: Record<string, { rows: string[][] }> }).tables;
    };
    const june = await tablesFor("?dato=2026-06-28&fra=2026-06-01&til=2026-06-30");
    const juneLessADay = await tablesFor("?dato=2026-06-28&fra=2026-06-01&til=2026-06-29");

    // One page: a masked group never stands alone beside a shown total, and its share is masked with it.
    const hidden = june.frekvens!.rows.filter((r) => r[1] === "< 5" || r[1] === "skjult");
    expect(hidden.length).not.toBe(1);
    for (const row of hidden) expect(row[2]).toBe("");
    expect(june.frekvens!.rows.find((r) => r[0] === "Ugentligt")).toEqual(["Ugentligt", "< 5", ""]);

    // Two periods a day apart: every figure in one differs from the same figure in the other by 0 or by 5 or more.
    for (const key of ["tilslutning", "resultater"]) {
      june[key]!.rows.forEach((row, i) => {
        const [a, b] = [Number(row[1]), Number(juneLessADay[key]!.rows[i]![1])];
        if (Number.isFinite(a) && Number.isFinite(b)) expect(Math.abs(a - b), `${key}: ${row[0]}`).not.toBeOneOf([1, 2, 3, 4]);
      });
    }
    expect(june.tilslutning!.rows[0]).toEqual(["Inviteret", "25"]);
    expect(juneLessADay.tilslutning!.rows[0]).toEqual(["Inviteret", "20"]);
    // Admins see the exact counts.
    const adminTables = (
      (await (await run(page.loader, get("/statistik?dato=2026-06-28&fra=2026-06-01&til=2026-06-30", await sessionCookie(admin.id)))).json()) as {
        tables: Record<string, { rows: string[][] }>;
      }
    ).tables;
    expect(adminTables.tilslutning!.rows[0]).toEqual(["Inviteret", "23"]);

    // A period shorter than a week is refused for staff (page and CSV); admins may choose it.
    const short = await run(page.loader, get("/statistik?fra=2026-06-30&til=2026-06-30", cookie));
    expect(short.status).toBe(400);
    const shortBody = (await short.json()) as { errors: Record<string, string>; d: { from: string } };
    expect(shortBody.errors.til).toBe("Vælg en periode på mindst 7 dage.");
    expect(shortBody.d.from).not.toBe("2026-06-30");
    expect((await run(csv.loader, get("/statistik/tilslutning.csv?fra=2026-06-30&til=2026-06-30", cookie), { tabel: "tilslutning" })).status).toBe(400);
    expect((await run(page.loader, get("/statistik?fra=2026-06-30&til=2026-06-30", await sessionCookie(admin.id)))).status).toBe(200);
  });

  it("answers a bad date with a Danish message and a 400, and is closed to other roles", async () => {
    const staff = await createUser(db, { role: "staff" });
    const res = await run(page.loader, get("/statistik?dato=2026-13-45&fra=2026-02-01&til=2026-01-01", await sessionCookie(staff.id)));
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: Record<string, string> };
    expect(errors.dato).toBe("Vælg en gyldig dato.");
    expect(errors.til).toMatch(/efter/);
    const window = await run(page.loader, get("/statistik?vindue=30", await sessionCookie(staff.id)));
    expect(window.status).toBe(400);
    expect(((await window.json()) as { errors: Record<string, string> }).errors.vindue).toBe("Vælg 28, 56 eller 84 dage.");
    const company = await createUser(db, { role: "company" });
    expect((await run(page.loader, get("/statistik", await sessionCookie(company.id)))).status).toBe(403);
  });

  it("marks an ActivityDay once per session per day", async () => {
    const flex = await createUser(db, { role: "flexjobber" });
    const cookie = await sessionCookie(flex.id);
    for (let i = 0; i < 3; i++) expect(await validateRequest(get("/", cookie))).not.toBeNull();
    const rows = await db.selectFrom("activityDays").selectAll().where("userId", "=", flex.id).execute();
    expect(rows).toHaveLength(1);
    const session = await db.selectFrom("sessions").select("activityDay").where("userId", "=", flex.id).executeTakeFirstOrThrow();
    expect(session.activityDay).toBe(rows[0]!.day);
  });
});
