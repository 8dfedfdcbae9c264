import { describe, expect, it } from "vitest";
import { db } from "../db/client.server";
import { generateMunicipality } from "../app/demo/generate.server";
import { adoptionFunnel, frequencyBuckets, ledighedsSeries } from "~/stats/metrics.server";
import { addDays, localDate } from "~/utils/dates";
import { createUser } from "./factories";

describe("demo municipality generator (--flexjobbers 300 --companies 80 --months 24 --seed 42)", () => {
  it("lands near Gentofte's numbers, read through the metrics module", { timeout: 120_000 }, async () => {
    const staff = await Promise.all([1, 2, 3].map((i) => createUser(db, { role: "staff", name: `Rådgiver ${i}` })));
    const now = new Date();
    const result = await generateMunicipality(db, { flexjobbers: 300, companies: 80, months: 24, seed: 42, liveOpenings: true, staffIds: staff.map((s) => s.id) }, now);
    expect(result).toEqual({ citizens: 300, companies: 80 });
    const today = localDate(now);

    const buckets = await frequencyBuckets(db, today);
    expect(buckets.counted).toBeGreaterThan(200);
    expect(Math.abs(buckets.shares.daily - 19)).toBeLessThanOrEqual(5);
    expect(Math.abs(buckets.shares.weekly - 45)).toBeLessThanOrEqual(5);
    expect(Math.abs(buckets.shares.fortnightly - 31)).toBeLessThanOrEqual(5);

    const adoption = await adoptionFunnel(db, addDays(today, -800), today);
    expect(adoption.invited).toBe(300);
    expect(adoption.adoption).toBeGreaterThanOrEqual(85);
    expect(adoption.adoption).toBeLessThanOrEqual(90);

    // Months before anyone was registered have no value; the series starts where data starts.
    const series = (await ledighedsSeries(db, addDays(today, -760).slice(0, 7), today.slice(0, 7), today)).filter((p) => p.percent !== null);
    expect(series.length).toBeGreaterThanOrEqual(24);
    expect(Math.abs(series[0]!.percent! - 21)).toBeLessThanOrEqual(2);
    expect(Math.abs(series.at(-1)!.percent! - 9)).toBeLessThanOrEqual(2);
    // The platform shows results: confirmed hires via the platform, events with turnout.
    const hires = await db.selectFrom("employmentStatuses").select((eb) => eb.fn.countAll<number>().as("n")).where("source", "=", "platform").executeTakeFirstOrThrow();
    expect(hires.n).toBeGreaterThan(5);
  });
});
