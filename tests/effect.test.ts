import { describe, expect, it } from "vitest";

import { hashToken } from "~/auth/invitations.server";
import { recordEmploymentStatus } from "~/employment/employment.server";
import { dashboardForViewer, dashboardTables, loadDashboard } from "~/stats/dashboard.server";
import { kaplanMeier, loadEffect } from "~/stats/effect.server";
import { addDays } from "~/utils/dates";

import { db } from "../db/client.server";
import { createFlexjobberWithProfile, createUser } from "./factories";

// "Effekt", on a hand-made fixture with the answers worked out by hand.

const DAY0 = "2026-01-05";
const NOW = new Date("2026-04-15T12:00:00Z"); // day 100
const day = (n: number) => addDays(DAY0, n);

describe("Kaplan–Meier", () => {
  it("steps down only on days with a first job; censored people leave the risk set", () => {
    // 30 event, 45 censored, 60 two events, 100 censored: S = 4/5, then 4/5 × 1/3.
    const curve = kaplanMeier([
      { days: 30, event: true },
      { days: 45, event: false },
      { days: 60, event: true },
      { days: 60, event: true },
      { days: 100, event: false },
    ]);
    expect(curve.points).toEqual([
      { day: 30, inJob: 20, atRisk: 5 },
      { day: 60, inJob: 73.3, atRisk: 3 },
    ]);
    expect(curve.at).toEqual([
      { day: 30, inJob: 20, jobs: 1, atRisk: 5 },
      { day: 90, inJob: 73.3, jobs: 3, atRisk: 1 },
      { day: 180, inJob: 73.3, jobs: 3, atRisk: 0 },
      { day: 365, inJob: 73.3, jobs: 3, atRisk: 0 },
    ]);
  });
});

describe("Effekt", () => {
  it("cohorts and curves from invitations, profiles and the status history; an erased person is censored; masking holds for staff", async () => {
    const staff = await createUser(db, { role: "staff" });
    const invite = async (user: { id: string; email: string }, accepted: boolean) =>
      db
        .insertInto("invitations")
        .values({
          email: user.email,
          name: "Inviteret",
          role: "flexjobber",
          tokenHash: hashToken(`t-${user.id}`),
          expiresAt: `${day(14)}T10:00:00.000Z`,
          usedAt: accepted ? `${day(1)}T10:00:00.000Z` : null,
          userId: accepted ? user.id : null,
          revokedAt: null,
          invitedBy: staff.id,
          companyId: null,
          isCompanyAdmin: 0,
          consultantId: null,
          createdAt: `${DAY0}T10:00:00.000Z`,
        })
        .execute();
    const status = (userId: string, s: "ledig" | "i_fleksjob", fromDate: string) =>
      recordEmploymentStatus(db, { userId, status: s, fromDate, source: "staff", recordedBy: staff.id });

    // With a profile: jobs on day 30, 60 and 60; one still looking; one erased on day 45.
    const withProfile: Record<string, number | null> = { P1: 30, P2: 60, P5: 60, P3: null, P4: null };
    for (const [name, jobDay] of Object.entries(withProfile)) {
      const { user } = await createFlexjobberWithProfile(db, { name, createdAt: `${day(1)}T10:00:00Z` }, {}, new Date(`${day(2)}T10:00:00Z`));
      await invite(user, true);
      await status(user.id, "ledig", day(-10));
      if (jobDay !== null) await status(user.id, "i_fleksjob", day(jobDay));
      if (name === "P4")
        await db
          .updateTable("users")
          .set({ erasedAt: `${day(45)}T10:00:00.000Z` })
          .where("id", "=", user.id)
          .execute();
    }
    // Without a profile: a job on day 10; one still looking; one already in a job when invited.
    for (const [name, jobDay] of [
      ["N1", 10],
      ["N2", null],
      ["N3", -20],
    ] as const) {
      const user = await createUser(db, { role: "flexjobber", name, status: "registered" });
      await invite(user, false);
      await status(user.id, "ledig", day(-30));
      if (jobDay !== null) await status(user.id, "i_fleksjob", day(jobDay));
    }

    const effect = await loadEffect(db, NOW);
    // Cohort 2026-01: 8 invited, 5 with a profile; on day 90 (5 April) in a job: P1, P2, P5, N1, N3 (P4 left on day 45).
    expect(effect.cohorts).toEqual([{ month: "2026-01", invited: 8, profile: 5, inJob: { 3: 5, 6: null, 12: null } }]);
    expect(effect.withProfile.points).toEqual([
      { day: 30, inJob: 20, atRisk: 5 },
      { day: 60, inJob: 73.3, atRisk: 3 },
    ]);
    // N3 was in a job already: left out. N1 found one on day 10 of 2.
    expect(effect.withoutProfile).toMatchObject({ people: 2, events: 1, points: [{ day: 10, inJob: 50, atRisk: 2 }] });

    // Through the dashboard: admins see the points; staff see none that rest on fewer than 5, and no count of 1–4.
    // Only when asked for (it reads every invitation and status).
    expect((await loadDashboard(db, { reference: "2026-04-15" }, NOW)).effect).toBeNull();
    const d = await loadDashboard(db, { reference: "2026-04-15", from: "2026-01-01", to: "2026-04-15", effect: true }, NOW);
    const admin = dashboardForViewer(d, true).effect!;
    expect(admin.withProfile.points).toEqual([
      { day: 0, value: 0 },
      { day: 30, value: 20 },
      { day: 90, value: 73.3 },
      { day: 180, value: 73.3 },
      { day: 365, value: 73.3 },
    ]);
    const staffView = dashboardForViewer(d, false).effect!;
    expect(staffView.withProfile.points.map((p) => p.value)).toEqual([0, null, null, null, null]);
    expect(staffView.withoutProfile.points.every((p) => p.value === null)).toBe(true);
    expect(staffView.withoutProfile.people).toBeNull();
    for (const table of [dashboardTables(d, false).effekt, dashboardTables(d, false).effekttid]) {
      for (const row of table.rows) for (const cell of row.slice(1)) expect(cell).not.toMatch(/^[1-4]$/);
    }
    expect(dashboardTables(d, true).effekt.rows).toEqual([["2026-01", "8", "5", "5", "–", "–"]]);
  });
});
