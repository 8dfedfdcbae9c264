// `npm run load`: a bounded load test on this machine's loopback only.
// Seeds 200 users of every role into a fresh database, starts the built app,
// logs them all in, and for about 40 s lets 50 connections mix searches,
// profile saves, interests, contact requests and event sign-ups/cancels. Then
// it checks the database against what the server said yes to: no 500s, no
// lost and no duplicated writes. Prints throughput and p50/p95/p99.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import autocannon from "autocannon";

import { createEvent } from "../app/events/events.server";
import { openDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";
import { createCompany, createOpening, createUser, fillProfile, TEST_PASSWORD } from "../tests/factories";
import { startProductionServer } from "./production-server";

const DURATION_S = Number(process.env.LOAD_SECONDS ?? 40);
const CONNECTIONS = 50;
const FLEXJOBBERS = 130;
const COMPANIES = 20;
const USERS_PER_COMPANY = 3;
const STAFF = 10;
const EVENT_CAPACITY = 20;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "refleks-load-"));
const dbFile = path.join(dir, "load.sqlite");

interface Flexjobber {
  role: "flexjobber";
  email: string;
  cookie: string;
  id: string;
  n: number;
  pendingHeadline?: string;
  confirmedHeadline?: string;
  interests: Set<number>;
  /** Last answer per event: true = signed up (302), false = cancelled (302). */
  events: Map<number, boolean>;
  /** A write sent when the run stopped has no answer: the check accepts either outcome for it. */
  inflight: { interest?: number; event?: number };
}
interface CompanyUser {
  role: "company";
  email: string;
  cookie: string;
  companyId: number;
  sent: Map<string, number>;
  inflightAlias?: string;
}
interface Staff {
  role: "staff";
  email: string;
  cookie: string;
}
type LoadUser = Flexjobber | CompanyUser | Staff;

console.log(`Database: ${dbFile}`);
console.log("1/4 Creating 200 users …");
const seeded = openDatabase(dbFile);
await prepareDatabase(seeded.db);
const users: LoadUser[] = [];
const aliases: string[] = [];
const openingIds: number[] = [];
for (let c = 0; c < COMPANIES; c++) {
  const company = await createCompany(seeded.db, { name: `Last ${c} ApS` });
  openingIds.push((await createOpening(seeded.db, company.id, { title: `Lagermedhjælper ${c}`, required: ["Lagerarbejde"] })).id);
  for (let u = 0; u < USERS_PER_COMPANY; u++) {
    const user = await createUser(seeded.db, { role: "company", companyId: company.id, email: `firma${c}-${u}@load.example` });
    users.push({ role: "company", email: user.email, cookie: "", companyId: company.id, sent: new Map() });
  }
}
const approver = await createUser(seeded.db, { role: "staff", email: "godkender@load.example" });
for (let i = 0; i < FLEXJOBBERS; i++) {
  const user = await createUser(seeded.db, { role: "flexjobber", email: `borger${i}@load.example`, name: `Borger ${i}` });
  const profile = await fillProfile(seeded.db, user.id, { approvedBy: approver.id, competences: ["Lagerarbejde", "Pakning"] });
  aliases.push(profile.alias);
  users.push({ role: "flexjobber", email: user.email, cookie: "", id: user.id, n: i, interests: new Set(), events: new Map(), inflight: {} });
}
for (let s = 0; s < STAFF; s++) {
  const user = await createUser(seeded.db, { role: "staff", email: `medarbejder${s}@load.example` });
  users.push({ role: "staff", email: user.email, cookie: "" });
}
const eventIds: number[] = [];
for (let e = 0; e < 3; e++) {
  eventIds.push(
    await createEvent(
      seeded.db,
      {
        title: `Kaffemøde ${e}`,
        description: "Kom og mød andre.",
        day: "2030-03-10",
        startTime: "10:00",
        endTime: "11:00",
        place: "Jobcentret",
        onlineUrl: undefined,
        audience: "both",
        capacity: EVENT_CAPACITY,
        signupDeadline: undefined,
      },
      approver.id,
    ),
  );
}
await seeded.db.destroy();

console.log("2/4 Starting the server …");
const server = await startProductionServer(dbFile, dir, 240);
const base = server.base;

console.log("3/4 Logging 200 users in …");
async function login(u: LoadUser) {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: u.email, password: TEST_PASSWORD, redirectTo: "/" }),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (res.status !== 302 || !cookie) throw new Error(`login ${u.email}: ${res.status}`);
  u.cookie = cookie;
}
for (let i = 0; i < users.length; i += 4) await Promise.all(users.slice(i, i + 4).map(login));

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = "application/x-www-form-urlencoded";
const statusCounts = new Map<number, number>();
const count = (status: number) => statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);

type Step = {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: Step) => Step;
  onResponse?: (status: number) => void;
};

