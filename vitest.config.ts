import { defineConfig } from 'vitest/config';

// One command runs every package's tests. Database tests run on PGlite always and, when
// TEST_DATABASE_URL is set, on that PostgreSQL server too. Browser tests need Chromium.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', root: 'packages/domain', include: ['test/**/*.test.ts'] } },
      { test: { name: 'contract', root: 'packages/contract', include: ['test/**/*.test.ts'] } },
      { test: { name: 'web', root: 'apps/web', include: ['test/**/*.test.ts'] } },
      {
        test: {
          name: 'db',
          root: 'packages/db',
          include: ['test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'server',
          root: 'apps/server',
          include: ['test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root: 'tests/e2e',
          include: ['**/*.test.ts'],
          globalSetup: ['./global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // A page under a loaded machine may take a few seconds to show what a click changed:
          // polls wait up to 10 s instead of vitest's 1 s (a failing poll still fails).
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
