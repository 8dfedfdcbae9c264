import { randomBytes } from "node:crypto";

import { Cron } from "croner";

import { runNewsAlerts } from "~/alerts/alerts.server";
import { logError, logInfo } from "~/ops/log.server";
import { takeNews } from "~/ops/news.server";

import type { Db } from "../../db/kysely";
import type { JobRun, JobTrigger } from "../../db/schema";
import { describeCounts, type JobDefinition, type JobName, JOBS, jobsFor } from "./jobs.server";

// The app's own schedule (docs/decisions/019). Every minute each
// process looks at each job's latest scheduled instant (its slot, at Danish
// time, computed by croner) and tries to claim it by inserting the (job, slot)
// row of job_runs: the unique key lets exactly one process have each slot,
// on SQLite and on PostgreSQL alike. A slot missed while the server was down is
// the latest one when it comes back, so it runs once, not once per missed day.

export const TIMEZONE = "Europe/Copenhagen";
const MINUTE = 60_000;
/** A run still "running" after this long belongs to a process that stopped: it is marked failed. */
export const ABANDONED_AFTER_MS = 6 * 60 * MINUTE;
/** How far back a missed slot is still caught up. */
const LOOKBACK_MS = 2 * 24 * 60 * MINUTE;

type Jobs = Record<string, JobDefinition>;

function cronOf(pattern: string): Cron {
  return new Cron(pattern, { timezone: TIMEZONE, paused: true });
}

/** The latest scheduled instant at or before now (null: none in the last two days). */
export function dueSlot(pattern: string, now: Date): Date | null {
  const cron = cronOf(pattern);
  let latest: Date | null = null;
  // Start a millisecond back so an instant exactly at the lookback edge is not lost.
  for (let t = cron.nextRun(new Date(now.getTime() - LOOKBACK_MS - 1)); t && t <= now; t = cron.nextRun(t)) latest = t;
  return latest;
}

/** The next scheduled instant after now. */
export function nextSlot(pattern: string, now: Date): Date | null {
  return cronOf(pattern).nextRun(now);
}

