import { EventEmitter } from "node:events";

import { sql } from "kysely";
import pg from "pg";

import { logError } from "~/ops/log.server";

import { type Db, isPostgres, postgresUrl } from "../../db/kysely";

// New messages and reads, announced so open "Beskeder" streams
// (routes/beskeder_.live.ts) update at once. On SQLite one server process
// serves a municipality: an in-process event. On PostgreSQL every app process
// hears every other through NOTIFY/LISTEN, sent when the writing transaction
// commits. The streams also look every half minute, which catches anything else.
const CHANNEL = "refleks_messages";
const bus = new EventEmitter();
bus.setMaxListeners(0);

/** Tells every open stream (in every process) that a thread changed. */
export async function announceMessage(db: Db, threadId: number): Promise<void> {
  if (isPostgres(db)) await sql`select pg_notify(${CHANNEL}, ${String(threadId)})`.execute(db);
  else bus.emit("message", threadId);
}

/**
 * Subscribes to announcements. `ready` settles once this process hears other
 * processes (at once on SQLite), so a stream that reads its first count after
 * it misses nothing announced in between.
 */
export function onMessage(listener: (threadId: number) => void): { ready: Promise<void>; stop: () => void } {
  const ready = listenToOtherProcesses();
  bus.on("message", listener);
  return { ready, stop: () => bus.off("message", listener) };
}

let listening: Promise<void> | null = null;
let retryMs = 1_000;
const MAX_RETRY_MS = 30_000;

/**
 * On PostgreSQL, one connection per process LISTENs and passes what it hears
 * on to the streams. A lost connection is opened again (1 s, 2 s, … up to
 * 30 s apart) while streams are open; once back, every stream looks again,
 * since announcements made meanwhile were not heard.
 */
function listenToOtherProcesses(): Promise<void> {
  const url = postgresUrl();
  if (!url) return Promise.resolve();
  if (listening) return listening;
  const client = new pg.Client({ connectionString: url });
  client.on("notification", (n) => bus.emit("message", Number(n.payload)));
  let gone = false;
  const lost = (error: unknown) => {
    if (gone) return;
    gone = true;
    logError("message notifications stopped", error);
    listening = null;
    void client.end().catch(() => {});
    if (bus.listenerCount("message") === 0) return;
    const delay = retryMs;
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    // Unref'd: a retry never keeps a stopping process alive.
    setTimeout(() => void listenToOtherProcesses().then(() => bus.emit("message", 0)), delay).unref();
  };
  client.on("error", lost);
  listening = client
    .connect()
    .then(() => client.query(`listen ${CHANNEL}`))
    .then(() => {
      retryMs = 1_000;
    })
    .catch(lost);
  return listening;
}
