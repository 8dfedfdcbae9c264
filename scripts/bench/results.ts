// Writes bench/RESULTS.md from what run.ts measured: both databases side by
// side, the ratios, statements per page, and every target marked ✓ or ✗ with
// the reason for each miss (reasons.ts).
import os from "node:os";

import { type Dataset, SIZE } from "./dataset";
import { type Miss, whyMissed } from "./reasons";

export type Engine = "SQLite" | "PostgreSQL";
export interface Timing {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}
export interface Load extends Timing {
  rps: number;
  errors: number;
}
export interface PageSpec {
  name: string;
  path: string;
  who: "staff" | "company" | "flexjobber";
  /** p95 target with one client, ms. */
  target: number;
  /** A search page (≤ 8 statements, 10 clients < 250 ms on SQLite, PostgreSQL within 1.5 ×). */
  search: boolean;
}
export interface StatementCount {
  statements: number;
  dbMs: number;
  totalMs: number;
}
export interface EngineResult {
  engine: Engine;
  version: string;
  inProcess: { name: string; app: Timing; raw: Timing | null }[];
  one: Map<string, Load>;
  ten: Map<string, Load>;
  /** PostgreSQL only: 10 clients spread over two app processes. */
  twoProcesses: Map<string, Load>;
  statements: Map<string, StatementCount>;
  html: Map<string, number>;
  js: Map<string, number>;
}
export interface Facts {
  sizes: { profiles: number; openings: number; liveOpenings: number; companies: number; activityDays: number; statuses: number };
}

/** The speed targets: the search pages, the staff lists and page sizes. */
export const TARGETS = {
  tenClientsP95: 250,
  postgresRatio: 1.5,
  twoProcesses: 1.7,
  statements: 8,
  jsBytes: 150 * 1024,
  listHtmlBytes: 200 * 1024,
};

const ms = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ms` : "no answer");
const ok = (good: boolean) => (good ? "✓" : "✗");
const kB = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} kB`;

/** What a run measured, as JSON (bench/data/last-run.json), so the report can be written again without measuring. */
export function toJson(results: EngineResult[]): unknown {
  return results.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Map ? [...v.entries()] : v])));
}
export function fromJson(json: unknown): EngineResult[] {
  return (json as Record<string, unknown>[]).map(
    (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Array.isArray(v) && k !== "inProcess" ? new Map(v as [string, unknown][]) : v])) as unknown as EngineResult,
  );
}

