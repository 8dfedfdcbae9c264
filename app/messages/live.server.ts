import { EventEmitter } from "node:events";
import { sql } from "kysely";
import pg from "pg";
import { isPostgres, postgresUrl, type Db } from "../../db/kysely";
import { logError } from "~/ops/log.server";

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

/** On PostgreSQL, one connection per process LISTENs and passes what it hears on to the streams. */
function listenToOtherProcesses(): Promise<void> {
  const url = postgresUrl();
  if (!url) return Promise.resolve();
  if (listening) return listening;
  const client = new pg.Client({ connectionString: url });
  client.on("notification", (n) => bus.emit("message", Number(n.payload)));
  const lost = (error: unknown) => {
    // The streams fall back on their half-minute look until the next subscriber listens again.
    logError("message notifications stopped", error);
    listening = null;
    void client.end().catch(() => {});
  };
  client.on("error", lost);
  listening = client
    .connect()
    .then(() => client.query(`listen ${CHANNEL}`))
    .then(() => undefined)
    .catch(lost);
  return listening;
}
