/**
 * `npm run fuzz`: the long run of the property-based tests (test/unit/fuzz-*.test.ts).
 * `npm test` runs 200 cases of each with one fixed seed; this runs ROUNDS more seeds of RUNS
 * cases each, one process per seed: happy-dom keeps memory for every page it built, and one
 * process for 3,000 mutated pages would run out of heap. Each seed is fixed, so a failure
 * replays with `PLAYCARD_FUZZ_SEED=<seed> npx vitest run --config vitest.fuzz.config.ts`.
 *
 *   npm run fuzz                 # 12 seeds × 250 cases (3,000 pages, 9,000 playbooks)
 *   npm run fuzz -- 4 100        # 4 seeds × 100 cases
 */
import { spawnSync } from 'node:child_process';

const [rounds = 12, runs = 250] = process.argv.slice(2).map(Number);
const FIRST_SEED = 20_261_202;

for (let round = 0; round < rounds; round++) {
  const seed = FIRST_SEED + round;
  console.log(`fuzz: seed ${seed}, ${runs} cases (${round + 1} of ${rounds})`);
  const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.fuzz.config.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PLAYCARD_FUZZ_SEED: String(seed), PLAYCARD_FUZZ_RUNS: String(runs), PLAYCARD_FUZZ_LONG: '1' },
  });
  if (result.status !== 0) {
    console.error(`fuzz: seed ${seed} failed; replay with PLAYCARD_FUZZ_SEED=${seed} PLAYCARD_FUZZ_RUNS=${runs} PLAYCARD_FUZZ_LONG=1 npx vitest run --config vitest.fuzz.config.ts`);
    process.exit(1);
  }
}
console.log(`fuzz: ${rounds} seeds × ${runs} cases passed`);
