import { defineConfig } from 'vitest/config';
import unit from './vitest.config';

// The property-based tests alone, without a time limit: scripts/fuzz.ts (`npm run fuzz`) runs
// them over many seeds with PLAYCARD_FUZZ_RUNS cases each.
export default defineConfig({
  ...unit,
  test: {
    ...unit.test,
    include: ['test/unit/fuzz-*.test.ts'],
    testTimeout: 3_600_000,
  },
});
