// npm run test:ha: failover tests against real Redis Sentinel and Cluster set-ups (slow; kept
// out of npm test). Each file starts its own servers on free loopback ports.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/ha/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
