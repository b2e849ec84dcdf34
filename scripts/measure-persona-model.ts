/**
 * `npx tsx scripts/measure-persona-model.ts`: what storing the persona model beside the
 * playbook costs and saves. Prints, for the default playbook, the model's size (as JSON, typed
 * arrays written as number arrays, and as V8's structured-clone serialisation, close to what
 * IndexedDB stores) and the median time to train it vs. to structured-clone it (what loading
 * a stored model costs the panel). Measured here, never asserted in tests.
 */
import { serialize } from 'node:v8';
import { trainPersonaModel } from '../lib/core/persona';
import { DEFAULT_PLAYBOOK } from '../lib/playbook/default';

const RUNS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(run: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    const started = performance.now();
    run();
    if (i >= 5) samples.push(performance.now() - started);
  }
  return median(samples);
}

const model = trainPersonaModel(DEFAULT_PLAYBOOK);
const json = JSON.stringify(model, (_key, value: unknown) => (ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

console.log(`default playbook: ${model.personaIds.length} personas, ${model.features.size} n-gram features, ${model.classes.length} classes`);
console.log(`model as JSON:              ${kb(Buffer.byteLength(json))}`);
console.log(`model, structured clone:    ${kb(serialize(model).byteLength)}`);
console.log(`train (median of ${RUNS}):       ${time(() => trainPersonaModel(structuredClone(DEFAULT_PLAYBOOK))).toFixed(2)} ms (includes cloning the playbook: ${time(() => structuredClone(DEFAULT_PLAYBOOK)).toFixed(2)} ms)`);
console.log(`structured clone (median):  ${time(() => structuredClone(model)).toFixed(2)} ms`);
