import fs from "node:fs";
import path from "node:path";

import { runAlerts } from "~/alerts/alerts.server";
import { sweepOidcLogins } from "~/auth/oidc.server";
import { env } from "~/env.server";
import { sendReminders } from "~/events/notices.server";
import { sendDigests, sendSmsDigests } from "~/notifications/notifications.server";
import { closeExpiredOpenings } from "~/openings/openings.server";
import { runRetention } from "~/privacy/retention.server";
import { rateLimiter } from "~/security/rate-limit.server";

import { backupDatabase, verifyBackup } from "../../db/backup";
import { databasePath, type Db, isPostgres } from "../../db/kysely";

// The jobs the app runs on its own schedule (scheduler.server.ts), each at
// Danish time. `npm run reminders` and the others run the same functions by
// hand. A job returns what it did as counts (stored as JSON in job_runs): the
// log and `npm run …` say it in English, the Drift page in Danish.

/** What a run did: a count (or a file name) per thing. */
export type JobCounts = Record<string, number | string>;

export interface JobDefinition {
  /** Shown on the Drift page. */
  label: string;
  /** When, as cron in Europe/Copenhagen (croner). */
  pattern: string;
  /** How often it runs: a job not run for twice this long is overdue (/healthz). */
  everyMs: number;
  run: (db: Db, now: Date) => Promise<JobCounts>;
  /** Each count's words: [English, Danish]. */
  words?: Record<string, [string, string]>;
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
      const closed = await closeExpiredOpenings(db, now);
      const events = await sendReminders(db, now);
      const alerts = await runAlerts(db, now);
      return { closed, events, deadlines: alerts.deadlines, searches: alerts.searches, recommended: alerts.recommended };
    },
    words: {
      closed: ["openings closed at their deadline", "opslag lukket ved fristen"],
      events: ["event reminders", "påmindelser om arrangementer"],
      deadlines: ["deadline reminders", "påmindelser om frister"],
      searches: ["saved-search alerts", "nye fund til gemte søgninger"],
      recommended: ["recommended openings", "anbefalede job"],
    },
  },
  digest: {
    label: "Daglig samling (e-mail og sms)",
    pattern: "0 7 * * *",
    everyMs: DAY,
    run: async (db, now) => ({ emails: await sendDigests(db, now), sms: await sendSmsDigests(db, now) }),
    words: { emails: ["digest emails", "e-mails"], sms: ["digest SMS", "sms"] },
  },
  retention: {
    label: "Sletning af ubrugte konti",
    pattern: "0 3 * * *",
    everyMs: DAY,
    run: async (db, now) => {
      const r = await runRetention(db, { months: env.RETENTION_MONTHS, now });
      return { warned: r.warned, erased: r.erased, kept: r.kept };
    },
    words: { warned: ["warned", "advaret"], erased: ["erased", "slettet"], kept: ["used again and kept", "brugt igen og beholdt"] },
  },
  backup: {
    label: "Sikkerhedskopi",
    pattern: "0 2 * * *",
    everyMs: DAY,
    appliesTo: (db) => !isPostgres(db),
    run: async (_db, now) => backupInto(env.BACKUP_DIR, env.BACKUP_KEEP, now),
    words: { file: ["file", "fil"], megabytes: ["MB", "MB"], kept: ["copies kept", "kopier gemt"] },
  },
  sweep: {
    label: "Oprydning (login-forsøg og halve logins)",
    pattern: "30 * * * *",
    everyMs: HOUR,
    run: async (db, now) => {
      await rateLimiter.sweep(now.getTime(), { force: true });
      return { logins: await sweepOidcLogins(db, now) };
    },
    words: { logins: ["unfinished identity-provider logins removed", "halve logins fjernet"] },
  },
} satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** The jobs that apply to this database. */
export function jobsFor(db: Db): JobName[] {
  return JOB_NAMES.filter((name) => (JOBS[name] as JobDefinition).appliesTo?.(db) ?? true);
}

const BACKUP_FILE = /^refleks-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2})\.sqlite$/;

/** What a run did, in words: "3 digest emails, 1 digest SMS" / "3 e-mails, 1 sms". */
export function describeCounts(job: Pick<JobDefinition, "words">, counts: JobCounts, language: "en" | "da"): string {
  return Object.entries(counts)
    .map(([key, value]) => {
      const words = job.words?.[key]?.[language === "en" ? 0 : 1] ?? key;
      return typeof value === "string" ? `${words} ${value}` : `${value} ${words}`;
    })
    .join(", ");
}

/** A checked copy of the SQLite file into dir, keeping the newest `keep`. */
export async function backupInto(dir: string, keep: number, now: Date): Promise<JobCounts> {
  const target = path.join(dir, `refleks-${now.toISOString().slice(0, 16).replace(":", "-")}.sqlite`);
  await backupDatabase(databasePath(), target);
  verifyBackup(target);
  const copies = fs
    .readdirSync(dir)
    .filter((f) => BACKUP_FILE.test(f))
    .sort()
    .reverse();
  for (const old of copies.slice(keep)) fs.rmSync(path.join(dir, old), { force: true });
  return { file: path.basename(target), megabytes: Number((fs.statSync(target).size / 2 ** 20).toFixed(1)), kept: Math.min(copies.length, keep) };
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
