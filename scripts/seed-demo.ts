// npm run seed:demo -- --flexjobbers 300 --companies 80 --months 24 --seed 42
// Writes a fresh demo municipality to DATABASE_PATH (an existing file is kept
// next to it as .bak), deterministic for a given seed and day.
import fs from "node:fs";
import { parseArgs } from "node:util";

import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "../app/demo/seed.server";
import { databasePath, openDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";

const { values } = parseArgs({
  options: {
    flexjobbers: { type: "string", default: "300" },
    companies: { type: "string", default: "80" },
    months: { type: "string", default: "24" },
    seed: { type: "string", default: "42" },
  },
});
const number = (name: keyof typeof values, min: number, max: number) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}.`);
    process.exit(2);
  }
  return n;
};
const options = {
  flexjobbers: number("flexjobbers", 1, 20_000),
  companies: number("companies", 1, 2_000),
  months: number("months", 2, 60),
  seed: number("seed", 0, 2 ** 31),
  liveOpenings: true,
};

const file = databasePath();
for (const suffix of ["", "-wal", "-shm"]) {
  if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, `${file}.bak${suffix}`);
}
const started = Date.now();
const { db } = openDatabase(file);
await prepareDatabase(db);
await seedDemo(db, new Date(), options);
await db.destroy();
console.log(`The demo municipality is written to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s (${JSON.stringify(options)}).`);
console.log(`Demo logins (password: ${DEMO_PASSWORD}): ${DEMO_LOGINS.map((l) => l.email).join(", ")}`);