function stepsFor(u: LoadUser): Step[] {
  const cookie = { cookie: u.cookie };
  const post = { "content-type": FORM, ...cookie };
  if (u.role === "flexjobber") {
    let saves = 0;
    let i = u.n;
    return [
      { method: "GET", path: "/job?q=lager", headers: cookie },
      {
        method: "POST",
        path: "/profil/om",
        headers: post,
        setupRequest: (req) => {
          u.pendingHeadline = `Stabil lagermedarbejder ${u.n}-${++saves}`;
          return { ...req, body: form({ headline: u.pendingHeadline, summary: "Rolig og grundig." }) };
        },
        onResponse: (status) => {
          if (status === 302) u.confirmedHeadline = u.pendingHeadline;
        },
      },
      ...[0, 1].map((k): Step => {
        let openingId = 0;
        return {
          method: "POST",
          path: "/job/0",
          headers: post,
          body: form({ intent: "interest", shareIdentity: "nej" }),
          setupRequest: (req) => {
            openingId = openingIds[(i + k) % openingIds.length]!;
            u.inflight.interest = openingId;
            return { ...req, path: `/job/${openingId}` };
          },
          onResponse: (status) => {
            u.inflight.interest = undefined;
            if (status === 302) u.interests.add(openingId);
          },
        };
      }),
      (() => {
        let eventId = 0;
        let intent: "signup" | "cancel" = "signup";
        return {
          method: "POST",
          path: "/arrangementer/0",
          headers: post,
          setupRequest: (req: Step) => {
            eventId = eventIds[i++ % eventIds.length]!;
            intent = u.events.get(eventId) ? "cancel" : "signup";
            u.inflight.event = eventId;
            return { ...req, path: `/arrangementer/${eventId}`, body: form({ intent }) };
          },
          onResponse: (status: number) => {
            u.inflight.event = undefined;
            if (status === 302) u.events.set(eventId, intent === "signup");
          },
        } satisfies Step;
      })(),
      { method: "GET", path: "/", headers: cookie },
    ];
  }
  if (u.role === "company") {
    let i = u.companyId * 7;
    let alias = "";
    return [
      { method: "GET", path: "/kandidater?q=lager", headers: cookie },
      {
        method: "POST",
        path: "/kandidater/x",
        headers: post,
        body: form({ message: "Vi har et job på 12 timer. Vil du høre mere?" }),
        setupRequest: (req) => {
          alias = aliases[i++ % aliases.length]!;
          u.inflightAlias = alias;
          return { ...req, path: `/kandidater/${encodeURIComponent(alias)}` };
        },
        onResponse: (status) => {
          u.inflightAlias = undefined;
          if (status === 302) u.sent.set(alias, (u.sent.get(alias) ?? 0) + 1);
        },
      },
      { method: "GET", path: "/beskeder", headers: cookie },
    ];
  }
  return [
    { method: "GET", path: "/statistik", headers: cookie },
    { method: "GET", path: "/borgere", headers: cookie },
  ];
}

console.log(`4/4 Loading for ${DURATION_S} s with ${CONNECTIONS} connections …`);
// Connections are shared out over the roles like the seeded users: most are flexjobbers.
const flex = users.filter((u) => u.role === "flexjobber");
const companies = users.filter((u) => u.role === "company");
const staffUsers = users.filter((u) => u.role === "staff");
const pool: LoadUser[] = [];
for (let c = 0; c < CONNECTIONS; c++) pool.push(c % 10 < 6 ? flex[c % flex.length]! : c % 10 < 9 ? companies[c % companies.length]! : staffUsers[c % staffUsers.length]!);
let nextClient = 0;
// Time per kind of request, to see what limits the whole.
const byStep = new Map<string, number[]>();
const stepName = (s: Step) =>
  `${s.method} ${s.path
    .replace(/\/\d+$/, "/:id")
    .replace(/\/kandidater\/x$/, "/kandidater/:alias")
    .replace(/\?.*$/, "")}`;
const withCounting = (steps: Step[]) =>
  steps.map((s) => {
    let started = 0;
    return {
      ...s,
      setupRequest: (req: Step) => {
        started = performance.now();
        return s.setupRequest ? s.setupRequest(req) : req;
      },
      onResponse: (status: number) => {
        count(status);
        const list = byStep.get(stepName(s)) ?? [];
        list.push(performance.now() - started);
        byStep.set(stepName(s), list);
        s.onResponse?.(status);
      },
    };
  });
const latencies: number[] = [];
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: base,
      connections: CONNECTIONS,
      duration: DURATION_S,
      // Each connection is one user (so its writes happen in order), cycling through its role's steps.
      setupClient: (client) => {
        const u = pool[nextClient++ % pool.length]!;
        (client as unknown as { setRequests: (r: unknown[]) => void }).setRequests(withCounting(stepsFor(u)));
      },
      requests: [{ method: "GET", path: "/healthz" }],
    },
    (error, res) => (error ? reject(error) : resolve(res)),
  );
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
});
latencies.sort((x, y) => x - y);
const percentile = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0);
await server.stop();

