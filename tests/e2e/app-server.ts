import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { freePort } from "../free-port";

export async function waitForServer(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not start:\n${log()}`);
}

export interface AppServer {
  baseUrl: string;
  outboxDir: string;
  stop(): Promise<void>;
}

/** Starts the built app (`npm run test:e2e` builds first) on a free port with a fresh database (and the demo municipality). */
export async function startAppServer(extraEnv: Record<string, string> = {}, port?: number): Promise<AppServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "refleks-e2e-"));
  port ??= await freePort();
  const baseUrl = `http://localhost:${port}`;
  const outboxDir = path.join(dir, "outbox");
  let output = "";
  // A production server hashes at full cost: it refuses the test suite's lowered one.
  const { PASSWORD_HASH_COST: _lowered, ...inherited } = process.env;
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["server.ts"], {
    env: {
      ...inherited,
      NODE_ENV: "production",
      PORT: String(port),
      APP_URL: baseUrl,
      DATABASE_PATH: path.join(dir, "e2e.sqlite"),
      OUTBOX_DIR: outboxDir,
      UPLOADS_DIR: path.join(dir, "uploads"),
      EMAIL_API_KEY: "",
      // The journeys see only what they do; the schedule has its own tests (tests/scheduler.test.ts).
      SCHEDULER: "off",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  await waitForServer(`${baseUrl}/login`, child, () => output);
  return {
    baseUrl,
    outboxDir,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
      if (process.env.E2E_SERVER_LOG) console.log(output);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
