import { ensureDataset } from "./dataset";
import { openDatabase } from "../../db/kysely";
import { recommendCandidates, searchJobs } from "../../app/openings/job-search.server";
import { loadOpening } from "../../app/openings/openings.server";
await ensureDataset("bench/data/large.sqlite", console.log);
const { db, sqlite } = openDatabase("bench/data/large.sqlite");
const opening = sqlite.prepare("select id from openings where company_id = 1 and status = 'published' order by id limit 1").get() as { id: number };
const o = (await loadOpening(db, opening.id))!;
const f = (q?: string) => ({ q, fitsHours: false, withinCommute: false, remoteOnly: false, newThisWeek: false, sort: "match" as const, page: 1 });
for (const [name, fn] of [["jobs", () => searchJobs(db, "bench-flex-1", f())], ["jobs text", () => searchJobs(db, "bench-flex-1", f("lager"))], ["recommend", () => recommendCandidates(db, o, 6)]] as const) {
  await fn(); const t: number[] = [];
  for (let i = 0; i < 10; i++) { const s = performance.now(); await fn(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b); console.log(name, t[5]!.toFixed(1), "ms median");
}
