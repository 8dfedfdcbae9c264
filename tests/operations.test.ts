import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";

import { checkHealth } from "~/monitoring/health.server";

import { backupDatabase, restoreDatabase } from "../db/backup";
import { db } from "../db/client.server";
import { openDatabase, serverPidFile } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";

// Operating it: backups taken while the app writes, restore, health check.

const run = promisify(execFile);

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "refleks-ops-"));
}

describe("backup and restore", () => {
  it("a backup taken while another connection keeps inserting holds every row committed before it began", async () => {
    const dir = tempDir();
    const live = path.join(dir, "live.sqlite");
    const opened = openDatabase(live);
    await prepareDatabase(opened.db);
    opened.sqlite.exec("create table if not exists ops_probe (id integer primary key, note text)");
    const insert = opened.sqlite.prepare("insert into ops_probe (note) values (?)");
    for (let i = 0; i < 20_000; i++) insert.run(`før ${i} ${"x".repeat(50)}`);

    // A second connection keeps writing during the whole backup.
    const writer = new SQLite(live);
    const writeMore = writer.prepare("insert into ops_probe (note) values (?)");
    let writing = true;
    let during = 0;
    const loop = (async () => {
      while (writing) {
        writeMore.run(`under ${during++}`);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const committedBefore = (opened.sqlite.prepare("select max(id) as m from ops_probe").get() as { m: number }).m;
    const progress: number[] = [];
    await backupDatabase(live, path.join(dir, "backup.sqlite"), (done, total) => progress.push(done / total));
    writing = false;
    await loop;
    writer.close();
    expect(during).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);

    const restored = path.join(dir, "restored.sqlite");
    restoreDatabase(path.join(dir, "backup.sqlite"), restored);
    const check = new SQLite(restored, { readonly: true });
    const { n, m } = check.prepare("select count(*) as n, max(id) as m from ops_probe where id <= ?").get(committedBefore) as { n: number; m: number };
    check.close();
    expect(n).toBe(committedBefore);
    expect(m).toBe(committedBefore);
    await opened.db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("npm run restore refuses while the server runs", async () => {
    // About the SQLite file, also when the suite runs on PostgreSQL (pg_dump does this there).
    const dir = tempDir();
    const file = path.join(dir, "app.sqlite");
    const opened = openDatabase(file);
    await prepareDatabase(opened.db);
    await opened.db.destroy();
    await backupDatabase(file, path.join(dir, "copy.sqlite"));
    // This test process plays the running server.
    fs.writeFileSync(serverPidFile(file), String(process.pid));
    const refused = await run("node_modules/.bin/tsx", ["scripts/restore.ts", path.join(dir, "copy.sqlite")], {
      env: { ...process.env, DATABASE_PATH: file, DATABASE_URL: "" },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((refused as { code: number }).code).toBe(1);
    expect((refused as { stderr: string }).stderr).toMatch(/The server is running/);
    fs.rmSync(serverPidFile(file));
    const ok = await run("node_modules/.bin/tsx", ["scripts/restore.ts", path.join(dir, "copy.sqlite")], { env: { ...process.env, DATABASE_PATH: file, DATABASE_URL: "" } });
    expect(ok.stdout).toMatch(/is restored/);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe("GET /healthz", () => {
  it("is ok with the database answering, migrations current and folders writable; not when a migration is missing", async () => {
    const good = await checkHealth(db, { databaseFile: process.env.DATABASE_PATH!, uploadsDir: process.env.UPLOADS_DIR! });
    expect(good).toEqual({ ok: true, checks: { database: true, migrations: true, dataDirectory: true, uploadsDirectory: true }, jobs: [] });
    expect(JSON.stringify(good)).not.toMatch(/@|name/);

    const dir = tempDir();
    const behind = openDatabase(path.join(dir, "behind.sqlite"));
    await prepareDatabase(behind.db);
    behind.sqlite.exec("delete from kysely_migration where name = (select max(name) from kysely_migration)");
    const bad = await checkHealth(behind.db, { databaseFile: path.join(dir, "behind.sqlite"), uploadsDir: path.join(dir, "uploads") });
    expect(bad.ok).toBe(false);
    expect(bad.checks.migrations).toBe(false);
    await behind.db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
