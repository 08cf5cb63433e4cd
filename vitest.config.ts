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
    // Files share a worker's module cache instead of each importing the whole
    // pipeline afresh: about 0.6 s a file, 110 s -> 70 s for the lane on two
    // cores. Nothing in src/ keeps state a test could leak (caches are pure
    // memos), and no test changes process.env, the working folder or a module.
    isolate: false,
    hookTimeout: 60_000,
    // A temporary folder per run, removed at its end (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default'],
  },
});
