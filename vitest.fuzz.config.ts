import { defineConfig } from 'vitest/config';
import unit from './vitest.config';

// `npm run fuzz`: the property-based tests of the unit suite with many more cases (same fixed
// seed, so the first cases are the unit run's). PLAYCARD_FUZZ_RUNS and PLAYCARD_FUZZ_SEED override.
export default defineConfig({
  ...unit,
  test: {
    ...unit.test,
    include: ['test/unit/fuzz-*.test.ts'],
    env: { PLAYCARD_FUZZ_RUNS: process.env.PLAYCARD_FUZZ_RUNS ?? '3000', PLAYCARD_FUZZ_SEED: process.env.PLAYCARD_FUZZ_SEED ?? '20261201' },
    testTimeout: 3_600_000,
  },
});
