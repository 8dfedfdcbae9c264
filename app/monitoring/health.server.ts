import fs from "node:fs";
import path from "node:path";

import { sql } from "kysely";

import { type JobProblem, jobProblems } from "~/schedule/scheduler.server";

import type { Db } from "../../db/kysely";
import { migrationsFor } from "../../db/migrations/index";

export interface Health {
  ok: boolean;
  checks: { database: boolean; migrations: boolean; dataDirectory: boolean; uploadsDirectory: boolean };
  /** Scheduled jobs that are overdue or failed their last three runs (by name; no personal data). */
  jobs: JobProblem[];
}

function writable(dir: string): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.healthz-${process.pid}`);
    fs.writeFileSync(probe, "ok");
    fs.rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

/** GET /healthz: the database answers, every migration has run, the data folders take writes. No personal data. */
export async function checkHealth(db: Db, { databaseFile, uploadsDir }: { databaseFile: string; uploadsDir: string }): Promise<Health> {
  let database = false;
  let migrationsCurrent = false;
  try {
    await sql`select 1`.execute(db);
    database = true;
    const done = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const names = new Set(done.rows.map((r) => r.name));
    migrationsCurrent = Object.keys(migrationsFor(db)).every((m) => names.has(m));
  } catch {
    // reported as false
  }
  const checks = {
    database,
    migrations: migrationsCurrent,
    dataDirectory: writable(path.dirname(path.resolve(databaseFile))),
    uploadsDirectory: writable(uploadsDir),
  };
  const jobs = database && migrationsCurrent ? await jobProblems(db).catch(() => []) : [];
  return { ok: Object.values(checks).every(Boolean) && jobs.length === 0, checks, jobs };
}
