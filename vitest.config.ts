import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { FixturesLastSequencer } from './tests/helpers/sequencer.ts';

/**
 * Four projects: `unit` (pure logic), `server` (the function over real HTTP), `site` (checks
 * on fixture sites built once by the global setup) and `e2e` (Chromium against served
 * builds). `npm test` runs them all, two files at a time; a test that builds takes the
 * build lock (tests/helpers/build-lock.ts), so there is still one Astro build at a time.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Vitest's default is one worker less than the cores: a single worker, so every file one
    // after another, on the 2-core machines CI and most of us use. Most files wait on a
    // browser, a server or a child process, so two at a time keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 300_000,
    sequence: { sequencer: FixturesLastSequencer },
    // Two files at a time on 2 cores: a page's answer can take seconds, not Vitest's default one.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'server', include: ['tests/server/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['tests/site/build-fixtures.ts'], setupFiles: ['tests/helpers/wait-for-fixtures.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/site/build-fixtures.ts'],
          setupFiles: ['tests/helpers/wait-for-fixtures.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
