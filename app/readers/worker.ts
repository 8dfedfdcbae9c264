// A reader thread: its own connection to the database (WAL lets readers run
// beside the one writer), running READ_TASKS for the pool on the main thread.
import { parentPort } from "node:worker_threads";

import { openAppDatabase } from "../../db/kysely";
import { READ_TASKS, type ReadTask } from "./tasks.server";

// The thread sees the process environment: the same database the server opened.
const db = openAppDatabase();

parentPort!.on("message", async (message: { id: number; task: ReadTask; args: unknown[] }) => {
  try {
    const run = READ_TASKS[message.task] as (...args: unknown[]) => Promise<unknown>;
    parentPort!.postMessage({ id: message.id, result: await run(db, ...message.args) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
