// `npm run reminders`: event reminders for tomorrow (Danish time), deadline
// reminders seven days ahead, and the alerts of saved searches and
// recommended openings that no request set off (edits, a profile shown
// again). Every part is told once, so it is safe to run often; run it every
// hour (cron), and `npm run digest` once a day.
import { openAppDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";
import { runAlerts } from "../app/alerts/alerts.server";
import { sendReminders } from "../app/events/notices.server";

const db = openAppDatabase();
await prepareDatabase(db);
const events = await sendReminders(db);
const alerts = await runAlerts(db);
console.log(`Påmindelser om arrangementer: ${events}`);
console.log(`Påmindelser om frister: ${alerts.deadlines}`);
console.log(`Nye resultater til gemte søgninger: ${alerts.searches}`);
console.log(`Anbefalede nye job: ${alerts.recommended}`);
await db.destroy();
