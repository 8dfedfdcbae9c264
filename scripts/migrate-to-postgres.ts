// `npm run migrate-to-postgres -- <sqlite file>`: moves a municipality from its
// SQLite file to the PostgreSQL database DATABASE_URL names (a new, empty one):
// brings both schemas up to date, copies every table, checks the row counts,
// and indexes the search texts on PostgreSQL's terms. The SQLite file is left as it was.
import fs from "node:fs";

import { rebuildSearchIndexes } from "../app/schedule/search-indexes.server";
import { copyToPostgres } from "../db/copy-to-postgres";
import { databaseLabel, openDatabase, openPostgres, postgresUrl } from "../db/kysely";
import { migrateToLatest } from "../db/migrate";
import { prepareDatabase } from "../db/prepare";

const file = process.argv[2];
const url = postgresUrl();
if (!file || !fs.existsSync(file) || !url) {
  console.error("Usage: DATABASE_URL=postgres://… npm run migrate-to-postgres -- <sqlite file>");
  process.exit(2);
}

const source = openDatabase(file);
const target = openPostgres(url);
try {
  await migrateToLatest(source.db);
  await prepareDatabase(target);
  console.log(`Copying ${file} to ${databaseLabel()} …`);
  const report = await copyToPostgres(source.sqlite, target, (table, rows) => console.log(`  ${table}: ${rows} rows`));
  const wrong = report.filter((r) => r.sqlite !== r.postgres);
  for (const r of wrong) console.error(`  ✗ ${r.table}: ${r.sqlite} in SQLite, ${r.postgres} in PostgreSQL`);
  if (wrong.length > 0) process.exitCode = 1;
  else console.log(`✓ ${report.length} tables, ${report.reduce((n, r) => n + r.postgres, 0)} rows: the same counts in both databases.`);
  const indexed = await rebuildSearchIndexes(target);
  console.log(`The search index is built (${indexed} profiles and openings). Now start the app with DATABASE_URL set.`);
} finally {
  await source.db.destroy();
  await target.destroy();
}
