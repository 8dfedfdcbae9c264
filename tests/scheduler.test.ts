import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { readEnv } from "~/env.server";
import { checkHealth } from "~/monitoring/health.server";
import type { JobCounts, JobDefinition } from "~/schedule/jobs.server";
import { backupInto, describeCounts, JOBS, listBackups } from "~/schedule/jobs.server";
import { ABANDONED_AFTER_MS, dueSlot, jobProblems, runDueJobs, runJobNow, startScheduler } from "~/schedule/scheduler.server";

import { db } from "../db/client.server";
import { databasePath, type Db, isPostgres, openDatabase, openPostgres, postgresUrl } from "../db/kysely";

// The app runs its own schedule, at Danish time, each slot once
// across processes. The clock is simulated: ticks are calls with a `now`.

const MINUTE = 60_000;

// Hundreds of simulated runs: their log lines ("job finished") are not what is tested here.
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
});
const danish = (d: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen", dateStyle: "short", timeStyle: "short" }).format(d);

/** The real jobs' times with runs that only record when they ran. */
function recordingJobs() {
  const ran: { job: string; at: Date }[] = [];
  const jobs: Record<string, JobDefinition> = {};
  for (const [name, job] of Object.entries(JOBS) as [string, JobDefinition][]) {
    jobs[`${name}-${Math.random().toString(36).slice(2, 8)}`] = {
      ...job,
      run: async (_db, now) => {
        ran.push({ job: name, at: now });
        return { recorded: 1 };
      },
    };
  }
  const nameOf = (key: string) => key.replace(/-[a-z0-9]+$/, "");
  return { jobs, ran, nameOf };
}

// Real time, kept before any test fakes timers: PostgreSQL's answers arrive over a socket, in real time.
const realSetTimeout = globalThis.setTimeout;
const realSleep = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms));
/** Moves the fake clock in steps, letting the database answer in real time between them. */
async function advance(ms: number) {
  await realSleep(100);
  for (let done = 0; done < ms; done += 10_000) {
    await vi.advanceTimersByTimeAsync(10_000);
    await realSleep(30);
  }
}

async function tickEvery(step: number, from: string, to: string, run: (now: Date) => Promise<unknown>) {
  for (let t = Date.parse(from); t <= Date.parse(to); t += step) await run(new Date(t));
}

