import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Failover tests against Sentinel and Cluster: npm run test:ha (vitest.ha.config.ts).
    exclude: ["tests/ha/**", "**/node_modules/**"],
    globalSetup: ["tests/helpers/redis-global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
