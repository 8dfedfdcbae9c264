import { describe, expect, it } from "vitest";
import { db } from "../db/client.server";
import * as page from "~/routes/statistik";
import * as csv from "~/routes/statistik_.$tabel[.]csv";
import { validateRequest } from "~/auth/session.server";
import { recordActivityDays } from "~/stats/activity.server";
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
    expect(text).toContain("Sjældnere;< 5;100 %");
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
