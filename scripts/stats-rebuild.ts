// npm run stats:rebuild: recomputes the statistics roll-ups from the raw rows
// (activity_years from ActivityDay). The app keeps them as rows change; this is
// for repair after restoring rows by hand, and for the audit.
import { databasePath, openDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";
import { rebuildActivityYears } from "../app/stats/activity.server";

const { db } = openDatabase(databasePath());
await prepareDatabase(db);
const started = performance.now();
const n = await rebuildActivityYears(db);
console.log(`Aktivitet pr. år genberegnet fra de rå rækker: ${n} person-år på ${((performance.now() - started) / 1000).toFixed(1)} s.`);
await db.destroy();
