import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_PASSWORD, seedDemo } from "~/demo/seed.server";
import { answerMetrics } from "~/monitoring/metrics-endpoint.server";
import { runJobNow } from "~/schedule/scheduler.server";

import { db } from "../db/client.server";
import { databasePath } from "../db/kysely";
import { type RunningServer, startProductionServer } from "../scripts/production-server";

// GET /metrics for the operator's Prometheus, behind a token, with
// the named series and never a person in a label.

const TOKEN = "test-metrics-token-0123456789";
/** One line of the Prometheus text format: a comment, or a sample with optional labels. */
const LINE = /^(# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*|[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)( -?[0-9]+)?)$/;

describe("GET /metrics", () => {
  let server: RunningServer;
  beforeAll(async () => {
    await seedDemo(db, new Date(), { flexjobbers: 20, companies: 5, months: 3, seed: 5, liveOpenings: true });
    await runJobNow(db, "sweep", "command");
    server = await startProductionServer(databasePath(), fs.mkdtempSync(path.join(os.tmpdir(), "refleks-metrics-")), 600, { METRICS_TOKEN: TOKEN });
  }, 180_000);
  afterAll(async () => {
    await server.stop();
  });

  it("answers 401 without the token and Prometheus text with it: the named series, and no email, name, id or alias in a label", async () => {
    expect((await fetch(`${server.base}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.base}/metrics`, { headers: { Authorization: "Bearer wrong-token-0123456789xx" } })).status).toBe(401);

    // Traffic with people in its paths: a citizen's page, a candidate page, a thread.
    const login = await fetch(`${server.base}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "medarbejder@demo.refleks.dk", password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const citizen = await db.selectFrom("users").select("id").where("role", "=", "flexjobber").executeTakeFirstOrThrow();
    const alias = await db.selectFrom("profiles").select("alias").executeTakeFirstOrThrow();
    for (const p of [`/borgere/${citizen.id}`, `/kandidater/${encodeURIComponent(alias.alias)}`, "/borgere?q=anne@demo.refleks.dk", "/findes-ikke", "/statistik"]) {
      await (await fetch(server.base + p, { headers: { cookie }, redirect: "manual" })).arrayBuffer();
    }

    const res = await fetch(`${server.base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    const bad = text.split("\n").filter((line) => line !== "" && !LINE.test(line));
    expect(bad).toEqual([]);
    for (const series of [
      "refleks_http_request_duration_seconds_bucket",
      "refleks_http_requests_in_flight",
      "refleks_outgoing_queue_depth",
      "refleks_outgoing_queue_oldest_age_seconds",
      "refleks_job_runs",
      "refleks_job_last_success_timestamp_seconds",
      "refleks_reader_queue_length",
      "refleks_db_query_duration_seconds_bucket",
      "refleks_live_streams",
      "refleks_process_cpu_seconds_total",
    ]) {
      expect(text, series).toMatch(new RegExp(`^${series}[{ ]`, "m"));
    }
    expect(text).toMatch(/refleks_http_request_duration_seconds_count\{route="routes\/borgere_\.\$id",status="2xx"\}/);
    expect(text).toMatch(/refleks_job_runs\{job="sweep",outcome="ok"\} 1/);

    // Every label value, against every person in the database.
    const values = [...text.matchAll(/="((?:\\.|[^"\\])*)"/g)].map((m) => m[1]!);
    const people = await db.selectFrom("users").select(["id", "email", "name"]).execute();
    const aliases = await db.selectFrom("profiles").select("alias").execute();
    const secrets = [...people.flatMap((p) => [p.id, p.email, p.name]), ...aliases.map((a) => a.alias)].filter((s) => s.length >= 4);
    for (const value of values) for (const secret of secrets) expect(value.includes(secret), `${value} holds ${secret}`).toBe(false);
  });

  it("needs no token where it is served on a port of its own", async () => {
    const open = await answerMetrics(db, undefined, undefined);
    expect(open.status).toBe(200);
    expect((await answerMetrics(db, undefined, TOKEN)).status).toBe(401);
  });
});
