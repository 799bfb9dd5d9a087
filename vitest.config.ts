import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Failover tests against Sentinel and Cluster: npm run test:ha (vitest.ha.config.ts).
    exclude: ["tests/ha/**", "**/node_modules/**"],
    globalSetup: ["tests/helpers/redis-global-setup.ts"],
    // Vitest's default leaves one core free: on a 2-core machine that is one worker and a suite
    // twice as long. The tests wait on Redis and child processes much of the time; two workers
    // keep the suite under two minutes here (measured: 183 s → 110 s).
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
