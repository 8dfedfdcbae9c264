import { AsyncLocalStorage } from "node:async_hooks";

import type { LogEvent } from "kysely";

// How many SQL statements a request sends, and how long they take: counted by
// kysely's log hook into the request's own context (server.ts starts one per
// request). For `npm run bench` and for anyone reading the Server-Timing
// header with SERVER_TIMING=true; nothing is kept beyond the request.

export interface QueryStats {
  statements: number;
  ms: number;
}

// One store per process: server.ts and the Remix server bundle each carry a copy of this module.
const KEY = Symbol.for("refleks.query-stats");
const shared = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<QueryStats> };
const current = (shared[KEY] ??= new AsyncLocalStorage<QueryStats>());

/** Runs fn with a fresh count; everything fn starts (awaits included) counts into it. */
export function countingQueries<T>(stats: QueryStats, fn: () => T): T {
  return current.run(stats, fn);
}

// Listeners of every statement's time, in or out of a request (the metrics' histogram).
const LISTENERS = Symbol.for("refleks.query-listeners");
const held = globalThis as typeof globalThis & { [LISTENERS]?: ((ms: number) => void)[] };
const listeners = (held[LISTENERS] ??= []);

/** Calls listener with each statement's time in ms. */
export function onQuery(listener: (ms: number) => void): void {
  listeners.push(listener);
}

/** kysely's `log` option: adds each statement (and its time) to the running request's count. */
export function logQueryStats(event: LogEvent): void {
  for (const listener of listeners) listener(event.queryDurationMillis);
  const stats = current.getStore();
  if (!stats) return;
  stats.statements++;
  stats.ms += event.queryDurationMillis;
  if (TRACE) process.stderr.write(`sql ${event.queryDurationMillis.toFixed(1)} ms: ${event.query.sql.replace(/\s+/g, " ").slice(0, 160)}\n`);
}

/** SQL_TRACE=true (with SERVER_TIMING) writes each counted statement to stderr: to see what a page sends. */
const TRACE = process.env.SQL_TRACE === "true";
