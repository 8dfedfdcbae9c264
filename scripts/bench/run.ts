// `npm run bench`: builds or reuses a large municipality
// (see dataset.ts) and measures it on SQLite and, when DATABASE_URL names a
// PostgreSQL database, on PostgreSQL in the same run on the same machine:
// - each search's domain function against the plain query it runs, in-process;
// - each heavy page over loopback with autocannon on the production server,
//   with 1 client and with 10 (on PostgreSQL also with two app processes, the
//   way it is meant to run);
// - how many SQL statements one request of each page sends, and its time in
//   the database against the rest;
// - the gzip size of the JavaScript a first visit loads, and the HTML.
// Everything goes to bench/RESULTS.md, both databases side by side, each
// target marked. Not part of `npm test`.
import type { EventEmitter } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

import autocannon from "autocannon";
import { sql } from "kysely";

import { profileForMatching } from "../../app/matching/adapters";
import { openingScoreBound } from "../../app/matching/bounds.server";
import { type JobFilters, matchingOpenings, recommendCandidates, searchJobs } from "../../app/openings/job-search.server";
import { loadOpening } from "../../app/openings/openings.server";
import { loadProfileDetails } from "../../app/profiles/profile.server";
import { type CandidateFilters, matchingCandidates, searchCandidates } from "../../app/profiles/search.server";
import { rebuildSearchIndexes } from "../../app/schedule/search-indexes.server";
import { loadDashboard } from "../../app/stats/dashboard.server";
import { copyToPostgres } from "../../db/copy-to-postgres";
import { type Db, openDatabase, openPostgres, postgresUrl } from "../../db/kysely";
import { prepareDatabase } from "../../db/prepare";
import { type RunningServer, startProductionServer } from "../production-server";
import { BENCH_LOGINS, BENCH_PASSWORD, ensureDataset } from "./dataset";
import { type Engine, type EngineResult, type Load, type PageSpec, type Timing, toJson, writeResults } from "./results";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const IN_PROCESS_RUNS = 40;
const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

// ---- The dataset -------------------------------------------------------------------------------
const file = path.resolve(process.env.BENCH_DATABASE ?? "bench/data/large.sqlite");
log(`Dataset: ${file}`);
const dataset = await ensureDataset(file, log);
log(dataset.built ? `Built in ${dataset.seconds.toFixed(0)} s.` : "Reused (same version).");
const pgUrl = postgresUrl();

const facts = await (async () => {
  const { db } = openDatabase(file);
  const one = async <T>(query: string) => (await sql.raw<Record<string, T>>(query).execute(db)).rows[0]!;
  const count = async (table: string, where = "") => Number((await one<number>(`select count(*) as n from ${table} ${where}`)).n);
  const out = {
    sizes: {
      profiles: await count("profiles", "where status = 'approved'"),
      openings: await count("openings"),
      liveOpenings: await count("openings", "where status = 'published'"),
      companies: await count("companies"),
      activityDays: await count("activity_days"),
      statuses: await count("employment_statuses"),
    },
    openingId: Number((await one<number>(`select min(id) as id from openings where company_id = 1 and status = 'published'`)).id),
    alias: String((await one<string>("select alias from profiles where user_id = 'bench-flex-2'")).alias),
    version: String((await one<string>("select value as v from settings where key = 'bench_dataset_version'")).v),
  };
  await db.destroy();
  return out;
})();
const companyId = 1;

const PAGES: PageSpec[] = [
  { name: "Candidate search (text + filters)", path: `/kandidater?q=lager&timerFra=10&timerTil=20&postnr=2100&km=15`, who: "company", target: 50, search: true },
  { name: "Job search with match", path: "/job", who: "flexjobber", target: 50, search: true },
  { name: "Job search with match and text", path: "/job?q=lager", who: "flexjobber", target: 50, search: true },
  { name: "Candidate page", path: `/kandidater/${encodeURIComponent(facts.alias)}`, who: "company", target: 50, search: true },
  { name: "Opening with recommended candidates", path: `/opslag/${facts.openingId}`, who: "company", target: 50, search: true },
  { name: "Statistik", path: "/statistik", who: "staff", target: 150, search: false },
  // The staff lists, searched and paged at any size (target < 100 ms and < 200 kB of HTML).
  { name: "Borgere", path: "/borgere", who: "staff", target: 100, search: false },
  { name: "Borgere, searched and filtered", path: "/borgere?q=an&inaktiv=28&sortering=login", who: "staff", target: 100, search: false },
  { name: "Virksomheder", path: "/virksomheder", who: "staff", target: 100, search: false },
  { name: "Opfølgning, all citizens", path: "/opfoelgning?hvem=alle", who: "staff", target: 100, search: false },
];