export function writeResults(input: { results: EngineResult[]; pages: PageSpec[]; facts: Facts; dataset: Dataset; seconds: number; minutes: number; runAt?: string }): string {
  const { results, pages, facts, dataset, seconds, minutes } = input;
  const runAt = input.runAt ?? new Date().toISOString();
  const sqlite = results.find((r) => r.engine === "SQLite")!;
  const postgres = results.find((r) => r.engine === "PostgreSQL") ?? null;
  const misses: Miss[] = [];
  const cpu = os.cpus();
  const s = facts.sizes;
  const lines: string[] = [];
  const table = (head: string[], align: string[]) => lines.push(`| ${head.join(" | ")} |`, `|${align.join("|")}|`);
  const row = (cells: (string | number)[]) => lines.push(`| ${cells.join(" | ")} |`);

  lines.push("# Benchmark", "");
  lines.push(`Run ${runAt.slice(0, 16).replace("T", " ")} UTC with \`${postgres ? "DATABASE_URL=postgres://… " : ""}npm run bench\` (${minutes.toFixed(1)} min in all).`, "");
  lines.push(`Machine: ${cpu.length} × ${cpu[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}.`, "");
  lines.push(
    `Databases: ${results.map((r) => r.version).join("; ")}.${postgres ? " PostgreSQL runs on the same machine (the CI cluster from `.ci/postgres`: loopback, fsync off), so Node and PostgreSQL share the two cores." : ' PostgreSQL is measured too when `DATABASE_URL` names one (`eval "$(.ci/postgres)"` starts one).'}`,
    "",
  );
  lines.push(
    `Dataset: ${s.profiles.toLocaleString("en")} approved profiles, ${s.openings.toLocaleString("en")} openings (${s.liveOpenings.toLocaleString("en")} live), ${s.companies} companies, ${s.activityDays.toLocaleString("en")} activity days, ${s.statuses.toLocaleString("en")} status rows (${dataset.built ? `built in ${dataset.seconds.toFixed(0)} s` : "reused"}). Target: ${SIZE.profiles.toLocaleString("en")} / ${SIZE.openings.toLocaleString("en")} / ${SIZE.companies} / ${SIZE.activityDays.toLocaleString("en")}.`,
    "",
  );

  // One client.
  lines.push("## One client", "");
  lines.push(
    `The production server over loopback, autocannon, ${seconds} s per measurement. Target: p95 under the page's target on both databases (50 ms for the searches and the candidate page, 150 ms for Statistik, 100 ms for the staff lists)${postgres ? `, and PostgreSQL's p50 at most ${TARGETS.postgresRatio} × SQLite's` : ""}.`,
    "",
  );
  const oneHead = ["Page", "target", "SQLite p50", "SQLite p95", "✓"];
  if (postgres) oneHead.push("PostgreSQL p50", "PostgreSQL p95", "✓", "PostgreSQL / SQLite (p50)", "✓");
  table(
    oneHead,
    oneHead.map((_, i) => (i === 0 ? "---" : i === 4 || i === 7 || i === 9 ? ":---:" : "---:")),
  );
  for (const p of pages) {
    const a = sqlite.one.get(p.name)!;
    const good = a.p95 < p.target && a.errors === 0;
    if (!good) misses.push({ page: p.name, engine: "SQLite", kind: "one", detail: `p95 ${ms(a.p95)} ≥ ${p.target} ms` });
    const cells: (string | number)[] = [p.name, `${p.target} ms`, ms(a.p50), ms(a.p95), ok(good)];
    if (postgres) {
      const b = postgres.one.get(p.name)!;
      const pgGood = b.p95 < p.target && b.errors === 0;
      const ratio = b.p50 / a.p50;
      if (!pgGood) misses.push({ page: p.name, engine: "PostgreSQL", kind: "one", detail: `p95 ${ms(b.p95)} ≥ ${p.target} ms` });
      if (ratio > TARGETS.postgresRatio) misses.push({ page: p.name, engine: "PostgreSQL", kind: "ratio", detail: `p50 ${ratio.toFixed(2)} × SQLite's` });
      cells.push(ms(b.p50), ms(b.p95), ok(pgGood), `${ratio.toFixed(2)} ×`, ok(ratio <= TARGETS.postgresRatio));
    }
    row(cells);
  }

  // Ten clients.
  lines.push("", "## Ten clients", "");
  lines.push(
    `Ten concurrent clients. Target: p95 under ${TARGETS.tenClientsP95} ms for the searches on SQLite${postgres ? `; on PostgreSQL, two app processes (the clients spread over both) serve at least ${TARGETS.twoProcesses} × the requests per second of one` : ""}. For reference: req/s against one client's.`,
    "",
  );
  const tenHead = ["Page", "SQLite p95", "SQLite req/s", "✓"];
  if (postgres) tenHead.push("PostgreSQL p95", "req/s", "two processes p95", "req/s", "two / one", "✓");
  table(
    tenHead,
    tenHead.map((_, i) => (i === 0 ? "---" : i === 3 || i === 9 ? ":---:" : "---:")),
  );
  for (const p of pages) {
    const a = sqlite.ten.get(p.name)!;
    const good = !p.search || (a.p95 < TARGETS.tenClientsP95 && a.errors === 0);
    if (!good) misses.push({ page: p.name, engine: "SQLite", kind: "ten", detail: `p95 ${ms(a.p95)} with 10 clients` });
    const cells: (string | number)[] = [p.name, ms(a.p95), `${a.rps.toFixed(0)} (${(a.rps / sqlite.one.get(p.name)!.rps).toFixed(2)} ×)`, p.search ? ok(good) : "–"];
    if (postgres) {
      const one = postgres.ten.get(p.name)!;
      const two = postgres.twoProcesses.get(p.name)!;
      const gain = two.rps / one.rps;
      if (gain < TARGETS.twoProcesses || two.errors > 0) misses.push({ page: p.name, engine: "PostgreSQL", kind: "two", detail: `${gain.toFixed(2)} × with two processes` });
      cells.push(ms(one.p95), one.rps.toFixed(0), ms(two.p95), two.rps.toFixed(0), `${gain.toFixed(2)} ×`, ok(gain >= TARGETS.twoProcesses && two.errors === 0));
    }
    row(cells);
  }

  // Statements.
  lines.push("", "## SQL per request", "");
  lines.push(
    `One request of each page on a server that counts its SQL (\`SERVER_TIMING=true\`, no reader threads), the median of five. Request: the whole request in the server; database: the time kysely saw its statements take, summed (statements a page sends side by side can sum to more than the request). Aim: at most ${TARGETS.statements} statements per search page.`,
    "",
  );
  const share = (c: StatementCount) => (c.dbMs <= c.totalMs ? `${((100 * c.dbMs) / c.totalMs).toFixed(0)} %` : "side by side");
  const stHead = ["Page", "statements", "SQLite: request", "database", "share"];
  if (postgres) stHead.push("PostgreSQL: statements", "request", "database", "share");
  stHead.push("Aim");
  table(
    stHead,
    stHead.map((_, i) => (i === 0 ? "---" : i === stHead.length - 1 ? ":---:" : "---:")),
  );
  for (const p of pages) {
    const a = sqlite.statements.get(p.name)!;
    const counts = [a.statements, ...(postgres ? [postgres.statements.get(p.name)!.statements] : [])];
    const good = !p.search || Math.max(...counts) <= TARGETS.statements;
    if (!good) misses.push({ page: p.name, engine: "both", kind: "statements", detail: `${Math.max(...counts)} statements` });
    const cells: (string | number)[] = [p.name, a.statements, ms(a.totalMs), ms(a.dbMs), share(a)];
    if (postgres) {
      const b = postgres.statements.get(p.name)!;
      cells.push(b.statements, ms(b.totalMs), ms(b.dbMs), share(b));
    }
    cells.push(p.search ? ok(good) : "–");
    row(cells);
  }

  // In process.
  lines.push("", "## In process: the domain function against the raw query", "");
  lines.push(
    "The raw query is the SQL the search itself sends (compiled by kysely), run directly on the driver; the domain function also fetches the page's cards and counts every match. For reference (the aim: the domain function at most 1.5 × the raw one).",
    "",
  );
  const ipHead = ["Search", "SQLite domain p50", "raw p50", "ratio"];
  if (postgres) ipHead.push("PostgreSQL domain p50", "raw p50", "ratio", "PostgreSQL / SQLite (domain)");
  table(
    ipHead,
    ipHead.map((_, i) => (i === 0 ? "---" : "---:")),
  );
  for (const r of sqlite.inProcess) {
    const cells: string[] = [r.name, ms(r.app.p50), r.raw ? ms(r.raw.p50) : "–", r.raw ? `${(r.app.p50 / r.raw.p50).toFixed(2)} ×` : "–"];
    const q = postgres?.inProcess.find((x) => x.name === r.name);
    if (q) cells.push(ms(q.app.p50), q.raw ? ms(q.raw.p50) : "–", q.raw ? `${(q.app.p50 / q.raw.p50).toFixed(2)} ×` : "–", `${(q.app.p50 / r.app.p50).toFixed(2)} ×`);
    row(cells);
  }

  // Sizes.
  lines.push("", "## JavaScript on a first visit (gzip) and HTML", "");
  table(["Page", "JavaScript", `< ${TARGETS.jsBytes / 1024} kB`, "HTML", `lists < ${TARGETS.listHtmlBytes / 1024} kB`], ["---", "---:", ":---:", "---:", ":---:"]);
  for (const p of pages) {
    const js = sqlite.js.get(p.name)!;
    const html = sqlite.html.get(p.name)!;
    const list = !p.search && p.name !== "Statistik";
    if (js >= TARGETS.jsBytes) misses.push({ page: p.name, engine: "both", kind: "js", detail: kB(js) });
    if (list && html >= TARGETS.listHtmlBytes) misses.push({ page: p.name, engine: "both", kind: "html", detail: kB(html) });
    row([p.name, kB(js), ok(js < TARGETS.jsBytes), kB(html), list ? ok(html < TARGETS.listHtmlBytes) : "–"]);
  }

  lines.push("", "## Why a target is missed", "");
  if (misses.length === 0) lines.push("Every target is met.");
  // One line per reason, with every miss it explains.
  const byReason = new Map<string, string[]>();
  for (const m of misses) byReason.set(whyMissed(m), [...(byReason.get(whyMissed(m)) ?? []), `${m.page} (${m.engine === "both" ? "" : `${m.engine}, `}${m.detail})`]);
  for (const [reason, which] of byReason) lines.push(`- ${which.join("; ")}: ${reason}`);
  lines.push("");
  return lines.join("\n");
}
