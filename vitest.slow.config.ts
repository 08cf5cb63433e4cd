import { defineConfig } from 'vitest/config';

// `npm run test:slow`: only the heavy test files (`*.slow.test.ts`).
export default defineConfig({
  test: {
    include: ['test/**/*.slow.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // A temporary folder per run, removed at its end (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default'],
  },
});
