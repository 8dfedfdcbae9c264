/**
 * The production (and dev) HTTP server: migrates the database, seeds the demo
 * municipality into an empty database, adds security headers and serves Remix.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";

import { AUDIENCE_LABELS, configuredAudiences, providerOrigins } from "./app/auth/oidc-config.server";
import { sweepIncomingUploads } from "./app/content/uploads.server";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "./app/demo/seed.server";
import { startEmailWorker } from "./app/email/email.server";
import { env } from "./app/env.server";
import { checkHealth } from "./app/monitoring/health.server";
import { answerMetrics } from "./app/monitoring/metrics-endpoint.server";
import { logInfo } from "./app/ops/log.server";
import { metrics, statusClass } from "./app/ops/metrics.server";
import { routeIdFinder } from "./app/ops/route-ids.server";
import { startScheduler } from "./app/schedule/scheduler.server";
import { rebuildSearchIndexesIfStale } from "./app/schedule/search-indexes.server";
import { contentSecurityPolicy, newNonce } from "./app/security/csp.server";
import { isCrossSitePost } from "./app/security/origin.server";
import { inRequestScope } from "./app/utils/request-scope.server";
import { databasePath, openAppDatabase, postgresUrl, serverPidFile } from "./db/kysely";
import { prepareDatabase } from "./db/prepare";
import { countingQueries, type QueryStats } from "./db/query-stats";

/** Migrates, seeds what an empty database needs, and tells whether the demo logins exist. */
async function openAndPrepare(): Promise<boolean> {
  const db = openAppDatabase();
  try {
    await prepareDatabase(db);
    const reindexed = await rebuildSearchIndexesIfStale(db);
    if (reindexed > 0) console.log(`Search index rebuilt (${reindexed} profiles and openings).`);
    const users = await db.selectFrom("users").select("id").limit(1).execute();
    if (users.length === 0 && env.SEED_DEMO === "true") {
      await seedDemo(db);
      console.log('The demo municipality "Jobcenter Demo" was created.');
    }
    const demo = await db.selectFrom("users").select("id").where("email", "=", DEMO_LOGINS[0].email).executeTakeFirst();
    return Boolean(demo);
  } finally {
    await db.destroy();
  }
}

const ALLOWED_METHODS = ["GET", "HEAD", "POST"];
const SESSION_COOKIE = /(?:^|;\s*)refleks_session=[^;\s]/;

const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  // Invitation links carry a token in the path: never send it to another site.
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

