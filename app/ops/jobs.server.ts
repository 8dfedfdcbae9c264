import fs from "node:fs";
import path from "node:path";
import { backupDatabase, verifyBackup } from "../../db/backup";
import { databasePath, isPostgres, type Db } from "../../db/kysely";
import { runAlerts } from "~/alerts/alerts.server";
import { sweepOidcLogins } from "~/auth/oidc.server";
import { env } from "~/env.server";
import { sendReminders } from "~/events/notices.server";
import { sendDigests, sendSmsDigests } from "~/notifications/notifications.server";
import { runRetention } from "~/privacy/retention.server";
import { rateLimiter } from "~/security/rate-limit.server";

// The jobs the app runs on its own schedule (scheduler.server.ts), each at
// Danish time. `npm run reminders` and the others run the same functions by
// hand. A job returns what it did, in English, for the Drift page and the log.

export interface JobDefinition {
  /** Shown on the Drift page. */
  label: string;
  /** When, as cron in Europe/Copenhagen (croner). */
  pattern: string;
  /** How often it runs: a job not run for twice this long is overdue (/healthz). */
  everyMs: number;
  run: (db: Db, now: Date) => Promise<string>;
  /** Only where it applies (the file backup is SQLite's; PostgreSQL has pg_dump). */
  appliesTo?: (db: Db) => boolean;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const JOBS = {
  reminders: {
    label: "Påmindelser og nyheder",
    pattern: "0 * * * *",
    everyMs: HOUR,
    run: async (db, now) => {
      const events = await sendReminders(db, now);
      const alerts = await runAlerts(db, now);
      return `${events} event reminders, ${alerts.deadlines} deadline reminders, ${alerts.searches} saved-search alerts, ${alerts.recommended} recommended openings`;
    },
  },
  digest: {
    label: "Daglig samling (e-mail og sms)",
    pattern: "0 7 * * *",
    everyMs: DAY,
    run: async (db, now) => `${await sendDigests(db, now)} digest emails, ${await sendSmsDigests(db, now)} digest SMS`,
  },
  retention: {
    label: "Sletning af ubrugte konti",
    pattern: "0 3 * * *",
    everyMs: DAY,
    run: async (db, now) => {
      const r = await runRetention(db, { months: env.RETENTION_MONTHS, now });
      return `${r.warned} warned, ${r.erased} erased, ${r.kept} used again and kept`;
    },
  },
  backup: {
    label: "Sikkerhedskopi",
    pattern: "0 2 * * *",
    everyMs: DAY,
    appliesTo: (db) => !isPostgres(db),
    run: async (_db, now) => backupInto(env.BACKUP_DIR, env.BACKUP_KEEP, now),
  },
  sweep: {
    label: "Oprydning (login-forsøg og halve logins)",
    pattern: "30 * * * *",
    everyMs: HOUR,
    run: async (db, now) => {
      await rateLimiter.sweep(now.getTime(), { force: true });
      const logins = await sweepOidcLogins(db, now);
      return `expired rate-limit hits removed, ${logins} unfinished identity-provider logins removed`;
    },
  },
} satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** The jobs that apply to this database. */
export function jobsFor(db: Db): JobName[] {
  return JOB_NAMES.filter((name) => (JOBS[name] as JobDefinition).appliesTo?.(db) ?? true);
}

const BACKUP_FILE = /^refleks-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2})\.sqlite$/;

/** A checked copy of the SQLite file into dir, keeping the newest `keep`. */
export async function backupInto(dir: string, keep: number, now: Date): Promise<string> {
  const target = path.join(dir, `refleks-${now.toISOString().slice(0, 16).replace(":", "-")}.sqlite`);
  await backupDatabase(databasePath(), target);
  verifyBackup(target);
  const copies = fs
    .readdirSync(dir)
    .filter((f) => BACKUP_FILE.test(f))
    .sort()
    .reverse();
  for (const old of copies.slice(keep)) fs.rmSync(path.join(dir, old), { force: true });
  return `${path.basename(target)} (${(fs.statSync(target).size / 2 ** 20).toFixed(1)} MB), checked; ${Math.min(copies.length, keep)} kept`;
}

/** The backups in dir, newest first (the Drift page). */
export function listBackups(dir: string): { file: string; bytes: number; at: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => BACKUP_FILE.test(f))
    .sort()
    .reverse()
    .map((file) => {
      const stat = fs.statSync(path.join(dir, file));
      return { file, bytes: stat.size, at: stat.mtime.toISOString() };
    });
}
