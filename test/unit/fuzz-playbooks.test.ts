/**
 * Issue 14: property-based fuzzing of the playbook loader (lib/playbook/migrate.ts), the one path
 * every source goes through (file, URL, policy, studio, CLI).
 *
 * Inputs: any JSON, any bytes, and mutated copies of real playbooks (the test fixture and the
 * shipped default): keys deleted, values replaced, arrays duplicated or shuffled, huge strings,
 * deep nesting, prototype keys, odd Unicode. The seed is fixed; `npm run fuzz` runs many more
 * cases over other seeds (scripts/fuzz.ts).
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { installBuiltinPlaybook, openDb, updateStatus } from '../../lib/db';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { loadPlaybook, loadPlaybookBytes, loadPlaybookText } from '../../lib/playbook/migrate';
import { applyIncoming } from '../../lib/playbook/runtime/store';
import type { ParseResult } from '../../lib/playbook/schema';

const RUNS = Number(process.env.PLAYCARD_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.PLAYCARD_FUZZ_SEED ?? 20_261_201);
const URL_ = 'https://playbooks.example.com/team.json';

const smallText = readFileSync(new URL('../fixtures/playbooks/small.json', import.meta.url), 'utf8');
const SMALL = JSON.parse(smallText) as Record<string, unknown>;
const SOURCES = [SMALL, JSON.parse(JSON.stringify(DEFAULT_PLAYBOOK)) as Record<string, unknown>];

/** A result of the loader's type: a playbook, or at least one error with a path and a message. */
function wellFormed(result: ParseResult): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    expect(typeof result.playbook.id).toBe('string');
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(typeof error.path).toBe('string');
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
  }
}

/** Where a change lands: a path of picks, each taken modulo what is there. */
type Change =
  | { kind: 'delete'; path: number[] }
  | { kind: 'replace'; path: number[]; value: unknown }
  | { kind: 'duplicate'; path: number[] }
  | { kind: 'shuffle'; path: number[]; order: number[] }
  | { kind: 'huge'; path: number[]; unit: string; size: number }
  | { kind: 'deep'; path: number[]; depth: number }
  | { kind: 'odd-key'; path: number[]; key: string; value: unknown };

