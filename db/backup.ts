import fs from "node:fs";
import path from "node:path";

import SQLite from "better-sqlite3";

/**
 * A consistent online copy of the live database, taken with SQLite's backup
 * API while the app keeps writing (a plain file copy misses what is still in
 * the WAL). Reports progress as pages copied.
 */
export async function backupDatabase(source: string, target: string, onProgress?: (done: number, total: number) => void): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  if (fs.existsSync(target)) throw new Error(`${target} exists already. Choose a new file name.`);
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    // Steps of ~4 MB show progress; but a write by another connection restarts
    // the copy, so once that happens the rest goes in one step (one read
    // snapshot: WAL lets the app keep writing meanwhile).
    let lastRemaining = Number.POSITIVE_INFINITY;
    let oneGo = false;
    let total = 0;
    await db.backup(target, {
      progress({ totalPages, remainingPages }) {
        if (remainingPages > lastRemaining) oneGo = true;
        lastRemaining = remainingPages;
        total = totalPages;
        onProgress?.(totalPages - remainingPages, totalPages);
        return oneGo ? Math.max(totalPages, 1) : 1000;
      },
    });
    onProgress?.(total, total);
  } finally {
    db.close();
  }
  // One self-contained file: the copy keeps the live database's WAL mode, which leaves side
  // files (-wal, -shm) beside it whenever it is opened, even to check it.
  const copy = new SQLite(target);
  copy.pragma("journal_mode = DELETE");
  copy.close();
}

/** Checks that a file is an intact SQLite database with our migrations table. */
export function verifyBackup(file: string): void {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`${file} is damaged: ${String(result)}`);
    db.prepare("select count(*) from kysely_migration").get();
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the database. The caller makes sure the server is
 * not running. The current database is kept beside it as `.before-restore`.
 */
export function restoreDatabase(backup: string, target: string): string | null {
  verifyBackup(backup);
  let kept: string | null = null;
  if (fs.existsSync(target)) {
    kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    // Fold the WAL in first, so the kept copy is whole.
    const current = new SQLite(target);
    current.pragma("wal_checkpoint(TRUNCATE)");
    current.close();
    fs.renameSync(target, kept);
  }
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.copyFileSync(backup, target);
  return kept;
}
