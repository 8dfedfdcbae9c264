import { logError } from "./log.server";

// Work a public form does after it has answered. "Glemt adgangskode?" must
// answer an unknown email and a real account alike, and sending a mail (a
// round trip to the relay) would make the real one measurably slower; so the
// answer goes first and the work runs on the next turn of the event loop.

const running = new Set<Promise<void>>();

export function afterAnswer(what: string, task: () => Promise<unknown>): void {
  const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(task)
    .then(
      () => undefined,
      (error: unknown) => logError(`${what} failed after the answer`, error),
    )
    .finally(() => running.delete(done));
  running.add(done);
}

/** Waits until the work started after answers is done (tests, and a graceful stop). */
export async function answeredWorkDone(): Promise<void> {
  while (running.size > 0) await Promise.all([...running]);
}
