/**
 * `npx tsx scripts/measure-persona-model.ts`: what storing the persona model beside the
 * playbook costs and saves. Prints, for the default playbook, the model's size (as JSON, typed
 * arrays written as number arrays, and as V8's structured-clone serialisation, close to what
 * IndexedDB stores) and the median time to train it vs. to structured-clone it (what loading
 * a stored model costs the panel). Measured here, never asserted in tests.
 *
 * `npx tsx scripts/measure-persona-model.ts path/to/playbook.json` measures that playbook
 * instead (say, the default of an earlier commit: `git show <rev>:lib/playbook/default-playbook.json`).
 * Training is also reported as CPU time, steadier than wall time on a busy machine.
 */
import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { trainPersonaModel } from '../lib/core/persona';
import { DEFAULT_PLAYBOOK } from '../lib/playbook/default';
import { parsePlaybook, type Playbook } from '../lib/playbook/schema';

const RUNS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(run: () => unknown): number {
  return timeBoth(run).wall;
}

/** Median wall time and median CPU time (user + system) of `run`, in ms, after five warm-up runs. */
function timeBoth(run: () => unknown): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    const started = performance.now();
    const startedCpu = process.cpuUsage();
    run();
    const used = process.cpuUsage(startedCpu);
    if (i >= 5) {
      wall.push(performance.now() - started);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return { wall: median(wall), cpu: median(cpu) };
}

function loadPlaybook(path: string | undefined): { name: string; playbook: Playbook } {
  if (!path) return { name: 'default playbook', playbook: DEFAULT_PLAYBOOK };
  const parsed = parsePlaybook(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error(`${path} is not a valid playbook: ${JSON.stringify(parsed.errors)}`);
  return { name: path, playbook: parsed.playbook };
}

const { name, playbook } = loadPlaybook(process.argv[2]);
const model = trainPersonaModel(playbook);
const json = JSON.stringify(model, (_key, value: unknown) => (ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

console.log(`${name}: ${model.personaIds.length} personas, ${model.features.size} n-gram features, ${model.classes.length} classes`);
console.log(`model as JSON:              ${kb(Buffer.byteLength(json))}`);
console.log(`model, structured clone:    ${kb(serialize(model).byteLength)}`);
const training = timeBoth(() => trainPersonaModel(structuredClone(playbook)));
console.log(`train (median of ${RUNS}):       ${training.wall.toFixed(2)} ms wall, ${training.cpu.toFixed(2)} ms CPU (includes cloning the playbook: ${time(() => structuredClone(playbook)).toFixed(2)} ms)`);
console.log(`structured clone (median):  ${time(() => structuredClone(model)).toFixed(2)} ms`);