/** The first time: the same municipality, moved into the PostgreSQL database as migrate-to-postgres moves one. */
async function copyDatasetToPostgres(target: Db): Promise<void> {
  await prepareDatabase(target);
  const held = await target.selectFrom("settings").select("value").where("key", "=", "bench_dataset_version").executeTakeFirst();
  if (held?.value === facts.version) return log("PostgreSQL already has this dataset (reused).");
  if (held || (await target.selectFrom("users").select("id").limit(1).execute()).length > 0) {
    log("PostgreSQL holds another dataset: emptying it …");
    await sql`drop schema public cascade`.execute(target);
    await sql`create schema public`.execute(target);
    await prepareDatabase(target);
  }
  log("Copying the dataset to PostgreSQL …");
  const source = openDatabase(file);
  const copied = await copyToPostgres(source.sqlite, target);
  await source.db.destroy();
  const wrong = copied.filter((c) => c.sqlite !== c.postgres);
  if (wrong.length > 0) throw new Error(`row counts differ: ${JSON.stringify(wrong)}`);
  log(`Copied (${copied.reduce((n, c) => n + c.postgres, 0).toLocaleString("en")} rows); building the search index …`);
  await rebuildSearchIndexes(target);
  await sql`analyze`.execute(target);
}

// ---- In-process: each domain function against the plain query it runs -------------------------
const candidateFilters: CandidateFilters = { q: "lager", competences: [], certificates: [], hoursMin: 10, hoursMax: 20, postcode: "2100", km: 15, sort: "relevance", page: 1 };
const jobFilters = (q?: string): JobFilters => ({ q, fitsHours: false, withinCommute: false, remoteOnly: false, newThisWeek: false, sort: "match", page: 1 });

function summarize(t: number[]): Timing {
  const s = [...t].sort((a, b) => a - b);
  // No answer within the measurement (a page slower than its duration) reads as infinitely slow.
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Infinity;
  return { p50: at(50), p95: at(95), p99: at(99), n: s.length };
}
async function time(fn: () => unknown, runs = IN_PROCESS_RUNS): Promise<Timing> {
  await fn(); // warm
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  return summarize(t);
}

async function inProcessTimings(db: Db, sqlite: ReturnType<typeof openDatabase>["sqlite"] | null) {
  const flexjobber = (await loadProfileDetails(db, "bench-flex-1"))!;
  const rawCandidateSearch = () => {
    const { query } = matchingCandidates(db, companyId, candidateFilters);
    return query
      .select(["p.userId", sql<number>`count(*) over ()`.as("total")])
      .orderBy("rank")
      .orderBy("p.approvedAt", "desc")
      .orderBy("p.userId")
      .limit(10)
      .compile();
  };
  const rawJobSearch = (q?: string) => {
    const bound = openingScoreBound(db, profileForMatching(flexjobber));
    const inner = matchingOpenings(db, flexjobber, jobFilters(q)).select(["o.id as key", "o.publishedAt as tie", bound.as("bound")]);
    return db.selectFrom(inner.as("b")).selectAll().orderBy("b.bound", "desc").orderBy("b.tie", "desc").orderBy("b.key", "desc").limit(21).compile();
  };
  type Compiled = ReturnType<typeof rawJobSearch>;
  const runRaw = (c: Compiled) => (sqlite ? () => sqlite.prepare(c.sql).all(...(c.parameters as unknown[])) : () => db.executeQuery(c));
  const opening = (await loadOpening(db, facts.openingId))!;
  return [
    { name: "Candidate search (text + filters)", app: await time(() => searchCandidates(db, companyId, candidateFilters)), raw: await time(runRaw(rawCandidateSearch())) },
    { name: "Job search with match", app: await time(() => searchJobs(db, "bench-flex-1", jobFilters())), raw: await time(runRaw(rawJobSearch())) },
    { name: "Job search with match and text", app: await time(() => searchJobs(db, "bench-flex-1", jobFilters("lager"))), raw: await time(runRaw(rawJobSearch("lager"))) },
    { name: "Recommended candidates", app: await time(() => recommendCandidates(db, opening, 6), 10), raw: null },
    { name: "Statistik (default choices)", app: await time(() => loadDashboard(db, {}), 5), raw: null },
  ];
}

