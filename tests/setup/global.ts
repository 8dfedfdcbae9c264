import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { postgresTestUrl, prepareTemplate } from "./postgres";

// Once per run, before any test file:
// - the production build, for the tests that start the real server (statements per page,
//   /metrics, two processes): built when missing or older than the app's sources, here and
//   only here, because two test files building at once would each load the other's half-written build;
// - on PostgreSQL, the template every test file's database is copied from.
export default async function setup(): Promise<void> {
  // NODE_ENV is "test" here: a build made so would call React's development JSX runtime, which the production server lacks.
  if (buildIsStale()) execFileSync("node_modules/.bin/remix", ["build"], { stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
  const url = postgresTestUrl();
  if (url) await prepareTemplate(url);
}

function buildIsStale(): boolean {
  const built = "build/index.js";
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  const newer = (dir: string): boolean =>
    fs.readdirSync(dir, { withFileTypes: true }).some((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? newer(p) : fs.statSync(p).mtimeMs > builtAt;
    });
  return newer("app") || newer("db");
}
