import { ensureDataset } from "./dataset";
import { openDatabase } from "../../db/kysely";
import * as metrics from "../../app/stats/metrics.server";
import { loadDashboard } from "../../app/stats/dashboard.server";
import { localDate, addDays } from "../../app/utils/dates";
await ensureDataset("bench/data/large.sqlite", console.log);
const { db } = openDatabase("bench/data/large.sqlite");
const today = localDate();
const from = `${addDays(today, -365).slice(0, 7)}-01`;
await loadDashboard(db, {});
const parts: [string, () => Promise<unknown>][] = [
  ["all", () => loadDashboard(db, {})],
  ["hyppighed", () => metrics.frequencyBuckets(db, today)],
  ["tilslutning", () => metrics.adoptionFunnel(db, from, today)],
  ["ledighed", () => metrics.ledighedsSeries(db, addDays(today, -730).slice(0, 7), today.slice(0, 7), today)],
  ["aktive pr. uge", () => metrics.activeUsersPerWeek(db, from, today)],
  ["resultater", () => metrics.platformResults(db, from, today)],
];
for (const [name, fn] of parts) { const s0 = performance.now(); await fn(); console.log(`  ${name}: ${(performance.now() - s0).toFixed(0)} ms`); }
