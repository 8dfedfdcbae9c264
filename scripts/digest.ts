// `npm run digest`: one email per person with the notifications they chose to
// get as a daily collection ("Daglig samling"). Each notification is emailed
// at most once, so running it twice sends nothing new. Run it daily (cron).
import { openAppDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";
import { sendDigests } from "../app/notifications/notifications.server";

const db = openAppDatabase();
await prepareDatabase(db);
const sent = await sendDigests(db);
console.log(`Daglige samlinger sendt: ${sent}`);
await db.destroy();