// ---- Over HTTP ---------------------------------------------------------------------------------
async function login(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: BENCH_PASSWORD, redirectTo: "/" }),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (res.status !== 302 || !cookie) throw new Error(`login ${email}: ${res.status}`);
  return cookie;
}
async function loginAll(base: string): Promise<Record<keyof typeof BENCH_LOGINS, string>> {
  return { company: await login(base, BENCH_LOGINS.company), flexjobber: await login(base, BENCH_LOGINS.flexjobber), staff: await login(base, BENCH_LOGINS.staff) };
}

/** autocannon against one or more servers (the connections are spread over them). */
async function load(bases: string[], pathname: string, cookie: string, connections: number): Promise<Load> {
  const times: number[] = [];
  // Without a callback autocannon returns an emitter that is also a promise of the result (its types know only the promise).
  // Several URLs spread the connections over them (autocannon 9; its types know only one).
  const url = bases.map((b) => b + pathname) as unknown as string;
  const instance = autocannon({ url, connections, duration: SECONDS, headers: { cookie } }) as unknown as EventEmitter & Promise<autocannon.Result>;
  (instance as EventEmitter).on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const result = await instance;
  return { ...summarize(times), rps: result.requests.average, errors: result.non2xx + result.errors + result.timeouts };
}

/** The gzip size of every script a first visit to the page loads (entry, route modules, preloads). */
async function javascriptBytes(base: string, pathname: string, cookie: string): Promise<number> {
  const html = await (await fetch(base + pathname, { headers: { cookie } })).text();
  const urls = new Set<string>();
  for (const m of html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/import\s*\(?\s*["']([^"']+\.js)["']/g)) urls.add(m[1]!);
  let total = 0;
  for (const u of urls) total += gzipSync(Buffer.from(await (await fetch(new URL(u, base))).arrayBuffer())).length;
  return total;
}

/** A fresh process's first requests fill its caches and connection pool: not what a running one does. */
async function warm(bases: string[], cookies: Record<PageSpec["who"], string>): Promise<void> {
  for (const base of bases) for (const p of PAGES) for (let i = 0; i < 3; i++) await (await fetch(base + p.path, { headers: { cookie: cookies[p.who] } })).arrayBuffer();
}

