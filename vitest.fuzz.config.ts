import { defineConfig } from 'vitest/config';

// `npm run fuzz`: the fuzz properties only, with many runs and a new seed each
// time (fast-check prints the seed of a failure; FUZZ_SEED=<seed> replays it).
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.test.ts'],
    env: {
      FUZZ_RUNS: process.env.FUZZ_RUNS ?? '3000',
      FUZZ_SEED: process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 31),
    },
    testTimeout: 30 * 60_000,
    reporters: ['default'],
  },
});
