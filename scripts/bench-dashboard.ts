// npm run bench:dashboard [-- --flexjobbers 5000 --months 24]
// Builds a large municipality in a temporary database and prints how long the
// Statistik dashboard takes to compute (target: under 200 ms). Not a test: a
// measurement, to run by hand on the deployment machine.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { sql } from "kysely";

const { values } = parseArgs({ options: { flexjobbers: { type: "string", default: "5000" }, months: { type: "string", default: "24" }, runs: { type: "string", default: "10" } } });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "refleks-bench-"));
process.env.DATABASE_PATH = path.join(dir, "bench.sqlite");
process.env.OUTBOX_DIR = path.join(dir, "outbox");

const { openDatabase } = await import("../db/kysely");
const { prepareDatabase } = await import("../db/prepare");
const { generateMunicipality } = await import("../app/demo/generate.server");
const { createUser } = await import("../app/demo/builders.server");
const { loadDashboard } = await import("../app/stats/dashboard.server");
const metrics = await import("../app/stats/metrics.server");
const { localDate, addDays } = await import("../app/utils/dates");

const { db } = openDatabase(process.env.DATABASE_PATH);
await prepareDatabase(db);
const flexjobbers = Number(values.flexjobbers);
const t0 = Date.now();
const staff = await Promise.all([1, 2, 3, 4, 5].map((i) => createUser(db, { role: "staff", name: `Rådgiver ${i}` })));
await generateMunicipality(db, {
  flexjobbers,
  companies: Math.round(flexjobbers / 15),
  months: Number(values.months),
  seed: 1,
  liveOpenings: true,
  staffIds: staff.map((s) => s.id),
});
const count = async (table: "activityDays" | "employmentStatuses" | "users") =>
  (
    await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow()
  ).n;
console.log(
  `Generated in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${await count("users")} users, ${await count("activityDays")} activity days, ${await count("employmentStatuses")} status rows.`,
);
await sql`analyze`.execute(db);

await loadDashboard(db, {}); // warm-up: first run reads the file into the page cache
const times: number[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  const start = performance.now();
  await loadDashboard(db, {});
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const today = localDate();
const from = `${addDays(today, -365).slice(0, 7)}-01`;
const parts: [string, () => Promise<unknown>][] = [
  ["hyppighed", () => metrics.frequencyBuckets(db, today)],
  ["tilslutning", () => metrics.adoptionFunnel(db, from, today)],
  ["ledighed", () => metrics.ledighedsSeries(db, addDays(today, -730).slice(0, 7), today.slice(0, 7), today)],
  ["aktive pr. uge", () => metrics.activeUsersPerWeek(db, from, today)],
  ["resultater", () => metrics.platformResults(db, from, today)],
];
for (const [name, fn] of parts) {
  const s0 = performance.now();
  await fn();
  console.log(`  ${name}: ${(performance.now() - s0).toFixed(0)} ms`);
}
const median = times[Math.floor(times.length / 2)]!;
console.log(`Statistik (default choices), ${times.length} runs: median ${median.toFixed(0)} ms, fastest ${times[0]!.toFixed(0)} ms, slowest ${times.at(-1)!.toFixed(0)} ms.`);
console.log(median < 200 ? "OK: under 200 ms." : "TOO SLOW: over 200 ms.");
await db.destroy();
fs.rmSync(dir, { recursive: true, force: true });
