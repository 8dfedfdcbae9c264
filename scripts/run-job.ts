// A scheduled job run by hand (`npm run reminders`, `digest`, `retention`):
// the same function the app's schedule runs, recorded as the same job_runs
// row, so the Drift page and /healthz see it either way.
import { describeCounts, type JobName, JOBS } from "../app/schedule/jobs.server";
import { runJobNow } from "../app/schedule/scheduler.server";
import { openAppDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";

export async function runJobByHand(name: JobName): Promise<void> {
  const db = openAppDatabase();
  await prepareDatabase(db);
  const run = await runJobNow(db, name, "command");
  await db.destroy();
  if (run === "running") {
    console.error(`${name} is running already (the schedule or another command); try again when it has finished.`);
    process.exit(1);
  }
  if (run.outcome === "failed") {
    console.error(`${name} failed: ${run.error}`);
    process.exit(1);
  }
  console.log(`${name}: ${describeCounts(JOBS[name], JSON.parse(run.summary ?? "{}"), "en")}`);
}
