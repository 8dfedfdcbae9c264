// `npm run migrate-to-postgres -- <sqlite file>`: moves a municipality from its
// SQLite file to the PostgreSQL database DATABASE_URL names (a new, empty one):
// brings both schemas up to date, copies every table, checks the row counts,
// and indexes the search texts on PostgreSQL's terms. The SQLite file is left as it was.
import fs from "node:fs";
import { copyToPostgres } from "../db/copy-to-postgres";
import { databaseLabel, openDatabase, openPostgres, postgresUrl } from "../db/kysely";
import { migrateToLatest } from "../db/migrate";
import { prepareDatabase } from "../db/prepare";
import { rebuildSearchIndexes } from "../app/search/reindex.server";

const file = process.argv[2];
const url = postgresUrl();
if (!file || !fs.existsSync(file) || !url) {
  console.error("Brug: DATABASE_URL=postgres://… npm run migrate-to-postgres -- <sqlite-fil>");
  process.exit(2);
}

const source = openDatabase(file);
const target = openPostgres(url);
try {
  await migrateToLatest(source.db);
  await prepareDatabase(target);
  console.log(`Kopierer ${file} til ${databaseLabel()} …`);
  const report = await copyToPostgres(source.sqlite, target, (table, rows) => console.log(`  ${table}: ${rows} rækker`));
  const wrong = report.filter((r) => r.sqlite !== r.postgres);
  for (const r of wrong) console.error(`  ✗ ${r.table}: ${r.sqlite} i SQLite, ${r.postgres} i PostgreSQL`);
  if (wrong.length > 0) process.exitCode = 1;
  else console.log(`✓ ${report.length} tabeller, ${report.reduce((n, r) => n + r.postgres, 0)} rækker: samme antal i begge databaser.`);
  const indexed = await rebuildSearchIndexes(target);
  console.log(`Søgeindekset er bygget (${indexed} profiler og opslag). Start nu appen med DATABASE_URL sat.`);
} finally {
  await source.db.destroy();
  await target.destroy();
}