// The database against what the server said yes to.
const check = openDatabase(dbFile);
const problems: string[] = [];
for (const u of flex as Flexjobber[]) {
  const profile = await check.db.selectFrom("profiles").select("headline").where("userId", "=", u.id).executeTakeFirstOrThrow();
  if (u.confirmedHeadline && profile.headline !== u.confirmedHeadline && profile.headline !== u.pendingHeadline)
    problems.push(`${u.email}: headline ${profile.headline} ≠ ${u.confirmedHeadline}`);
  const interests = await check.db.selectFrom("interests").select("openingId").where("userId", "=", u.id).execute();
  const stored = new Set(interests.map((r) => r.openingId));
  if (interests.length !== stored.size) problems.push(`${u.email}: interest stored twice`);
  for (const id of u.interests) if (!stored.has(id)) problems.push(`${u.email}: interest ${id} missing`);
  for (const id of stored) if (!u.interests.has(id) && id !== u.inflight.interest) problems.push(`${u.email}: unknown interest ${id}`);
  for (const [eventId, signedUp] of u.events) {
    if (eventId === u.inflight.event) continue;
    const rows = await check.db.selectFrom("eventRegistrations").select("status").where("userId", "=", u.id).where("eventId", "=", eventId).execute();
    if (rows.length > 1) problems.push(`${u.email}: ${rows.length} sign-ups for ${eventId}`);
    const active = rows.some((r) => r.status !== "cancelled");
    if (active !== signedUp) problems.push(`${u.email}: sign-up for ${eventId} is ${active ? "active" : "gone"}, but the answer said ${signedUp ? "signed up" : "cancelled"}`);
  }
}
for (const eventId of eventIds) {
  const registered = await check.db
    .selectFrom("eventRegistrations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("eventId", "=", eventId)
    .where("status", "=", "registered")
    .executeTakeFirstOrThrow();
  if (registered.n > EVENT_CAPACITY) problems.push(`event ${eventId}: ${registered.n} signed up, room for ${EVENT_CAPACITY}`);
}
const sentByCompany = new Map<number, Map<string, number>>();
const inflightByCompany = new Map<number, string[]>();
for (const u of companies as CompanyUser[]) {
  const m = sentByCompany.get(u.companyId) ?? new Map<string, number>();
  for (const [alias, n] of u.sent) m.set(alias, (m.get(alias) ?? 0) + n);
  sentByCompany.set(u.companyId, m);
  if (u.inflightAlias) inflightByCompany.set(u.companyId, [...(inflightByCompany.get(u.companyId) ?? []), u.inflightAlias]);
}
for (const [companyId, sent] of sentByCompany) {
  const rows = await check.db
    .selectFrom("contactRequests as r")
    .innerJoin("profiles as p", "p.userId", "r.profileUserId")
    .select(["p.alias", "r.status"])
    .where("r.companyId", "=", companyId)
    .execute();
  const stored = new Map<string, number>();
  for (const r of rows) stored.set(r.alias, (stored.get(r.alias) ?? 0) + 1);
  const open = inflightByCompany.get(companyId) ?? [];
  const unanswered = (alias: string) => open.filter((a) => a === alias).length;
  for (const [alias, n] of stored) {
    const confirmed = sent.get(alias) ?? 0;
    if (n < confirmed || n > confirmed + unanswered(alias)) problems.push(`company ${companyId}: ${confirmed} requests to ${alias} confirmed, ${n} stored`);
  }
  for (const [alias, n] of sent) if (!stored.has(alias)) problems.push(`company ${companyId}: ${n} requests to ${alias} missing`);
}
await check.db.destroy();

const serverFailures = [...statusCounts].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);
const writes = { profileSaves: (flex as Flexjobber[]).filter((u) => u.confirmedHeadline).length };
const summary = {
  machine: `${os.cpus().length} kerner, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? ""}`.trim(),
  connections: CONNECTIONS,
  seconds: DURATION_S,
  requests: result.requests.total,
  requestsPerSecond: Math.round(result.requests.average),
  latencyMs: { p50: percentile(50), p95: percentile(95), p99: percentile(99), max: Math.round(latencies.at(-1) ?? 0) },
  statuses: Object.fromEntries([...statusCounts].sort(([a], [b]) => a - b)),
  connectionErrors: result.errors,
  timeouts: result.timeouts,
  serverFailures,
  writes,
  problems: problems.length,
  perRequest: Object.fromEntries(
    [...byStep].map(([name, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
      return [name, { n: sorted.length, p50: at(50), p95: at(95) }];
    }),
  ),
};
console.log(JSON.stringify(summary, null, 2));
if (problems.length > 0) console.log(problems.slice(0, 20).join("\n"));
fs.rmSync(dir, { recursive: true, force: true });
const ok = serverFailures === 0 && result.errors === 0 && result.timeouts === 0 && problems.length === 0;
console.log(ok ? "Check: OK – no errors, no lost or doubled writes." : "Check: FAILED");
if (!ok && server.errors()) console.log(`The server's error log:\n${server.errors().slice(0, 4000)}`);
process.exit(ok ? 0 : 1);
