import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { CamelCasePlugin, CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type SqliteDialectConfig } from "kysely";
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
    dialect: new ImmediateSqliteDialect({ database: sqlite }),
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
 * Every transaction takes the write lock when it begins (BEGIN IMMEDIATE), not
 * at its first write. The app has more than one connection (reader threads,
 * the email worker), and a transaction that read and then tried to write after
 * another connection had written failed at once with "database is locked";
 * one that waits for the lock first waits (busy_timeout) and then sees the latest rows.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.#config);
  }
}
