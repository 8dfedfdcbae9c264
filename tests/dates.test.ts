import { sql } from "kysely";
import { describe, expect, it, vi } from "vitest";

import { previewImport } from "~/citizens/import.server";
import { registerCitizenSchema } from "~/citizens/schemas";
import { hireDecisionSchema } from "~/employment/schemas";
import { eventSchema } from "~/events/schemas";
import { openingSchema } from "~/openings/schemas";
import { aboutSchema } from "~/profiles/schemas";
import * as newEvent from "~/routes/arrangementer_.ny";
import * as citizens from "~/routes/borgere";
import * as statistics from "~/routes/statistik";
import { dashboardSchema } from "~/stats/schemas";
import { formatDate, isCalendarDay } from "~/utils/dates";
import { day, optionalDay } from "~/utils/fields";

import { db } from "../db/client.server";
import { createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";
import { withOldDatabase } from "./old-database";

// Dates are real dates everywhere: one helper for every form and URL
// parameter, and the database refuses what slips past.

const BAD_DAYS = ["2026-02-29", "2026-02-30", "2024-99-99", "0000-01-01", "2026-13-01", "2026-00-10", "26-03-01", "i morgen"];
const GOOD_DAYS = ["2024-02-29", "2026-03-01", "2026-12-31"];

describe("the one date helper", () => {
  it("accepts calendar days and refuses the rest, in every schema that takes a date", () => {
    for (const v of GOOD_DAYS) expect(isCalendarDay(v), v).toBe(true);
    // "0000-01-01" is a calendar day, but outside every range the platform accepts.
    for (const v of BAD_DAYS.filter((d) => d !== "0000-01-01")) expect(isCalendarDay(v), v).toBe(false);
    const required = day("Vælg en dato.");
    const optional = optionalDay();
    for (const v of BAD_DAYS) {
      expect(required.safeParse(v).success, v).toBe(false);
      expect(optional.safeParse(v).success, v).toBe(false);
      expect(dashboardSchema.safeParse({ dato: v }).success, `dashboard ${v}`).toBe(false);
      expect(registerCitizenSchema.safeParse({ intent: "register", name: "A", email: "a@b.dk", status: "ledig", fromDate: v }).success, `citizen ${v}`).toBe(false);
      expect(hireDecisionSchema.safeParse({ intent: "confirm", hireId: "1", fromDate: v }).success, `hire ${v}`).toBe(false);
      expect(
        eventSchema.safeParse({ title: "T", description: "D", day: v, startTime: "10:00", endTime: "11:00", place: "Her", audience: "both", capacity: "5" }).success,
        `event ${v}`,
      ).toBe(false);
      expect(
        openingSchema.safeParse({ deadline: v }).error?.issues.some((i) => i.path[0] === "deadline"),
        `opening ${v}`,
      ).toBe(true);
      expect(aboutSchema.safeParse({ headline: "H", summary: "", birthDate: v }).success, `birth ${v}`).toBe(false);
    }
    for (const v of GOOD_DAYS) {
      expect(required.safeParse(v).success, v).toBe(true);
      expect(dashboardSchema.safeParse({ dato: v }).success, `dashboard ${v}`).toBe(true);
    }
    expect(optional.safeParse("").data).toBeUndefined();
  });

  it("reads the days of a CSV import the same way", async () => {
    const csv = ["navn;e-mail;status;fra-dato", ...BAD_DAYS.map((d, i) => `Person ${i};p${i}@example.dk;ledig;${d}`), "God;god@example.dk;ledig;29-02-2024"].join("\n");
    const preview = await previewImport(db, csv);
    expect(preview.rows.slice(0, BAD_DAYS.length).every((r) => r.fromDate === null)).toBe(true);
    expect(preview.rows.at(-1)?.fromDate).toBe("2024-02-29");
  });

  it("shows a stored value that is not a date as it is, instead of throwing", () => {
    expect(formatDate("2024-99-99")).toBe("2024-99-99");
    expect(formatDate("2026-03-01")).toBe("1. marts 2026");
  });
});

describe("forms and URLs answer a bad date with a 400 and store nothing", () => {
  it("/borgere, /arrangementer/ny and /statistik (a month from 1985 too)", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    const reg = await run(
      citizens.action,
      post("/borgere", { intent: "register", name: "Dato Test", email: "dato.test@example.dk", status: "ledig", fromDate: "2026-02-30" }, cookie),
    );
    expect(reg.status).toBe(400);
    expect(await db.selectFrom("users").select("id").where("email", "=", "dato.test@example.dk").execute()).toEqual([]);

    const event = await run(
      newEvent.action,
      post(
        "/arrangementer/ny",
        { title: "Kaffe", description: "Kom", day: "2024-99-99", startTime: "10:00", endTime: "11:00", place: "Her", audience: "both", capacity: "5" },
        cookie,
      ),
    );
    expect(event.status).toBe(400);
    expect(((await event.json()) as { errors: Record<string, string> }).errors.day).toBeTruthy();

    const old = await run(statistics.loader, get("/statistik?basis=1985-01", cookie));
    expect(old.status).toBe(400);
    expect(((await old.json()) as { errors: Record<string, string> }).errors.basis).toMatch(/2010/);
    expect((await run(statistics.loader, get("/statistik?dato=2026-02-30", cookie))).status).toBe(400);
  });
});

describe("the database refuses a date that does not exist", () => {
  it("on a direct INSERT or UPDATE", async () => {
    const user = await createUser(db, { role: "flexjobber" });
    const insert = (fromDate: string) =>
      db
        .insertInto("employmentStatuses")
        .values({ userId: user.id, status: "ledig", fromDate, source: "staff", hireId: null, recordedBy: null, createdAt: new Date().toISOString() })
        .execute();
    for (const bad of ["2026-02-30", "2024-99-99", "2026-2-3", ""]) await expect(insert(bad), bad).rejects.toThrow(/calendar.day/);
    await insert("2024-02-29");
    await expect(db.updateTable("employmentStatuses").set({ fromDate: "2024-02-30" }).where("userId", "=", user.id).execute()).rejects.toThrow(/calendar.day/);
    await expect(sql`insert into activity_days (user_id, day) values (${user.id}, '2026-13-01')`.execute(db)).rejects.toThrow(/calendar.day/);
  });

  it("the migration reports and repairs bad rows stored before it", async () => {
    await withOldDatabase("0008_consent_retention", async (old, migrate) => {
      const user = await createUser(old, { role: "flexjobber" });
      const at = new Date().toISOString();
      await old
        .insertInto("employmentStatuses")
        .values([
          { userId: user.id, status: "ledig", fromDate: "2026-02-30", source: "staff", hireId: null, recordedBy: null, createdAt: at },
          { userId: user.id, status: "andet", fromDate: "2024-99-99", source: "staff", hireId: null, recordedBy: null, createdAt: at },
        ])
        .execute();
      const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
      expect(await migrate()).toBeUndefined();
      expect(warn.mock.calls.flat().join(" ")).toMatch(/employment_statuses\.from_date/);
      warn.mockRestore();
      const rows = await old.selectFrom("employmentStatuses").select(["status", "fromDate"]).where("userId", "=", user.id).execute();
      expect(rows).toEqual([{ status: "ledig", fromDate: "2026-03-02" }]);
    });
  });
});
