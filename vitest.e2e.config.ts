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
    pool: 'forks',
  },
});
