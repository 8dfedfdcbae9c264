import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { postgresTestUrl, prepareTemplate } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** SQLite: the migrated database every test file starts from a copy of. */
    sqliteTemplate: string;
  }
}

// Once per run, before any test file:
// - the production build, for the tests that start the real server (statements per page,
//   /metrics, two processes): built when missing or older than the app's sources, here and
//   only here, because two test files building at once would each load the other's half-written build;
// - the migrated template every test file's database is copied from (a SQLite
//   file, or a PostgreSQL database), so no file runs the migrations itself.
export default async function setup(project: TestProject): Promise<() => void> {
  // NODE_ENV is "test" here: a build made so would call React's development JSX runtime, which the production server lacks.
  if (buildIsStale()) execFileSync("node_modules/.bin/remix", ["build"], { stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
  const url = postgresTestUrl();
  if (url) await prepareTemplate(url);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "refleks-template-"));
  project.provide("sqliteTemplate", await prepareSqliteTemplate(path.join(dir, "template.sqlite")));
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

async function prepareSqliteTemplate(file: string): Promise<string> {
  const { openDatabase } = await import("../../db/kysely");
  const { prepareDatabase } = await import("../../db/prepare");
  const { sqlite, db } = openDatabase(file);
  await prepareDatabase(db);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.pragma("journal_mode = DELETE"); // one file to copy; each copy opens in WAL again
  await db.destroy();
  return file;
}

function buildIsStale(): boolean {
  const built = "build/index.js";
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  const newer = (dir: string): boolean =>
    fs.readdirSync(dir, { withFileTypes: true }).some((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? newer(p) : fs.statSync(p).mtimeMs > builtAt;
    });
  return newer("app") || newer("db");
}
