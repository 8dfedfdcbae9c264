import { defineConfig } from "vitest/config";

import base, { SLOW_TESTS } from "./vitest.config";

// The slow tests alone (npm run test:slow): the same setup as npm test.
export default defineConfig({
  ...base,
  test: { ...base.test, include: SLOW_TESTS, exclude: ["node_modules/**"] },
});
