import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["node_modules/**", "tests/e2e/**"],
    // Each test file gets its own migrated SQLite file and an msw email API.
    setupFiles: ["tests/setup/env.ts", "tests/setup/msw.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
