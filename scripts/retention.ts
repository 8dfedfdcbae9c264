// `npm run retention`: warns accounts unused for RETENTION_MONTHS (default 24)
// by email and erases them 30 days later unless they are used. The app runs
// it daily at 03:00 itself; running it twice a day does nothing twice.
import { runJobByHand } from "./run-job";

await runJobByHand("retention");
