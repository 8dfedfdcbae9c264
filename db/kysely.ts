import fs from "node:fs";
import path from "node:path";

import SQLite from "better-sqlite3";
import {
  CamelCasePlugin,
  CompiledQuery,
  type DatabaseConnection,
  HandleEmptyInListsPlugin,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  type PostgresDialectConfig,
  PostgresDriver,
  replaceWithNoncontingentExpression,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type TransactionSettings,
} from "kysely";
import pg from "pg";

import { logQueryStats } from "./query-stats";
import type { Database } from "./schema";

export type Db = Kysely<Database>;

/**
 * The PostgreSQL server the app uses instead of its SQLite file, when
 * DATABASE_URL names one (postgres://…); SQLite stays the default.
 */
export function postgresUrl(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

/** The app's database as configured: PostgreSQL when DATABASE_URL says so, else the SQLite file. */
export function openAppDatabase(): Db {
  const url = postgresUrl();
  return url ? openPostgres(url) : openDatabase(databasePath()).db;
}

/** Where the app's data lives, for messages: the SQLite file, or the PostgreSQL database without its password. */
export function databaseLabel(): string {
  const url = postgresUrl();
  if (!url) return databasePath();
  const u = new URL(url);
  u.password = "";
  return u.toString();
}

/** True when db talks to PostgreSQL: the few places SQL differs branch on it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

// Counts and sums arrive from PostgreSQL as bigint/numeric, which pg hands over
// as strings; every number the app stores fits a double, as in SQLite.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** A pool of connections to PostgreSQL, with the same plugins as SQLite. */
export function openPostgres(url: string, { max = Number(process.env.DATABASE_POOL_SIZE ?? 10) } = {}): Db {
  // The app's queries are short and many run at once: JIT compiles each heavy one anew (10-15 ms),
  // and parallel workers cost more to start than they save where Node and PostgreSQL share a few
  // cores (the job search took 57 ms with them, 32 without). See docs/decisions/018.
  const pool = new pg.Pool({ connectionString: url, max, options: "-c jit=off -c max_parallel_workers_per_gather=0" });
  // An idle connection the server drops must not take the process down.
  pool.on("error", () => {});
  return new Kysely<Database>({ dialect: new SerialPostgresDialect({ pool }), plugins: plugins(), log: logQueryStats });
}

/**
 * The same on both databases: snake_case columns read as camelCase, and
 * `x in ()` (an empty list, which SQLite accepts and PostgreSQL calls a
 * syntax error) written as a plain false, `not in ()` as true.
 */
function plugins() {
  return [new CamelCasePlugin(), new HandleEmptyInListsPlugin({ strategy: replaceWithNoncontingentExpression })];
}

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
    plugins: plugins(),
    log: logQueryStats,
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
  return db.isTransaction ? fn(db) : transactionThenAfterCommit(db, fn);
}

type AfterCommit = (db: Db) => Promise<unknown>;
/** The work each open transaction (started by inTransaction) leaves for after its commit. */
const afterCommitWork = new WeakMap<Db, AfterCommit[]>();

async function transactionThenAfterCommit<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  const work: AfterCommit[] = [];
  const result = await db.transaction().execute((trx) => {
    afterCommitWork.set(trx, work);
    return fn(trx);
  });
  for (const task of work) await task(db);
  return result;
}

/**
 * Runs `task` once the change `db` is part of has committed, against the
 * database outside the transaction; at once when `db` is not in a transaction.
 * Sending what a change queued (an email, an SMS) belongs here: a change that
 * is rolled back sends nothing, and no write lock is held over the network.
 * The task handles its own failures (the email queue retries).
 */
export async function afterCommit(db: Db, task: AfterCommit): Promise<void> {
  const work = db.isTransaction ? afterCommitWork.get(db) : undefined;
  if (work) work.push(task);
  else await task(db);
}

/**
 * Runs one statement that counts and writes (a free place taken) as one step
 * with respect to every other writer. On SQLite a statement is that already,
 * and a transaction around it would make one in-process connection wait
 * synchronously for another; on PostgreSQL it runs in a transaction holding
 * the write lock, so it counts what the writer before it wrote.
 */
export function asOneStep<T>(db: Db, statement: (db: Db) => Promise<T>): Promise<T> {
  return isPostgres(db) ? inTransaction(db, statement) : statement(db);
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

/**
 * On PostgreSQL too, write transactions run one at a time, as they do on
 * SQLite: each takes the same transaction-scoped advisory lock when it
 * begins. The domain code checks and then writes inside a transaction (an
 * event's free places, one pending contact request, …); under PostgreSQL's
 * default READ COMMITTED two such transactions could both pass the check.
 * Reads outside transactions, the bulk of the work, still run side by side.
 * The lock is per database, so municipalities sharing a server do not wait
 * for each other. See docs/decisions/012.
 */
const WRITE_LOCK = 0x5245464c; // "REFL"

class SerialPostgresDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await super.beginTransaction(connection, settings);
    await connection.executeQuery(CompiledQuery.raw(`select pg_advisory_xact_lock(${WRITE_LOCK})`));
  }
}

class SerialPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;
  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver() {
    return new SerialPostgresDriver(this.#config);
  }
}
