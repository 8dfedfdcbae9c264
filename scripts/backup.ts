// `npm run backup -- <file>`: a consistent copy of the database while the app runs.
import { backupDatabase, verifyBackup } from "../db/backup";
import { databasePath, postgresUrl } from "../db/kysely";

// On PostgreSQL the server's own tools do this, consistently and while the app runs.
if (postgresUrl()) {
  console.error("The database is PostgreSQL: use pg_dump (see README, Skalering).");
  process.exit(2);
}

const target = process.argv[2];
if (!target) {
  console.error("Usage: npm run backup -- <file>, e.g. npm run backup -- /backup/refleks-$(date +%F).sqlite");
  process.exit(2);
}
let shown = -1;
await backupDatabase(databasePath(), target, (done, total) => {
  const pct = total ? Math.floor((100 * done) / total) : 100;
  if (pct >= shown + 10 || pct === 100) {
    shown = pct;
    process.stdout.write(`\rBackup: ${pct} %`);
  }
});
verifyBackup(target);
console.log(`\nThe backup is written and checked: ${target}`);