describe("the schedule, at Danish time", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs every job at its Danish time, once, across both daylight-saving changes", async () => {
    const { jobs, ran } = recordingJobs();
    // Spring: 2027-03-28 02:00 → 03:00. Autumn: 2027-10-31 03:00 → 02:00.
    for (const [from, to] of [
      ["2027-03-26T22:00:00Z", "2027-03-29T22:00:00Z"],
      ["2027-10-29T22:00:00Z", "2027-11-01T23:00:00Z"],
    ] as const) {
      await tickEvery(30 * MINUTE, from, to, (now) => runDueJobs(db, now, { jobs }));
      // The first tick caught up the slots before the window: not what is tested here.
      for (let i = ran.length - 1; i >= 0; i--) if (ran[i]!.at.getTime() === Date.parse(from)) ran.splice(i, 1);
    }
    const daily = (job: string) => ran.filter((r) => r.job === job).map((r) => danish(r.at));
    // A tick (every 30 minutes here, every minute in the app) runs a slot at the first tick at or after it.
    expect(daily("digest")).toEqual(["2027-03-27 07:00", "2027-03-28 07:00", "2027-03-29 07:00", "2027-10-30 07:00", "2027-10-31 07:00", "2027-11-01 07:00"]);
    expect(daily("retention")).toEqual(["2027-03-27 03:00", "2027-03-28 03:00", "2027-03-29 03:00", "2027-10-30 03:00", "2027-10-31 03:00", "2027-11-01 03:00"]);
    // 02:00 does not exist on 28 March: the backup runs once, when the clock has jumped (03:00);
    // 02:00 happens twice on 31 October: it runs at the first.
    expect(daily("backup")).toEqual(["2027-03-27 02:00", "2027-03-28 03:00", "2027-03-29 02:00", "2027-10-30 02:00", "2027-10-31 02:00", "2027-11-01 02:00"]);
    const autumn = ran.filter((r) => r.job === "backup" && danish(r.at).startsWith("2027-10-31"));
    expect(autumn.map((r) => r.at.toISOString())).toEqual(["2027-10-31T00:00:00.000Z"]);
    // Hourly: once per real hour, so the 23-hour and the 25-hour day get 23 and 25 runs.
    const hourlyOn = (day: string) => ran.filter((r) => r.job === "reminders" && danish(r.at).startsWith(day)).length;
    expect(hourlyOn("2027-03-28")).toBe(23);
    expect(hourlyOn("2027-10-31")).toBe(25);
    expect(hourlyOn("2027-03-27")).toBe(24);
  });

  it("catches a missed run up once when the server comes back, not once per missed day", async () => {
    const { jobs, ran } = recordingJobs();
    const digest = Object.keys(jobs).find((k) => k.startsWith("digest-"))!;
    await runDueJobs(db, new Date("2028-01-10T05:00:00Z"), { jobs }); // Monday 06:00: yesterday's digest (and the others) catch up
    const before = ran.filter((r) => r.job === "digest").length;
    // Down from Monday 06:00 until Thursday 10:00: three digests missed, one sent.
    await runDueJobs(db, new Date("2028-01-13T09:00:00Z"), { jobs });
    await runDueJobs(db, new Date("2028-01-13T09:05:00Z"), { jobs });
    const digests = ran.filter((r) => r.job === "digest");
    expect(digests.length - before).toBe(1);
    const slot = await db.selectFrom("jobRuns").select("slot").where("job", "=", digest).orderBy("slot", "desc").executeTakeFirstOrThrow();
    expect(slot.slot).toBe("2028-01-13T06:00:00.000Z");
  });

  it("SCHEDULER=off runs nothing; on, the minute tick runs what is due", async () => {
    expect(readEnv({ NODE_ENV: "test", SCHEDULER: "off" }).SCHEDULER).toBe("off");
    expect(readEnv({ NODE_ENV: "test" }).SCHEDULER).toBe("on");
    const { jobs, ran } = recordingJobs();
    vi.useFakeTimers({ now: new Date("2028-02-01T05:58:30Z"), toFake: ["setTimeout", "clearTimeout", "Date"] });
    expect(startScheduler(db, { enabled: false, jobs })).toBeNull();
    await advance(3 * MINUTE);
    expect(ran).toEqual([]);

    // The next morning, with the schedule on: at once the latest slot (yesterday's digest,
    // missed while it was off), then at 07:00 Danish time (06:00 UTC) today's, by the minute tick.
    vi.setSystemTime(new Date("2028-02-02T05:58:30Z"));
    const scheduler = startScheduler(db, { enabled: true, jobs })!;
    await advance(5 * MINUTE);
    scheduler.stop();
    vi.useRealTimers();
    const digest = Object.keys(jobs).find((k) => k.startsWith("digest-"))!;
    await vi.waitFor(async () => {
      const runs = await db.selectFrom("jobRuns").select(["slot", "startedAt"]).where("job", "=", digest).where("outcome", "=", "ok").orderBy("slot").execute();
      expect(runs.map((r) => r.slot)).toEqual(["2028-02-01T06:00:00.000Z", "2028-02-02T06:00:00.000Z"]);
      expect(runs[0]!.startedAt).toBe("2028-02-02T05:58:30.000Z");
      // The fake clock runs on while a slow database answers, and ticks never overlap, so the
      // minute tick that takes today's slot may be the 06:00 one or a later one; never an earlier.
      const lateBy = Date.parse(runs[1]!.startedAt) - Date.parse("2028-02-02T06:00:00.000Z");
      expect(lateBy).toBeGreaterThanOrEqual(0);
      expect(lateBy).toBeLessThan(3 * MINUTE);
    });
  });

  it("a run by hand writes the same row, and is refused while the job runs", async () => {
    const run = await runJobNow(db, "sweep", "command");
    expect(run).toMatchObject({ job: "sweep", trigger: "command", outcome: "ok", summary: JSON.stringify({ logins: 0 }) });
    expect(describeCounts(JOBS.sweep, { logins: 2 }, "en")).toBe("2 unfinished identity-provider logins removed");
    expect(describeCounts(JOBS.sweep, { logins: 2 }, "da")).toBe("2 halve logins fjernet");
    await db
      .insertInto("jobRuns")
      .values({
        job: "digest",
        slot: "manual:held",
        trigger: "manual",
        startedAt: new Date().toISOString(),
        finishedAt: null,
        outcome: "running",
        summary: null,
        error: null,
        startedBy: null,
      })
      .execute();
    expect(await runJobNow(db, "digest", "manual")).toBe("running");
    await db.deleteFrom("jobRuns").where("slot", "=", "manual:held").execute();
  });

  it("/healthz answers 503 naming a job that failed its last three runs or is overdue", async () => {
    const jobs: Record<string, JobDefinition> = {
      flaky: { label: "x", pattern: "0 * * * *", everyMs: 60 * MINUTE, run: async () => Promise.reject(new Error("gateway down")) },
    };
    const now = new Date("2028-03-01T12:00:00Z");
    for (const h of ["09", "10", "11"]) await runDueJobs(db, new Date(`2028-03-01T${h}:00:00Z`), { jobs });
    expect(await jobProblems(db, now, { jobs })).toEqual([{ job: "flaky", problem: "failing" }]);
    expect(await jobProblems(db, new Date("2028-03-01T14:00:01Z"), { jobs })).toEqual([{ job: "flaky", problem: "overdue" }]);
    const failed = await db.selectFrom("jobRuns").select(["outcome", "error"]).where("job", "=", "flaky").execute();
    expect(failed.every((r) => r.outcome === "failed" && r.error === "gateway down")).toBe(true);

    // The real health check, on the app's own jobs: three failed digests make it 503-worthy with the name.
    for (const h of [1, 2, 3]) {
      await db
        .insertInto("jobRuns")
        .values({
          job: "digest",
          slot: `test:${h}`,
          trigger: "schedule",
          startedAt: new Date(Date.now() - h * MINUTE).toISOString(),
          finishedAt: new Date().toISOString(),
          outcome: "failed",
          summary: null,
          error: "x",
          startedBy: null,
        })
        .execute();
    }
    const health = await checkHealth(db, { databaseFile: databasePath(), uploadsDir: process.env.UPLOADS_DIR! });
    expect(health.ok).toBe(false);
    expect(health.jobs).toContainEqual({ job: "digest", problem: "failing" });
    await db.deleteFrom("jobRuns").where("slot", "like", "test:%").execute();
  });
});

