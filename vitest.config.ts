import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

/** Tests that take long by nature (a whole simulated municipality): `npm run test:slow`, and CI, run them. */
export const SLOW_TESTS = ["tests/generate-demo.test.ts"];

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["node_modules/**", "tests/e2e/**", ...SLOW_TESTS],
    // Each test file gets its own copy of the migrated database (SQLite, or PostgreSQL with DATABASE_URL) and an msw email API.
    setupFiles: ["tests/setup/env.ts", "tests/setup/msw.ts"],
    // The migrated templates those databases are copied from, and the production build some tests start.
    globalSetup: ["tests/setup/global.ts"],
    environment: "node",
    // One more worker than this machine's two cores: test files also wait (servers starting,
    // sockets, rate-limit delays), and a third worker fills those waits (120 s → 100 s here).
    maxWorkers: 3,
    // No test should come near this; a test that does is slow and belongs in SLOW_TESTS.
    testTimeout: 20_000,
  },
});
