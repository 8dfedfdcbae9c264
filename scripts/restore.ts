// `npm run restore -- <file>`: puts a backup back. Refuses while the server runs.
import fs from "node:fs";
import { postgresUrl, databasePath, serverPidFile } from "../db/kysely";
import { restoreDatabase } from "../db/backup";

// On PostgreSQL the server's own tools do this, consistently and while the app runs.
if (postgresUrl()) {
  console.error("Databasen er PostgreSQL: brug pg_restore (se README, Skalering).");
  process.exit(2);
}

const source = process.argv[2];
if (!source || !fs.existsSync(source)) {
  console.error("Brug: npm run restore -- <sikkerhedskopi>");
  process.exit(2);
}
const pidFile = serverPidFile();
if (fs.existsSync(pidFile)) {
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  let running = false;
  try {
    process.kill(pid, 0);
    running = true;
  } catch {
    running = false;
  }
  if (running) {
    console.error(`Serveren kører (pid ${pid}). Stop den først, og kør så npm run restore igen.`);
    process.exit(1);
  }
}
const kept = restoreDatabase(source, databasePath());
console.log(`Sikkerhedskopien er lagt tilbage i ${databasePath()}.${kept ? ` Den tidligere database ligger i ${kept}.` : ""}`);
