// `npm run bench:report`: writes bench/RESULTS.md again from the last run's
// measurements (bench/data/last-run.json), e.g. after a reason in reasons.ts
// changed. The date in the report stays the run's.
import fs from "node:fs";

import { fromJson, writeResults } from "./results";

const file = process.env.BENCH_DATABASE ? `${process.env.BENCH_DATABASE.replace(/[^/]+$/, "")}last-run.json` : "bench/data/last-run.json";
if (!fs.existsSync(file)) {
  console.error(`No measurements in ${file}: run npm run bench first.`);
  process.exit(1);
}
const last = JSON.parse(fs.readFileSync(file, "utf8"));
fs.writeFileSync("bench/RESULTS.md", writeResults({ ...last, results: fromJson(last.results), runAt: last.at }));
console.log(`Wrote bench/RESULTS.md from ${file}`);