const DEEP = '\u0000deep\u0000';
const path = fc.array(fc.nat(), { minLength: 0, maxLength: 8 });
const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('\u202e', '\u2066', '\u200b', '\ufeff', '\u0000', '\ud800', 'а', 'е', 'o', '0', '<', '"', '\\'), maxLength: 20 }),
);
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), path }),
  fc.record({ kind: fc.constant('replace' as const), path, value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), oddString, fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -0, 0.5, '', null)) }),
  fc.record({ kind: fc.constant('duplicate' as const), path }),
  fc.record({ kind: fc.constant('shuffle' as const), path, order: fc.array(fc.nat(), { maxLength: 20 }) }),
  fc.record({ kind: fc.constant('huge' as const), path, unit: fc.oneof(oddString, fc.constant('x')), size: fc.integer({ min: 1000, max: 300_000 }) }),
  fc.record({ kind: fc.constant('deep' as const), path, depth: fc.integer({ min: 20, max: 12_000 }) }),
  fc.record({ kind: fc.constant('odd-key' as const), path, key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'), oddString), value: fc.jsonValue({ maxDepth: 2 }) }),
);

type Json = Record<string, unknown> | unknown[];
const isContainer = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** Own property, even for `__proto__` (as JSON.parse makes it), so the text carries the key. */
function setOwn(target: Json, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The container a path leads to, and the key inside it it ends on. */
function locate(root: Json, picks: number[]): { parent: Json; key: string | number } | undefined {
  let parent: Json = root;
  let found: { parent: Json; key: string | number } | undefined;
  for (const pick of picks) {
    const keys: (string | number)[] = Array.isArray(parent) ? parent.map((_, i) => i) : Object.keys(parent);
    if (keys.length === 0) break;
    const key = keys[pick % keys.length]!;
    found = { parent, key };
    const next = (parent as Record<string | number, unknown>)[key];
    if (!isContainer(next)) break;
    parent = next;
  }
  return found;
}

function mutate(root: Json, c: Change): void {
  const spot = locate(root, c.path);
  if (!spot) return;
  const { parent, key } = spot;
  const value = (parent as Record<string | number, unknown>)[key];
  switch (c.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete (parent as Record<string, unknown>)[key];
      return;
    case 'replace':
      setOwn(parent, key, c.value);
      return;
    case 'duplicate':
      if (Array.isArray(value)) value.push(...value.map((item) => JSON.parse(JSON.stringify(item)) as unknown));
      else if (Array.isArray(parent)) parent.splice(Number(key), 0, JSON.parse(JSON.stringify(value ?? null)) as unknown);
      return;
    case 'shuffle':
      if (Array.isArray(value)) {
        const keyed = value.map((item, i) => ({ item, k: c.order[i] ?? i }));
        keyed.sort((a, b) => a.k - b.k);
        value.splice(0, value.length, ...keyed.map((e) => e.item));
      }
      return;
    case 'huge':
      setOwn(parent, key, c.unit.repeat(Math.ceil(c.size / Math.max(1, c.unit.length))).slice(0, c.size));
      return;
    case 'deep':
      // Spliced into the text after serialising: JSON.stringify itself would overflow on 12,000 levels.
      setOwn(parent, key, `${DEEP}${c.depth}`);
      return;
    case 'odd-key':
      if (isContainer(value) && !Array.isArray(value)) setOwn(value, c.key, c.value);
      else if (!Array.isArray(parent)) setOwn(parent, c.key, c.value);
      return;
  }
}

/** A mutated copy of a real playbook, as the text a file or a server would hold. */
const mutatedText = fc.tuple(fc.constantFrom(...SOURCES), fc.array(change, { minLength: 1, maxLength: 5 })).map(([source, changes]) => {
  const copy = JSON.parse(JSON.stringify(source)) as Json;
  for (const c of changes) mutate(copy, c);
  return JSON.stringify(copy).replace(/"\\u0000deep\\u0000(\d+)"/g, (_, depth: string) => `${'['.repeat(Number(depth))}${']'.repeat(Number(depth))}`);
});

const pristine = () => Object.getOwnPropertyNames(Object.prototype).sort().join();
const PROTOTYPE = pristine();

describe('the playbook loader', () => {
  test('any JSON value: a playbook or errors with paths, never a throw', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (json) => {
        wellFormed(loadPlaybook(json));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('any bytes, and real files cut short: never a throw', () => {
    const bytes = new TextEncoder().encode(smallText);
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 4000 }), fc.nat(bytes.length).map((end) => bytes.slice(0, end))), (input) => {
        wellFormed(loadPlaybookBytes(input));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('mutated real playbooks: never a throw, never a polluted prototype', { timeout: 600_000 }, () => {
    let refused = 0;
    fc.assert(
      fc.property(mutatedText, (text) => {
        const result = loadPlaybookText(text);
        wellFormed(result);
        if (!result.ok) refused++;
        expect(pristine()).toBe(PROTOTYPE);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Most mutations break a playbook: the loader's refusals are what is exercised.
    expect(refused).toBeGreaterThan(RUNS / 2);
  });
});

describe('applying a fuzzed file', () => {
  test('a file the loader refuses never replaces the active playbook; one it accepts does', { timeout: 600_000 }, async () => {
    const runs = Math.max(20, Math.round(RUNS / 8));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(mutatedText, async (text) => {
        const db = openDb(`fuzz-apply-${++n}`);
        try {
          await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK, 1);
          await applyIncoming(db, { bytes: new TextEncoder().encode(smallText), source: 'url', origin: URL_ }, 2);
          const before = await db.playbooks.get('active');
          expect(before?.version).toBe('2026.01-1');
          const bytes = new TextEncoder().encode(text);
          const loaded = loadPlaybookBytes(bytes);
          const outcome = await applyIncoming(db, { bytes, source: 'url', origin: URL_ }, 3);
          const after = await db.playbooks.get('active');
          if (!loaded.ok) {
            expect(outcome.status).toBe('rejected');
            expect(after?.hash).toBe(before?.hash);
            expect(after?.appliedAt).toBe(2);
            // The failure is recorded for the options page and the panel.
            expect((await updateStatus(db)).lastError?.at).toBe(3);
          } else {
            expect(['applied', 'unchanged']).toContain(outcome.status);
            expect(after?.playbook).toEqual(loaded.playbook);
          }
        } finally {
          db.close();
          await Dexie.delete(db.name);
        }
      }),
      { seed: SEED, numRuns: runs },
    );
  });
});
