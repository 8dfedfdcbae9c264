import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["node_modules/**", "tests/e2e/**"],
    // Each test file gets its own migrated database (SQLite, or PostgreSQL with DATABASE_URL) and an msw email API.
    setupFiles: ["tests/setup/env.ts", "tests/setup/msw.ts"],
    // On PostgreSQL (DATABASE_URL), the migrated template those databases are copied from.
    globalSetup: ["tests/setup/global.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
