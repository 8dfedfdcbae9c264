// `npm run reminders`: event reminders for tomorrow (Danish time), deadline
// reminders seven days ahead, and the alerts of saved searches and
// recommended openings that no request set off. The app runs it every hour
// itself (app/schedule/jobs.server.ts); by hand it writes the same job_runs row.
import { runJobByHand } from "./run-job";

await runJobByHand("reminders");
