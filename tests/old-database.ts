import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { Migrator } from "kysely";

import { type Db, openDatabase } from "../db/kysely";
import { migrations } from "../db/migrations/index";

/**
 * A SQLite database migrated only up to `version`, for a test of what a later
 * migration does to rows stored before it: `fill` stores them, `migrate` runs
 * the rest (its error, if any). Removed afterwards.
 */
export async function withOldDatabase(version: string, test: (old: Db, migrate: () => Promise<unknown>) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "refleks-old-"));
  const { db: old } = openDatabase(path.join(dir, "old.sqlite"));
  try {
    const migrator = new Migrator({ db: old, provider: { getMigrations: async () => migrations } });
    const reached = await migrator.migrateTo(version);
    if (reached.error) throw reached.error;
    await test(old, async () => (await migrator.migrateToLatest()).error);
  } finally {
    await old.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
