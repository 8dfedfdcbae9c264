// npm run stats:rebuild: recomputes the statistics roll-ups from the raw rows
// (activity_years from ActivityDay) and forgets the cached counts (ledighed per
// day, active per week), which the next view counts again. The app keeps them
// as rows change; this is for repair after changing rows by hand, and for the audit.
import { rebuildActivityYears } from "../app/stats/activity.server";
import { forgetCachedCounts } from "../app/stats/metrics.server";
import { openAppDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";

const db = openAppDatabase();
await prepareDatabase(db);
const started = performance.now();
const n = await rebuildActivityYears(db);
await forgetCachedCounts(db);
console.log(`Activity per year recomputed from the raw rows (${n} person-years), stored counts dropped, in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
await db.destroy();
