// `npm run restore -- <file>`: puts a backup back. Refuses while the server runs.
import fs from "node:fs";

import { restoreDatabase } from "../db/backup";
import { databasePath, postgresUrl, serverPidFile } from "../db/kysely";

// On PostgreSQL the server's own tools do this, consistently and while the app runs.
if (postgresUrl()) {
  console.error("The database is PostgreSQL: use pg_restore (see README, Skalering).");
  process.exit(2);
}

const source = process.argv[2];
if (!source || !fs.existsSync(source)) {
  console.error("Usage: npm run restore -- <backup file>");
  process.exit(2);
}
const pidFile = serverPidFile();
if (fs.existsSync(pidFile)) {
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  let running: boolean;
  try {
    process.kill(pid, 0);
    running = true;
  } catch {
    running = false;
  }
  if (running) {
    console.error(`The server is running (pid ${pid}). Stop it first, then run npm run restore again.`);
    process.exit(1);
  }
}
const kept = restoreDatabase(source, databasePath());
console.log(`The backup is restored to ${databasePath()}.${kept ? ` The database it replaced is kept as ${kept}.` : ""}`);
