// Starts the built app (`npm run build` first) as production runs it, on a free
// loopback port, against a given database: for the load test and the benchmark.
import { spawn } from "node:child_process";
import path from "node:path";

import { freePort } from "../tests/free-port";

export interface RunningServer {
  base: string;
  /** What the server wrote to stderr so far (its error log). */
  errors: () => string;
  stop: () => Promise<void>;
}

export async function startProductionServer(
  databasePath: string,
  scratchDir: string,
  waitTries = 600,
  /** More environment for this server (e.g. SERVER_TIMING, READER_THREADS; SCHEDULER is off unless given). */
  extraEnv: Record<string, string> = {},
): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // A production server hashes at full cost: it refuses the test suite's lowered one.
  const { PASSWORD_HASH_COST: _lowered, ...inherited } = process.env;
  const server = spawn(path.resolve("node_modules/.bin/tsx"), ["server.ts"], {
    env: {
      ...inherited,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_PATH: databasePath,
      SEED_DEMO: "false",
      OUTBOX_DIR: path.join(scratchDir, "outbox"),
      UPLOADS_DIR: path.join(scratchDir, "uploads"),
      EMAIL_API_KEY: "",
      SMTP_URL: "",
      SCHEDULER: "off",
      ...extraEnv,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  server.stderr?.on("data", (d) => (errors += d));
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > waitTries) throw new Error(`server did not start\n${errors}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    errors: () => errors,
    stop: async () => {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    },
  };
}
