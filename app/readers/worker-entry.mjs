// Reader threads start here: plain JavaScript that teaches the thread to load
// the app's TypeScript (as tsx does for the server), then runs worker.ts.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