async function measure(engine: Engine): Promise<EngineResult> {
  log(`--- ${engine}`);
  // The servers choose their database from DATABASE_URL: empty means the SQLite file.
  const env = { DATABASE_URL: engine === "PostgreSQL" ? pgUrl! : "" };
  const sqliteHandle = engine === "SQLite" ? openDatabase(file) : null;
  const db = sqliteHandle?.db ?? openPostgres(pgUrl!);
  if (engine === "PostgreSQL") await copyDatasetToPostgres(db);
  const version =
    engine === "PostgreSQL"
      ? String((await sql<{ v: string }>`select version() as v`.execute(db)).rows[0]!.v).split(" on ")[0]!
      : `SQLite ${String((await sql<{ v: string }>`select sqlite_version() as v`.execute(db)).rows[0]!.v)} (WAL)`;
  log("In-process timings (domain function against the raw query) …");
  const inProcess = await inProcessTimings(db, sqliteHandle?.sqlite ?? null);
  await db.destroy();

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "refleks-bench-"));
  const result: EngineResult = { engine, version, inProcess, one: new Map(), ten: new Map(), twoProcesses: new Map(), statements: new Map(), html: new Map(), js: new Map() };
  log("Starting the production server …");
  const server = await startProductionServer(file, scratch, 600, env);
  const cookies = await loginAll(server.base);
  await warm([server.base], cookies);
  for (const p of PAGES) {
    const res = await fetch(server.base + p.path, { headers: { cookie: cookies[p.who] } });
    if (res.status !== 200) throw new Error(`${p.path}: ${res.status}\n${server.errors()}`);
    result.html.set(p.name, (await res.arrayBuffer()).byteLength);
    result.js.set(p.name, await javascriptBytes(server.base, p.path, cookies[p.who]));
  }
  log(`Load: ${PAGES.length} pages × (1 and 10 clients) × ${SECONDS} s …`);
  for (const p of PAGES) {
    const one = await load([server.base], p.path, cookies[p.who], 1);
    const ten = await load([server.base], p.path, cookies[p.who], 10);
    result.one.set(p.name, one);
    result.ten.set(p.name, ten);
    log(
      `  ${p.name}: 1 client p50 ${one.p50.toFixed(0)} / p95 ${one.p95.toFixed(0)} ms, 10 clients p95 ${ten.p95.toFixed(0)} ms, ${ten.rps.toFixed(0)}/${one.rps.toFixed(0)} req/s`,
    );
  }
  await server.stop();

  if (engine === "PostgreSQL") {
    // The way PostgreSQL is meant to run: two app processes on the one database, the clients spread over both.
    log("Two app processes, 10 clients …");
    const servers: RunningServer[] = [await startProductionServer(file, scratch, 600, env), await startProductionServer(file, scratch, 600, env)];
    const twoCookies = await loginAll(servers[0]!.base);
    await warm(
      servers.map((s) => s.base),
      twoCookies,
    );
    for (const p of PAGES) {
      const two = await load(
        servers.map((s) => s.base),
        p.path,
        twoCookies[p.who],
        10,
      );
      result.twoProcesses.set(p.name, two);
      log(`  ${p.name}: p95 ${two.p95.toFixed(0)} ms, ${two.rps.toFixed(0)} req/s (${(two.rps / result.ten.get(p.name)!.rps).toFixed(2)} × one process)`);
    }
    for (const s of servers) await s.stop();
  }

  // What one request of each page sends to the database: a server with the SQL counted
  // (SERVER_TIMING) and no reader threads, so every statement is on the thread that counts it.
  log("Statements per request …");
  const counting = await startProductionServer(file, scratch, 600, { ...env, SERVER_TIMING: "true", READER_THREADS: "0" });
  const countingCookies = await loginAll(counting.base);
  for (const p of PAGES) {
    const runs: { statements: number; dbMs: number; totalMs: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(counting.base + p.path, { headers: { cookie: countingCookies[p.who] } });
      await res.arrayBuffer();
      const timing = res.headers.get("server-timing") ?? "";
      runs.push({
        statements: Number(/(\d+) statements/.exec(timing)?.[1] ?? NaN),
        dbMs: Number(/db;dur=([\d.]+)/.exec(timing)?.[1] ?? NaN),
        totalMs: Number(/total;dur=([\d.]+)/.exec(timing)?.[1] ?? NaN),
      });
    }
    // The median run by total time (the first one warms the caches).
    const median = runs.sort((a, b) => a.totalMs - b.totalMs)[2]!;
    result.statements.set(p.name, median);
    log(`  ${p.name}: ${median.statements} statements, ${median.dbMs.toFixed(1)} of ${median.totalMs.toFixed(1)} ms in the database`);
  }
  await counting.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
  return result;
}

const results: EngineResult[] = [await measure("SQLite")];
if (pgUrl) results.push(await measure("PostgreSQL"));

// ---- bench/RESULTS.md --------------------------------------------------------------------------
const report = { results, pages: PAGES, facts, dataset, seconds: SECONDS, minutes: (performance.now() - started) / 1000 / 60 };
fs.writeFileSync(path.join(path.dirname(file), "last-run.json"), JSON.stringify({ ...report, results: toJson(results), at: new Date().toISOString() }));
const text = writeResults(report);
fs.mkdirSync("bench", { recursive: true });
fs.writeFileSync("bench/RESULTS.md", text);
log("Wrote bench/RESULTS.md");
console.log(text);
process.exit(0);
