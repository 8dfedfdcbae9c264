// `npm run digest`: one email per person with the notifications they chose to
// get as a daily collection ("Daglig samling"), and one SMS to each citizen who
// chose a daily SMS. Each notification goes out at most once, so running it
// twice sends nothing new. The app runs it daily at 07:00 itself.
import { runJobByHand } from "./run-job";

await runJobByHand("digest");
