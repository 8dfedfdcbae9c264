import path from "node:path";
import { Worker } from "node:worker_threads";

import { logError } from "~/ops/log.server";
import { metrics } from "~/ops/metrics.server";

import { db } from "../../db/client.server";
import { READ_TASKS, type ReadTask, type TaskArgs, type TaskResult } from "./tasks.server";

/**
 * Heavy reads (searches, recommendations, the statistics dashboard) run on a
 * small pool of reader threads when the server has started one, so one slow
 * report never stalls every other request, and reads use every core (issue
 * 16). The server asks for one by READER_THREADS (server.ts: one per core);
 * it starts when this module loads. Without it (tests, scripts) the task runs
 * here, on the app's connection: the same code either way.
 */
interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}
interface Reader {
  worker: Worker;
  /** Ids of the tasks it is running. */
  running: Set<number>;
}

let readers: Reader[] = [];
const pending = new Map<number, Pending>();
let nextId = 1;

let started = false;

/** Starts the reader threads, once: `size` of them (READER_THREADS, or none). */
export function startReaderPool(size = Number(process.env.READER_THREADS ?? 0)): void {
  if (started || !(size >= 1)) return;
  started = true;
  // The server runs from the project folder; the thread's entry teaches it TypeScript as tsx does.
  const file = path.resolve("app/readers/worker-entry.mjs");
  for (let i = 0; i < size; i++) {
    const worker = new Worker(file);
    const reader: Reader = { worker, running: new Set() };
    worker.on("message", (m: { id: number; result?: unknown; error?: string }) => {
      reader.running.delete(m.id);
      const p = pending.get(m.id);
      pending.delete(m.id);
      metrics.readerQueue.set(pending.size);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.result);
    });
    // A reader that dies fails its tasks (the requests answer 500 and are logged); the rest carry on, or the main thread does.
    worker.on("error", (error) => logError("reader thread failed", error));
    worker.on("exit", () => {
      readers = readers.filter((r) => r !== reader);
      for (const id of reader.running) {
        pending.get(id)?.reject(new Error("reader thread stopped"));
        pending.delete(id);
      }
    });
    worker.unref();
    readers.push(reader);
  }
}

/** How many reader threads are running. */
export function readerThreads(): number {
  return readers.length;
}

export async function stopReaderPool(): Promise<void> {
  const stopping = readers;
  readers = [];
  started = false;
  await Promise.all(stopping.map((r) => r.worker.terminate()));
}

/** Runs a read task on the least busy reader thread, or here when there is no pool. */
export function runRead<T extends ReadTask>(task: T, ...args: TaskArgs<T>): Promise<TaskResult<T>> {
  if (readers.length === 0) return (READ_TASKS[task] as (...a: unknown[]) => Promise<TaskResult<T>>)(db, ...args);
  const reader = readers.reduce((a, b) => (b.running.size < a.running.size ? b : a));
  const id = nextId++;
  reader.running.add(id);
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    metrics.readerQueue.set(pending.size);
    reader.worker.postMessage({ id, task, args });
  });
}

// In the server (READER_THREADS set before the build is loaded) the threads start with it, so the
// first search does not wait for them to load the app; elsewhere this does nothing.
startReaderPool();