/** Inserts the run's row; undefined when another process (or an earlier tick) has that slot. */
async function claim(db: Db, job: string, slot: string, trigger: JobTrigger, now: Date, startedBy: string | null = null): Promise<number | undefined> {
  const row = await db
    .insertInto("jobRuns")
    .values({ job, slot, trigger, startedAt: now.toISOString(), finishedAt: null, outcome: "running", summary: null, error: null, startedBy })
    .onConflict((oc) => oc.columns(["job", "slot"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

async function execute(db: Db, id: number, name: string, job: JobDefinition, now: Date, clock: () => Date): Promise<void> {
  try {
    const counts = await job.run(db, now);
    await db
      .updateTable("jobRuns")
      .set({ outcome: "ok", finishedAt: clock().toISOString(), summary: JSON.stringify(counts) })
      .where("id", "=", id)
      .execute();
    logInfo("job finished", { job: name, summary: describeCounts(job, counts, "en") });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .updateTable("jobRuns")
      .set({ outcome: "failed", finishedAt: clock().toISOString(), error: message.slice(0, 2000) })
      .where("id", "=", id)
      .execute();
    logError("job failed", error, { job: name });
  }
}

/** Marks runs whose process stopped mid-run as failed, so they do not read as running for ever. */
async function markAbandoned(db: Db, now: Date): Promise<void> {
  await db
    .updateTable("jobRuns")
    .set({ outcome: "failed", finishedAt: now.toISOString(), error: "abandoned: the process running it stopped" })
    .where("outcome", "=", "running")
    .where("startedAt", "<", new Date(now.getTime() - ABANDONED_AFTER_MS).toISOString())
    .execute();
}

export interface TickOptions {
  /** The job definitions (tests give their own). */
  jobs?: Jobs;
  /** Which of them apply here (default: those for this database). */
  names?: string[];
  clock?: () => Date;
}

/** One look at the schedule: claims and runs every job whose latest slot nobody has. Returns the slots this call ran. */
export async function runDueJobs(db: Db, now: Date, options: TickOptions = {}): Promise<{ job: string; slot: string }[]> {
  const jobs = options.jobs ?? (JOBS as Jobs);
  const names = options.names ?? (options.jobs ? Object.keys(jobs) : jobsFor(db));
  const clock = options.clock ?? (() => new Date());
  await markAbandoned(db, now);
  const ran: { job: string; slot: string }[] = [];
  await Promise.all(
    names.map(async (name) => {
      const job = jobs[name]!;
      const slot = dueSlot(job.pattern, now);
      if (!slot) return;
      const id = await claim(db, name, slot.toISOString(), "schedule", now);
      if (id === undefined) return;
      ran.push({ job: name, slot: slot.toISOString() });
      await execute(db, id, name, job, now, clock);
    }),
  );
  return ran;
}

/** A run by hand ("Kør nu", `npm run …`): refused while the same job runs. */
export async function runJobNow(db: Db, name: JobName, trigger: Exclude<JobTrigger, "schedule">, startedBy: string | null = null, now = new Date()): Promise<JobRun | "running"> {
  await markAbandoned(db, now);
  const running = await db.selectFrom("jobRuns").select("id").where("job", "=", name).where("outcome", "=", "running").executeTakeFirst();
  if (running) return "running";
  const id = await claim(db, name, `${trigger}:${now.toISOString()}:${randomBytes(4).toString("hex")}`, trigger, now, startedBy);
  if (id === undefined) return "running";
  await execute(db, id, name, JOBS[name], now, () => new Date());
  return db.selectFrom("jobRuns").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

/** The alerts for the news announced in this process since the last tick (none: nothing runs). */
export async function alertOnNews(db: Db, now = new Date()): Promise<void> {
  const news = takeNews();
  if (news.size > 0) await runNewsAlerts(db, news, now);
}

export interface Scheduler {
  stop: () => void;
}

/**
 * Starts the schedule in this process: a look every minute (croner keeps the
 * time; ticks never overlap), and one at once to catch up what was missed
 * while the server was down. SCHEDULER=off starts nothing (operators who keep cron).
 */
export function startScheduler(db: Db, { enabled, jobs }: { enabled: boolean; jobs?: Jobs }): Scheduler | null {
  if (!enabled) return null;
  const tick = async (): Promise<void> => {
    try {
      await runDueJobs(db, new Date(), { jobs });
      await alertOnNews(db);
    } catch (error) {
      logError("scheduler tick failed", error);
    }
  };
  const cron = new Cron("* * * * *", { timezone: TIMEZONE, protect: true }, tick);
  void tick();
  return { stop: () => cron.stop() };
}

export interface JobProblem {
  job: string;
  problem: "overdue" | "failing";
}

/** For /healthz: a job not run for twice its interval, or whose last three runs failed. A job never run is not judged. */
export async function jobProblems(db: Db, now = new Date(), options: { jobs?: Jobs; names?: string[] } = {}): Promise<JobProblem[]> {
  const jobs = options.jobs ?? (JOBS as Jobs);
  const names = options.names ?? (options.jobs ? Object.keys(jobs) : jobsFor(db));
  const problems: JobProblem[] = [];
  for (const name of names) {
    const recent = await db.selectFrom("jobRuns").select(["startedAt", "outcome"]).where("job", "=", name).orderBy("startedAt", "desc").orderBy("id", "desc").limit(3).execute();
    if (recent.length === 0) continue;
    if (Date.parse(recent[0]!.startedAt) < now.getTime() - 2 * jobs[name]!.everyMs) problems.push({ job: name, problem: "overdue" });
    else if (recent.length === 3 && recent.every((r) => r.outcome === "failed")) problems.push({ job: name, problem: "failing" });
  }
  return problems;
}