describe("exactly once across processes", () => {
  /** Three app processes: three connections (pools) to this test file's database. */
  const connections = (): Db[] => [0, 1, 2].map(() => (isPostgres(db) ? openPostgres(postgresUrl()!, { max: 2 }) : openDatabase(databasePath()).db));

  it("three schedulers over 50 ticks run each job once per slot; a holder that dies mid-run does not hold up the next slot", async () => {
    const schedulers = connections();
    const runs: { slot: string; by: number }[] = [];
    let hang = true;
    const jobsFor = (by: number): Record<string, JobDefinition> => ({
      often: {
        label: "x",
        pattern: "*/10 * * * *",
        everyMs: 10 * MINUTE,
        run: async (_db, now) => {
          // The first holder never finishes (its process is killed mid-run).
          if (hang && by === 0) {
            hang = false;
            runs.push({ slot: now.toISOString(), by });
            return new Promise<JobCounts>(() => {});
          }
          runs.push({ slot: now.toISOString(), by });
          return { done: 1 };
        },
      },
    });
    const start = Date.parse("2028-04-01T10:00:00Z");
    for (let i = 0; i < 50; i++) {
      const now = new Date(start + i * 5 * MINUTE);
      if (i === 0) {
        // The first to look takes the first slot and dies in it: its tick is never awaited.
        void runDueJobs(schedulers[0]!, now, { jobs: jobsFor(0) });
        await vi.waitFor(async () => expect(await db.selectFrom("jobRuns").select("id").where("job", "=", "often").executeTakeFirst()).toBeDefined());
        await Promise.all([1, 2].map((by) => runDueJobs(schedulers[by]!, now, { jobs: jobsFor(by) })));
      } else {
        // The three look at the same moment.
        await Promise.all(schedulers.map((s, by) => runDueJobs(s, now, { jobs: jobsFor(by) })));
      }
    }
    const rows = await db.selectFrom("jobRuns").select(["slot", "outcome"]).where("job", "=", "often").orderBy("slot").execute();
    // 50 ticks of 5 minutes from 10:00: slots every 10 minutes, 10:00 … 14:00.
    expect(rows.length).toBe(25);
    expect(new Set(rows.map((r) => r.slot)).size).toBe(25);
    expect(runs.length).toBe(25);
    expect(rows[0]!.outcome).toBe("running");
    expect(rows.slice(1).every((r) => r.outcome === "ok")).toBe(true);
    // Later, the dead holder's run reads as failed, not as running for ever.
    await runDueJobs(schedulers[1]!, new Date(start + ABANDONED_AFTER_MS + 60 * MINUTE), { jobs: jobsFor(1) });
    const first = await db.selectFrom("jobRuns").select(["outcome", "error"]).where("job", "=", "often").orderBy("slot").executeTakeFirstOrThrow();
    expect(first).toEqual({ outcome: "failed", error: "abandoned: the process running it stopped" });
    await Promise.all(schedulers.map((s) => s.destroy()));
  });
});

describe("slots", () => {
  it("the latest scheduled instant at or before now", () => {
    expect(dueSlot("0 7 * * *", new Date("2028-01-13T06:00:00Z"))?.toISOString()).toBe("2028-01-13T06:00:00.000Z");
    expect(dueSlot("0 7 * * *", new Date("2028-01-13T05:59:59Z"))?.toISOString()).toBe("2028-01-12T06:00:00.000Z");
  });
});

describe("the nightly backup", () => {
  it("writes a checked copy into the folder and keeps the newest few", async () => {
    if (isPostgres(db)) return; // PostgreSQL is backed up with pg_dump
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "refleks-backups-"));
    for (const day of ["01", "02", "03"]) await backupInto(dir, 2, new Date(`2028-05-${day}T00:00:00Z`));
    expect(fs.readdirSync(dir).sort()).toEqual(["refleks-2028-05-02T00-00.sqlite", "refleks-2028-05-03T00-00.sqlite"]);
    expect(listBackups(dir).map((b) => b.file)).toEqual(["refleks-2028-05-03T00-00.sqlite", "refleks-2028-05-02T00-00.sqlite"]);
  });
});
