/**
 * Two test projects, one command (`npm test`):
 *  - unit:    pure code in Node (model, extract, graph, state, cli).
 *  - browser: the built app driven in a real headless Chromium with WebGL (Playwright).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One Chromium at a time: software WebGL on 2 cores.
          fileParallelism: false,
          // What the page does after a click can wait behind a software-WebGL
          // frame or a camera glide on a loaded machine: poll longer than 1 s.
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
});
