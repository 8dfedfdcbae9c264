// `npm run reminders`: emails everyone signed up for an event that starts
// tomorrow (Danish time). Safe to run more than once a day; run it daily (cron).
import { databasePath, openDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";
import { sendReminders } from "../app/events/notices.server";

const { db } = openDatabase(databasePath());
await prepareDatabase(db);
const sent = await sendReminders(db);
console.log(`Påmindelser sendt: ${sent}`);
await db.destroy();
