import { timingSafeEqual } from "node:crypto";

import { outgoingQueues } from "~/email/email.server";
import { metrics } from "~/ops/metrics.server";
import { type JobDefinition, JOBS, jobsFor } from "~/schedule/jobs.server";

import type { Db } from "../../db/kysely";

// GET /metrics: what the instruments counted, plus what lives in the
// database (the outgoing queues, the job runs of every process), read on each scrape.

/** Reads what lives in the database (queues, job runs), then the whole registry as text. */
async function metricsText(db: Db, now = new Date()): Promise<string> {
  for (const { channel, waiting, oldest } of await outgoingQueues(db)) {
    metrics.queueDepth.set({ channel }, waiting);
    metrics.queueOldest.set({ channel }, oldest ? Math.max(0, (now.getTime() - Date.parse(oldest)) / 1000) : 0);
  }
  const runs = await db
    .selectFrom("jobRuns")
    .select(["job", "outcome", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["job", "outcome"])
    .execute();
  const lastOk = await db
    .selectFrom("jobRuns")
    .select(["job", (eb) => eb.fn.max("finishedAt").as("at")])
    .where("outcome", "=", "ok")
    .groupBy("job")
    .execute();
  metrics.jobRuns.reset();
  metrics.jobLastSuccess.reset();
  for (const name of jobsFor(db)) {
    if (!(JOBS as Record<string, JobDefinition>)[name]) continue;
    for (const outcome of ["ok", "failed", "running"]) metrics.jobRuns.set({ job: name, outcome }, Number(runs.find((r) => r.job === name && r.outcome === outcome)?.n ?? 0));
    const at = lastOk.find((r) => r.job === name)?.at;
    if (at) metrics.jobLastSuccess.set({ job: name }, Date.parse(String(at)) / 1000);
  }
  return metrics.registry.metrics();
}

/**
 * The answer to GET /metrics: with METRICS_TOKEN set, only for `Authorization:
 * Bearer <token>` (else 401); on METRICS_PORT (a port of its own, for the
 * scraper's network only) without a token.
 */
export async function answerMetrics(db: Db, authorization: string | undefined, token: string | undefined): Promise<{ status: number; contentType: string; body: string }> {
  if (token !== undefined && !sameSecret(authorization ?? "", `Bearer ${token}`)) {
    return { status: 401, contentType: "text/plain", body: "Unauthorized" };
  }
  return { status: 200, contentType: metrics.registry.contentType, body: await metricsText(db) };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
