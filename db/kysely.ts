import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from "kysely";
import type { Database } from "./schema";

export type Db = Kysely<Database>;

/** Opens the SQLite file the way the whole app expects it: WAL, foreign keys, a busy timeout. */
export function openDatabase(file: string): { sqlite: SQLite.Database; db: Db } {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // Each connection (the app's and every reader thread's) keeps up to 64 MiB of pages, and reads
  // the file through a memory map: a large municipality's indexes then stay in memory between requests.
  sqlite.pragma("cache_size = -65536");
  sqlite.pragma("mmap_size = 268435456");
  // Deleted rows are overwritten, not left in free pages: erasure means erased.
  sqlite.pragma("secure_delete = ON");
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  return { sqlite, db };
}

export function databasePath(): string {
  return process.env.DATABASE_PATH || "./data/app.sqlite";
}

/** Where the running server writes its pid, beside the database, so `npm run restore` can refuse while it runs. */
export function serverPidFile(file = databasePath()): string {
  return path.join(path.dirname(path.resolve(file)), "server.pid");
}

/** Runs fn in a transaction, or inside the caller's when db already is one (kysely does not nest). */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * A transaction that reads and then writes from a connection beside others
 * (the reader threads keep statistics caches): it takes the write lock at the
 * start (BEGIN IMMEDIATE), so what it read cannot change before it writes, and
 * it waits (busy_timeout) instead of failing when another connection writes.
 */
export async function inWriteTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}
