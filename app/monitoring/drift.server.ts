import fs from "node:fs";

import { sql } from "kysely";

import { writeAudit } from "~/audit/audit.server";
import { outgoingQueues } from "~/email/email.server";
import { env } from "~/env.server";
import { describeCounts, type JobCounts, type JobDefinition, type JobName, JOBS, jobsFor, listBackups } from "~/schedule/jobs.server";
import { nextSlot, runJobNow } from "~/schedule/scheduler.server";

import { databasePath, type Db, isPostgres } from "../../db/kysely";
import type { JobOutcome } from "../../db/schema";

// "Drift" (/drift, admins): the schedule and its runs, the outgoing queues,
// the backups and the database, in one read. No personal data: runs say what
// they did in counts, queues in numbers and ages.

export interface JobStatus {
  name: JobName;
  label: string;
  when: string;
  last: { startedAt: string; finishedAt: string | null; outcome: JobOutcome; summary: string | null; error: string | null; trigger: string } | null;
  next: string | null;
  running: boolean;
}

export interface Operations {
  scheduler: boolean;
  jobs: JobStatus[];
  failures: { job: string; label: string; startedAt: string; error: string | null }[];
  queues: { channel: "email" | "sms"; waiting: number; oldest: string | null }[];
  backups: { file: string; bytes: number; at: string }[] | null;
  database: { kind: "SQLite" | "PostgreSQL"; bytes: number; schema: string };
}

/** Cron pattern as Danish words, for the patterns the jobs use. */
export function describeTimes(pattern: string): string {
  const [minute, hour] = pattern.split(" ");
  if (hour === "*") return minute === "0" ? "hver hele time" : `hver time, ${minute} minutter over`;
  return `hver dag kl. ${hour!.padStart(2, "0")}.${minute!.padStart(2, "0")}`;
}

export async function loadOperations(db: Db, now = new Date()): Promise<Operations> {
  const names = jobsFor(db);
  const jobs: JobStatus[] = [];
  for (const name of names) {
    const job: JobDefinition = JOBS[name];
    const last = await db
      .selectFrom("jobRuns")
      .select(["startedAt", "finishedAt", "outcome", "summary", "error", "trigger"])
      .where("job", "=", name)
      .orderBy("startedAt", "desc")
      .orderBy("id", "desc")
      .executeTakeFirst();
    jobs.push({
      name,
      label: job.label,
      when: describeTimes(job.pattern),
      last: last ? { ...last, summary: inDanish(job, last.summary) } : null,
      next: env.SCHEDULER === "off" ? null : (nextSlot(job.pattern, now)?.toISOString() ?? null),
      running: last?.outcome === "running",
    });
  }
  const failures = await db.selectFrom("jobRuns").select(["job", "startedAt", "error"]).where("outcome", "=", "failed").orderBy("startedAt", "desc").limit(10).execute();
  const queues = await outgoingQueues(db);
  const schema = await sql<{ name: string }>`select max(name) as name from kysely_migration`.execute(db);
  const postgres = isPostgres(db);
  const bytes = postgres ? Number((await sql<{ n: number }>`select pg_database_size(current_database()) as n`.execute(db)).rows[0]!.n) : fileBytes(databasePath());
  return {
    scheduler: env.SCHEDULER !== "off",
    jobs,
    failures: failures.map((f) => ({ ...f, label: (JOBS as Record<string, JobDefinition>)[f.job]?.label ?? f.job })),
    queues,
    backups: postgres ? null : listBackups(env.BACKUP_DIR),
    database: { kind: postgres ? "PostgreSQL" : "SQLite", bytes, schema: schema.rows[0]?.name ?? "" },
  };
}

/** The stored counts in Danish words ("3 e-mails, 1 sms"). */
function inDanish(job: JobDefinition, summary: string | null): string | null {
  if (summary === null) return null;
  try {
    return describeCounts(job, JSON.parse(summary) as JobCounts, "da");
  } catch {
    return null;
  }
}

function fileBytes(file: string): number {
  return ["", "-wal"].reduce((n, suffix) => n + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0), 0);
}

/** "Kør nu": the job by hand, written to the audit log with the admin; refused while it runs. */
export async function runJobByAdmin(db: Db, name: JobName, adminId: string): Promise<"ok" | "failed" | "running"> {
  const run = await runJobNow(db, name, "manual", adminId);
  if (run === "running") return "running";
  await writeAudit(db, { actorId: adminId, action: "job_run_by_hand", subjectUserId: null });
  return run.outcome === "ok" ? "ok" : "failed";
}

export function isJobName(db: Db, value: string): value is JobName {
  return (jobsFor(db) as string[]).includes(value);
}
