import { describe, expect, test } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import type { Playbook } from '../../lib/playbook/schema';
import { DEMO_ACCOUNTS } from '../../lib/studio/demo-accounts';
import { groupMoves, movesBetween, segmentsChunked, segmentsOf, type PreviewAccount } from '../../lib/studio/preview';
import { NONE, recognitionQuality } from '../../lib/studio/quality';

const demo: PreviewAccount[] = DEMO_ACCOUNTS.map((a) => ({ ...a, demo: true }));
const withMinPoints = (segment: string, minPoints: number): Playbook => ({
  ...DEFAULT_PLAYBOOK,
  segmentation: {
    ...DEFAULT_PLAYBOOK.segmentation,
    segments: DEFAULT_PLAYBOOK.segmentation.segments.map((s) => (s.id === segment ? { ...s, minPoints } : s)),
  },
});

describe('accounts an edit moves', () => {
  // Scored by hand from the built-in playbook's options (see lib/studio/demo-accounts.ts):
  // Northwind 16 points, Brightline 4, Kestrel 8, Orbis 22, Pinecrest 0, Volga 7, Mare Nostrum by
  // the matrix (high potential, low share: growth), Alder & Finch 5.
  const builtIn = ['growth', 'low-touch', 'standard', 'key', 'low-touch', 'standard', 'growth', 'low-touch'];

  test('the demo accounts reach every segment of the built-in playbook', () => {
    expect(segmentsOf(demo, DEFAULT_PLAYBOOK)).toEqual(builtIn);
  });

  test('Standard from 0 points moves the three Low-touch accounts, listed by name', () => {
    const moves = movesBetween(demo, builtIn, segmentsOf(demo, withMinPoints('standard', 0)));
    expect(groupMoves(moves)).toEqual([
      {
        from: 'low-touch',
        to: 'standard',
        accounts: [
          { key: 'demo:brightline', name: 'Brightline Dental', from: 'low-touch', to: 'standard' },
          { key: 'demo:pinecrest', name: 'Pinecrest Studio', from: 'low-touch', to: 'standard' },
          { key: 'demo:alder', name: 'Alder & Finch Accounting', from: 'low-touch', to: 'standard' },
        ],
      },
    ]);
  });

  test('Key from 15 points moves Northwind (16) but not Mare Nostrum, whose segment the matrix decides', () => {
    const moves = movesBetween(demo, builtIn, segmentsOf(demo, withMinPoints('key', 15)));
    expect(moves).toEqual([{ key: 'demo:northwind', name: 'Northwind Logistics', from: 'growth', to: 'key' }]);
  });

  test('groups come biggest first', () => {
    const groups = groupMoves([
      { key: 'a', name: 'A', from: 'x', to: 'y' },
      { key: 'b', name: 'B', from: 'y', to: 'z' },
      { key: 'c', name: 'C', from: 'y', to: 'z' },
    ]);
    expect(groups.map((g) => [g.from, g.to, g.accounts.length])).toEqual([
      ['y', 'z', 2],
      ['x', 'y', 1],
    ]);
  });

  test('chunked scoring gives the same answer, yields between chunks, and stops when a newer edit cancels it', async () => {
    let yields = 0;
    const many = Array.from({ length: 25 }, (_, i) => demo[i % demo.length]!);
    const chunked = await segmentsChunked(many, DEFAULT_PLAYBOOK, { chunk: 10, sliceMs: Infinity, yieldNow: async () => void yields++ });
    expect(chunked).toEqual(segmentsOf(many, DEFAULT_PLAYBOOK));
    expect(yields).toBe(2);
    let calls = 0;
    expect(await segmentsChunked(many, DEFAULT_PLAYBOOK, { chunk: 10, yieldNow: async () => {}, cancelled: () => ++calls > 1 })).toBeUndefined();
  });

  test('on a slow machine a slice ends when its time is up, however few accounts it scored', async () => {
    // A clock that moves 4 ms per reading: a 10 ms slice reads it at the start and after each
    // account (4, 8, 12 ms), so it scores three accounts; 25 accounts take 9 slices, 8 yields.
    let clock = 0;
    let yields = 0;
    const many = Array.from({ length: 25 }, (_, i) => demo[i % demo.length]!);
    const sliced = await segmentsChunked(many, DEFAULT_PLAYBOOK, { sliceMs: 10, now: () => (clock += 4), yieldNow: async () => void yields++ });
    expect(sliced).toEqual(segmentsOf(many, DEFAULT_PLAYBOOK));
    expect(yields).toBe(8);
  });
});

describe('recognition quality', () => {
  const tiny = (examples: Record<string, Record<string, string[]>>): Playbook => ({
    ...DEFAULT_PLAYBOOK,
    personas: DEFAULT_PLAYBOOK.personas.slice(0, 2).map((p) => ({ ...p, signals: [], examples: examples[p.id] ?? {} })),
    learning: { scenarios: [] },
  });
  const distinct = {
    expert: { en: ['Send the technical specification and tolerances.', 'Which certification standard and test protocol apply?', 'What is the exact material grade and its tolerance?', 'Share the technical datasheet with the test results.', 'I need the specification sheet and compliance data.'] },
    fast: { en: ['Need the price today, keep it short.', 'Quick answer please, we decide by Friday.', 'Just the price and delivery date, today.', 'Short reply please, we need it now.', 'Today please, price only, no calls.'] },
  };

  test('counts every example once, per language, with a row per persona and a column for "none"', async () => {
    const quality = await recognitionQuality(tiny(distinct), { yieldNow: async () => {} });
    expect(quality?.confusion.personas).toEqual(['expert', 'fast']);
    expect(quality?.confusion.columns).toEqual(['expert', 'fast', NONE]);
    expect(quality?.confusion.counts.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([5, 5]);
    expect(quality?.examples.map((e) => [e.language, e.total])).toEqual([['en', 10]]);
  });

  test('two personas given the same examples cannot both be recognised: accuracy drops to at most half', async () => {
    const same = { expert: distinct.expert, fast: distinct.expert };
    const quality = await recognitionQuality(tiny(same), { yieldNow: async () => {} });
    const en = quality!.examples[0]!;
    expect(en.correct / en.total).toBeLessThanOrEqual(0.5);
  });

  test('the built-in playbook: 169 examples and 33 scenarios per language; a persona it names is mostly the right one', async () => {
    const quality = await recognitionQuality(DEFAULT_PLAYBOOK, { yieldNow: async () => {} });
    expect(quality!.examples.map((e) => [e.language, e.total])).toEqual([['en', 169], ['pl', 169], ['ru', 169], ['ro', 169], ['it', 169]]);
    expect(quality!.scenarios.map((e) => [e.language, e.total])).toEqual([['en', 33], ['pl', 33], ['ru', 33], ['ro', 33], ['it', 33]]);
    // A one-sentence example is often below the suggestion threshold ("none"); when a persona is
    // named, it is the right one at least 4 times in 5 for each persona.
    const { counts, columns, personas } = quality!.confusion;
    personas.forEach((persona, row) => {
      const named = counts[row]!.slice(0, columns.length - 1);
      expect(named[row]! / named.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.8);
    });
  });
});
