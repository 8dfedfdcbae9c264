import { describe, expect, it } from "vitest";

import { prng } from "~/demo/random";
import { rebuildActivityYears, recordActivityDays } from "~/stats/activity.server";
import { type Bucket, countStatusesOn, frequencyBuckets, ledighedsprocentOn } from "~/stats/metrics.server";
import { WINDOWS } from "~/stats/windows";
import { addDays } from "~/utils/dates";

import { db } from "../db/client.server";
import { createUser } from "./factories";

// The login-frequency buckets read a roll-up (activity_years) kept by
// a trigger as ActivityDay rows arrive. It must equal what the raw rows say:
// the table equals a rebuild from the rows, and the buckets equal the
// METRICS.md formula applied to the rows directly.

/** The METRICS.md buckets, straight from ActivityDay rows (the reference the roll-up is checked against). */
async function bucketsFromRows(reference: string, windowDays: number, ids: string[]): Promise<Record<Bucket, number>> {
  const block = windowDays / 4;
  const dailyMin = Math.ceil((5 * block) / 7);
  const start = addDays(reference, -(windowDays - 1));
  const rows = await db.selectFrom("activityDays").select(["userId", "day"]).where("day", ">=", start).where("day", "<=", reference).execute();
  const counts: Record<Bucket, number> = { daily: 0, weekly: 0, fortnightly: 0, rarely: 0 };
  for (const id of ids) {
    const b = [0, 0, 0, 0];
    for (const r of rows) if (r.userId === id) b[Math.floor((Date.parse(r.day) - Date.parse(start)) / 86_400_000 / block)]! += 1;
    const bucket = b.every((n) => n >= dailyMin) ? "daily" : b.every((n) => n >= 1) ? "weekly" : b[0]! + b[1]! >= 1 && b[2]! + b[3]! >= 1 ? "fortnightly" : "rarely";
    counts[bucket] += 1;
  }
  return counts;
}

describe("statistics roll-ups", () => {
  it("activity_years equals a rebuild from the raw rows, and the frequency buckets equal the formula on the rows, across a new year", async () => {
    const r = prng(11);
    const created = new Date("2025-06-01T08:00:00Z");
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const user = await createUser(db, { role: "flexjobber", createdAt: created.toISOString() });
      ids.push(user.id);
      // Habits from every day to hardly ever, around New Year 2026 (a leap year follows in 2028; 2025 is not one).
      const p = [0.95, 0.6, 0.2, 0.05][i % 4]!;
      const days = [];
      for (let d = 0; d < 120; d++) if (r.chance(p)) days.push({ userId: user.id, day: addDays("2025-11-15", d) });
      await recordActivityDays(db, days);
    }
    const kept = await db.selectFrom("activityYears").selectAll().orderBy("userId").orderBy("year").execute();
    expect(kept.length).toBeGreaterThan(40);
    await rebuildActivityYears(db);
    expect(await db.selectFrom("activityYears").selectAll().orderBy("userId").orderBy("year").execute()).toEqual(kept);

    for (const reference of ["2026-01-10", "2026-02-20", "2025-12-31"]) {
      for (const windowDays of WINDOWS) {
        const result = await frequencyBuckets(db, reference, windowDays);
        expect(result.counts, `${reference}, ${windowDays} days`).toEqual(await bucketsFromRows(reference, windowDays, ids));
      }
    }
  });

  it("the cached ledighed counts per day always equal a count from the raw status rows, through additions, corrections, deletions and a role change", async () => {
    const r = prng(5);
    const people = await Promise.all(Array.from({ length: 12 }, () => createUser(db, { role: "flexjobber" })));
    const days = ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31", "2026-01-31", "2026-03-31"];
    const check = async () => {
      const cached = await ledighedsprocentOn(db, days);
      const raw = await countStatusesOn(db, days);
      expect(cached.map((p) => [p.ledig, p.iFleksjob, p.andet])).toEqual(days.map((d) => [raw.get(d)!.ledig, raw.get(d)!.i_fleksjob, raw.get(d)!.andet]));
    };
    const statuses = ["ledig", "i_fleksjob", "andet"] as const;
    for (let round = 0; round < 6; round++) {
      for (const p of people) {
        if (r.chance(0.6))
          await db
            .insertInto("employmentStatuses")
            .values({ userId: p.id, status: r.pick(statuses), fromDate: addDays("2025-01-01", r.int(0, 450)), source: "staff", createdAt: new Date().toISOString() })
            .execute();
      }
      await check();
      const some = await db.selectFrom("employmentStatuses").select("id").orderBy("id").limit(3).offset(round).execute();
      if (some[0])
        await db
          .updateTable("employmentStatuses")
          .set({ fromDate: addDays("2025-01-01", r.int(0, 450)), status: r.pick(statuses) })
          .where("id", "=", some[0].id)
          .execute();
      await check();
      if (some[1]) await db.deleteFrom("employmentStatuses").where("id", "=", some[1].id).execute();
      await check();
    }
    await db.updateTable("users").set({ role: "staff" }).where("id", "=", people[0]!.id).execute();
    await check();
    expect((await db.selectFrom("ledighedDays").select("day").where("fresh", "=", 1).execute()).length).toBe(days.length);
  });
});
