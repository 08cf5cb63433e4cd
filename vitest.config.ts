import { defineConfig } from 'vitest/config';

// `npm test`: the fast lane, everything but the heavy files. A test file whose
// cases take long (very large inputs, 100k-member chains, fuzzing, browsers)
// is named `*.slow.test.ts` and runs in `npm run test:slow` (vitest.slow.config.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.slow.test.ts', '**/node_modules/**'],
    // End-to-end tests spawn the built binary; give a loaded 2-core machine room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A temporary folder per run, removed at its end (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default'],
  },
});