async function main() {
  // Heavy reads run on reader threads, one per core (app/readers/pool.server.ts). On
  // PostgreSQL the database server does the work and the event loop only waits: none needed.
  process.env.READER_THREADS ??= postgresUrl() ? "0" : String(os.availableParallelism());
  const hasDemo = await openAndPrepare();
  const swept = sweepIncomingUploads();
  if (swept > 0) console.log(`Removed ${swept} unfinished uploads from the last run.`);
  const buildPath = path.resolve("build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  // The server's own connection: health checks and the email worker.
  const db = openAppDatabase();
  const stopEmailWorker = startEmailWorker(db);
  // The app's own schedule (reminders, digest, retention, backup, sweep), each slot once across processes.
  const scheduler = startScheduler(db, { enabled: env.SCHEDULER !== "off" });
  const logRequests = env.NODE_ENV === "production";

  const app = express();
  // The configuration is read once: a login form's redirect may go to these (CSP form-action).
  const loginProviders = providerOrigins();
  app.disable("x-powered-by");
  // gzip/deflate for pages, data and scripts (the JavaScript shrinks to about a quarter).
  // Not the server-sent events of /beskeder/live: compression would hold them back until a buffer fills.
  app.use(compression({ filter: (req, res) => !String(res.getHeader("Content-Type") ?? "").startsWith("text/event-stream") && compression.filter(req, res) }));
  // Behind a reverse proxy, TRUST_PROXY tells express which X-Forwarded-For hops to believe (for rate limits).
  if (env.TRUST_PROXY) app.set("trust proxy", env.TRUST_PROXY);
  const routeIdOf = routeIdFinder(build);
  app.use((req, res, next) => {
    const requestId = randomUUID();
    const started = performance.now();
    // Prometheus: time by route id and status class, and requests in flight (app/ops/metrics.server.ts).
    metrics.inFlight.inc();
    res.once("close", () => {
      metrics.inFlight.dec();
      metrics.requestDuration.observe({ route: routeIdOf(req.path), status: statusClass(res.statusCode) }, (performance.now() - started) / 1000);
    });
    // The SQL this request sends (db/query-stats.ts): in the request log, and with SERVER_TIMING=true in a header.
    const queries: QueryStats = { statements: 0, ms: 0 };
    res.locals.requestId = requestId;
    res.set("X-Request-Id", requestId);
    if (logRequests) {
      res.on("finish", () => {
        const ms = Math.round(performance.now() - started);
        logInfo("request", { requestId, method: req.method, path: req.path, status: res.statusCode, ms, statements: queries.statements, dbMs: Math.round(queries.ms) });
      });
    }
    if (env.SERVER_TIMING === "true") {
      const writeHead = res.writeHead;
      res.writeHead = function (this: typeof res, ...args: unknown[]) {
        this.setHeader("Server-Timing", `db;dur=${queries.ms.toFixed(1)};desc="${queries.statements} statements", total;dur=${(performance.now() - started).toFixed(1)}`);
        return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
      } as typeof res.writeHead;
    }
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    res.set(SECURITY_HEADERS);
    res.set("Content-Security-Policy", contentSecurityPolicy(nonce, { development: env.NODE_ENV === "development", loginProviders }));
    // The app answers GET, HEAD and POST (forms); anything else (TRACE, PUT, …) is a 405, not a 500.
    if (!ALLOWED_METHODS.includes(req.method)) {
      res.status(405).set("Allow", ALLOWED_METHODS.join(", ")).type("text/plain").send("Metoden er ikke tilladt.");
      return;
    }
    // Cross-site form posts are refused (SameSite=Lax cookies cover most, this covers the rest).
    if (isCrossSitePost(req.method, req.get("origin"), req.get("host"))) {
      res.status(403).type("text/plain").send("Forespørgslen kom fra en anden side og er afvist.");
      return;
    }
    inRequestScope(() => countingQueries(queries, next));
  });
  // For the operator's monitoring: no session, no personal data.
  app.get("/healthz", (_req, res) => {
    checkHealth(db, { databaseFile: databasePath(), uploadsDir: path.resolve(env.UPLOADS_DIR) })
      .then((health) => res.status(health.ok ? 200 : 503).json(health))
      .catch(() => res.status(503).json({ ok: false }));
  });
  // For the operator's Prometheus: behind METRICS_TOKEN here, or alone on METRICS_PORT (below). No personal data.
  const serveMetrics =
    (token: string | undefined): express.RequestHandler =>
    (req, res) => {
      answerMetrics(db, req.get("authorization"), token)
        .then((m) => res.status(m.status).type(m.contentType).send(m.body))
        .catch(() => res.status(503).type("text/plain").send("Metrics unavailable"));
    };
  if (env.METRICS_TOKEN && !env.METRICS_PORT) app.get("/metrics", serveMetrics(env.METRICS_TOKEN));
  if (env.METRICS_PORT) {
    const metricsApp = express();
    metricsApp.disable("x-powered-by");
    metricsApp.get("/metrics", serveMetrics(env.METRICS_TOKEN));
    metricsApp.listen(env.METRICS_PORT, () => console.log(`Metrics on http://localhost:${env.METRICS_PORT}/metrics`));
  }
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all(
    "*",
    (req, res, next) => {
      // Nothing shown to a signed-in person is kept by a browser or proxy cache. A route may say
      // otherwise (videos): the Remix adapter appends its headers, so its Cache-Control replaces this one.
      if (SESSION_COOKIE.test(req.get("cookie") ?? "")) {
        res.set("Cache-Control", "no-store");
        const append = res.append.bind(res);
        res.append = (field, value) => (field.toLowerCase() === "cache-control" ? res.set(field, value) : append(field, value));
      }
      next();
    },
    createRequestHandler({
      build,
      mode: build.mode,
      getLoadContext: (req, res) => ({
        cspNonce: String(res.locals.cspNonce),
        clientIp: req.ip ?? "unknown",
        requestId: String(res.locals.requestId),
      }),
    }),
  );

  const server = app.listen(env.PORT, () => {
    // npm run restore (SQLite only) refuses while this file names a running server.
    if (!postgresUrl()) fs.writeFileSync(serverPidFile(), String(process.pid));
    console.log(`${env.BRAND_NAME} is running on http://localhost:${env.PORT}`);
    if (hasDemo) {
      console.log(`\nDemo logins (password: ${DEMO_PASSWORD}):`);
      const width = Math.max(...DEMO_LOGINS.map((l) => l.label.length)) + 2;
      for (const login of DEMO_LOGINS) console.log(`  ${login.label.padEnd(width)} ${login.email}`);
      console.log("");
    }
    const providers = configuredAudiences().map((a) => AUDIENCE_LABELS[a].button);
    if (providers.length > 0) {
      console.log(`Login without a password: ${providers.join(", ")} (${providerOrigins().join(", ")})\n`);
      // The provider only sends the browser back to the registered address, which is built from APP_URL.
      if (!env.APP_URL) console.warn(`APP_URL is not set: the login provider sends people back to http://localhost:${env.PORT}/login/…/callback.\n`);
    }
    if (env.NODE_ENV === "development") void broadcastDevReady(build);
  });
  // Idle keep-alive connections close after 5 s, so a shutdown never waits on them long.
  server.keepAliveTimeout = 5_000;

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping; finishing the requests in flight.`);
    stopEmailWorker();
    scheduler?.stop();
    // Stop accepting, let requests in flight finish, drop idle keep-alive connections now
    // and any still open after 10 s.
    server.close(() => {
      fs.rmSync(serverPidFile(), { force: true });
      void db.destroy().finally(() => process.exit(0));
    });
    // Connections that finish their last request become idle: close them as they do.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 200).unref();
    setTimeout(() => server.closeAllConnections(), 10_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
