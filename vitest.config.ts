import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure logic, parallel), `site` (checks on fixture sites
 * built once by the global setup; one build at a time on 2 cores) and `e2e`
 * (Chromium against served builds). `npm test` runs them all.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'server', include: ['tests/server/**/*.test.ts'], fileParallelism: false } },
      {
        extends: true,
        test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['tests/site/build-fixtures.ts'] },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/site/build-fixtures.ts'], fileParallelism: false, testTimeout: 60_000 },
      },
    ],
  },
});
