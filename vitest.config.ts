import { defineConfig } from 'vitest/config';

// Two projects: fast unit/integration tests in Node (Dexie on fake-indexeddb, the server on
// real HTTP), and browser tests that drive Debian's Chromium through playwright-core
// against the built app. The e2e project runs its files one at a time: one Chromium at a
// time is what a 2-core machine can carry without flaking.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
