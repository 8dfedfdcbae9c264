// `npm run retention`: warns accounts unused for RETENTION_MONTHS (default 24)
// by email and erases them 30 days later unless they are used. Run it daily
// (cron), like the reminders; running it twice a day does nothing twice.
import { openAppDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";
import { env } from "../app/env.server";
import { runRetention } from "../app/privacy/retention.server";

const db = openAppDatabase();
await prepareDatabase(db);
const result = await runRetention(db, { months: env.RETENTION_MONTHS });
console.log(`Sletning af ubrugte konti (${env.RETENTION_MONTHS} måneder): ${result.warned} advaret, ${result.erased} slettet, ${result.kept} brugt igen og beholdt.`);
await db.destroy();
