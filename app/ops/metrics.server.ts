import client from "prom-client";

import { onQuery } from "../../db/query-stats";

// The instruments behind GET /metrics (metrics-endpoint.server.ts), in the
// Prometheus format (prom-client). Labels are route ids, status classes, job
// names and channels: never a user id, email or name. One registry per
// process, shared through globalThis: server.ts and the Remix server bundle
// each carry a copy of this module. Imports nothing of the app, so any area may count.

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "refleks_" });
  const registers = [registry];
  const metrics = {
    registry,
    requestDuration: new client.Histogram({
      name: "refleks_http_request_duration_seconds",
      help: "Time to answer a request, by Remix route id and status class",
      labelNames: ["route", "status"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    inFlight: new client.Gauge({ name: "refleks_http_requests_in_flight", help: "Requests being answered now", registers }),
    queryDuration: new client.Histogram({
      name: "refleks_db_query_duration_seconds",
      help: "Time of each SQL statement, as kysely saw it",
      buckets: [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    }),
    liveStreams: new client.Gauge({ name: "refleks_live_streams", help: "Open message streams (Beskeder, server-sent events)", registers }),
    readerQueue: new client.Gauge({ name: "refleks_reader_queue_length", help: "Reads waiting for or running on a reader thread", registers }),
    queueDepth: new client.Gauge({ name: "refleks_outgoing_queue_depth", help: "Emails and SMS not yet delivered", labelNames: ["channel"], registers }),
    queueOldest: new client.Gauge({
      name: "refleks_outgoing_queue_oldest_age_seconds",
      help: "Age of the oldest email or SMS not yet delivered",
      labelNames: ["channel"],
      registers,
    }),
    jobRuns: new client.Gauge({ name: "refleks_job_runs", help: "Runs of each scheduled job in job_runs, by outcome", labelNames: ["job", "outcome"], registers }),
    jobLastSuccess: new client.Gauge({
      name: "refleks_job_last_success_timestamp_seconds",
      help: "When each scheduled job last finished well (Unix time)",
      labelNames: ["job"],
      registers,
    }),
  };
  onQuery((ms) => metrics.queryDuration.observe(ms / 1000));
  return metrics;
}

const KEY = Symbol.for("refleks.metrics");
const shared = globalThis as typeof globalThis & { [KEY]?: ReturnType<typeof createMetrics> };
export const metrics = (shared[KEY] ??= createMetrics());

/** "2xx", "4xx", …: the status class label. */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
