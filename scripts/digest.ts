// `npm run digest`: one email per person with the notifications they chose to
// get as a daily collection ("Daglig samling"), and one SMS to each citizen who
// chose a daily SMS. Each notification is emailed
// at most once, so running it twice sends nothing new. Run it daily (cron).
import { openAppDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";
import { sendDigests, sendSmsDigests } from "../app/notifications/notifications.server";

const db = openAppDatabase();
await prepareDatabase(db);
const emails = await sendDigests(db);
const sms = await sendSmsDigests(db);
console.log(`Daily digests sent: ${emails} emails, ${sms} SMS`);
await db.destroy();
