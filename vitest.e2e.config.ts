import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/helpers/e2eGlobalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One browser at a time: these machines have two cores, and the app itself uses workers.
    fileParallelism: false,
    // A browser test on a loaded two-core machine can lose a race it should not; one retry
    // keeps a single stall from failing CI, and Vitest still reports every retried test, so
    // a flaky test stays visible and gets fixed (as the search tests were).
    retry: 1,
    pool: 'forks',
  },
});
