import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  activate,
  historyOf,
  installBuiltinPlaybook,
  openDb,
  pinAccount,
  refreshBook,
  rescore,
  saveSnapshot,
  setAnswer,
  unpinAccount,
  type PlaycardDb,
} from '../../lib/db';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import type { Playbook } from '../../lib/playbook/schema';
import { PageSnapshot } from '../../lib/snapshot';

// The same playbook is installed in a fresh database for each case: its persona model is trained once per file.
vi.mock('../../lib/core/persona', async (original) => (await import('./train-once')).trainOncePerPlaybook(await original()));

// The default playbook scores employees 50-249 → 2 points, 250-999 → 3; revenue 10-50 M → 2;
// 1-2 won deals → 1; one open deal → 1. Standard starts at 7 points, low-touch below.
const read = (employees: number) =>
  PageSnapshot.parse({
    site: 'hubspot',
    kind: 'company',
    url: 'https://app.hubspot.com/contacts/1/record/0-2/42',
    recordId: '42',
    company: { name: 'Northwind Logistics', domain: 'northwind-logistics.com', employees, annualRevenue: { amount: 12_000_000, currency: 'EUR' } },
    deals: { wonCount: 2, openCount: 1 },
  });
const KEY = 'domain:northwind-logistics.com';

let db: PlaycardDb;
let count = 0;
async function fresh(): Promise<PlaycardDb> {
  db = openDb(`book-${++count}`);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK, 1);
  return db;
}
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function visit(employees: number, at: number) {
  await saveSnapshot(db, read(employees), at);
  return rescore(db, [KEY], { kind: 'page' }, at);
}

describe('segment history', () => {
  test('the first score is the starting point; a fact that moves the segment is recorded with the fact that changed', async () => {
    await fresh();
    expect(await visit(180, 1000)).toEqual([]);
    expect((await db.scores.get(KEY))?.segment).toBe('low-touch');
    await visit(260, 2000);
    const [entry] = await historyOf(db, KEY);
    expect(entry).toMatchObject({
      key: KEY,
      at: 2000,
      cause: 'page',
      segment: { from: 'low-touch', to: 'standard' },
      facts: [{ fact: 'employees', from: 180, to: 260 }],
      answers: [],
    });
    expect((await db.scores.get(KEY))?.lastMove).toEqual({ at: 2000, from: 'low-touch', to: 'standard' });
  });

  test('a read that changes a fact without moving the segment or persona records nothing', async () => {
    await fresh();
    await visit(260, 1000);
    await visit(300, 2000);
    expect(await db.history.count()).toBe(0);
  });

  test("a rep's answers that move the segment are recorded as answers", async () => {
    await fresh();
    await visit(260, 1000);
    await setAnswer(db, KEY, 'potential', 'high', 2000);
    await setAnswer(db, KEY, 'share-of-wallet', 'high', 3000);
    const entries = await historyOf(db, KEY);
    // potential "high" alone gives 7 + 4 = 11 points: still standard; with share of wallet the matrix says key.
    expect(entries.map((e) => [e.cause, e.segment, e.answers])).toEqual([
      ['answer', { from: 'standard', to: 'key' }, [{ criterion: 'share-of-wallet', to: 'high' }]],
    ]);
  });

  test('a move caused by a new playbook names the versions and the threshold it changed', async () => {
    await fresh();
    await visit(180, 1000);
    const lowered: Playbook = structuredClone(DEFAULT_PLAYBOOK);
    lowered.version = '2027.1';
    lowered.segmentation.segments.find((s) => s.id === 'standard')!.minPoints = 5;
    await activate(db, lowered, { hash: 'lowered', source: 'file', origin: 'team.json' }, 2000);
    expect(await refreshBook(db, 3000)).toBe(1);
    const [entry] = await historyOf(db, KEY);
    expect(entry).toMatchObject({
      cause: 'playbook',
      at: 3000,
      segment: { from: 'low-touch', to: 'standard' },
      facts: [],
      playbook: { from: DEFAULT_PLAYBOOK.version, to: '2027.1', thresholds: [{ segment: 'standard', from: 7, to: 5 }] },
    });
    // Nothing left to re-score under the same playbook.
    expect(await refreshBook(db, 4000)).toBe(0);
  });

  test('accounts read before the book existed are scored once without a move', async () => {
    await fresh();
    await saveSnapshot(db, read(260), 1000);
    expect(await refreshBook(db, 2000)).toBe(1);
    expect((await db.scores.get(KEY))?.segment).toBe('standard');
    expect(await db.history.count()).toBe(0);
  });
});

describe('pins', () => {
  test('a pin needs a written reason, enters the history, and unpinning is recorded too', async () => {
    await fresh();
    await visit(260, 1000);
    expect(await pinAccount(db, KEY, 'key', '  ', 2000)).toEqual({ ok: false, code: 'reason-required' });
    expect(await pinAccount(db, KEY, 'vip', 'Board-level sponsor', 2000)).toEqual({ ok: false, code: 'unknown-segment' });
    expect(await pinAccount(db, KEY, 'key', 'Board-level   sponsor, signing a framework deal', 2000)).toMatchObject({ ok: true });
    expect(await db.pins.get(KEY)).toEqual({ key: KEY, segment: 'key', reason: 'Board-level sponsor, signing a framework deal', at: 2000 });
    await unpinAccount(db, KEY, 3000);
    expect(await db.pins.get(KEY)).toBeUndefined();
    const entries = await historyOf(db, KEY);
    expect(entries.map((e) => [e.cause, e.segment, e.pin?.reason])).toEqual([
      ['unpin', { from: 'key', to: 'standard' }, 'Board-level sponsor, signing a framework deal'],
      ['pin', { from: 'standard', to: 'key' }, 'Board-level sponsor, signing a framework deal'],
    ]);
  });

  test('a playbook can forbid pins, or allow them without a reason', async () => {
    await fresh();
    await visit(260, 1000);
    const forbidding: Playbook = { ...DEFAULT_PLAYBOOK, version: 'no-pins', segmentation: { ...DEFAULT_PLAYBOOK.segmentation, pinning: 'forbidden' } };
    await activate(db, forbidding, { hash: 'no-pins', source: 'file' }, 2000);
    expect(await pinAccount(db, KEY, 'key', 'Board-level sponsor', 2000)).toEqual({ ok: false, code: 'forbidden' });
    const free: Playbook = { ...DEFAULT_PLAYBOOK, version: 'free-pins', segmentation: { ...DEFAULT_PLAYBOOK.segmentation, pinning: 'free' } };
    await activate(db, free, { hash: 'free-pins', source: 'file' }, 3000);
    expect(await pinAccount(db, KEY, 'key', '', 3000)).toEqual({ ok: true, pin: { segment: 'key', reason: '' } });
  });

  test('pins and history are kept across a playbook update and a rollback', async () => {
    await fresh();
    await visit(180, 1000);
    await pinAccount(db, KEY, 'key', 'Board-level sponsor', 1500);
    const lowered: Playbook = structuredClone(DEFAULT_PLAYBOOK);
    lowered.version = '2027.1';
    lowered.segmentation.segments.find((s) => s.id === 'standard')!.minPoints = 5;
    await activate(db, lowered, { hash: 'lowered', source: 'file' }, 2000);
    await refreshBook(db, 2100);
    await activate(db, DEFAULT_PLAYBOOK, { hash: 'back', source: 'builtin' }, 3000);
    await refreshBook(db, 3100);
    expect((await db.pins.get(KEY))?.reason).toBe('Board-level sponsor');
    expect((await historyOf(db, KEY)).map((e) => [e.cause, e.segment?.from, e.segment?.to])).toEqual([
      ['playbook', 'standard', 'low-touch'],
      ['playbook', 'low-touch', 'standard'],
      ['pin', 'low-touch', 'key'],
    ]);
  });
});

describe('the remembered persona suggestion for accounts without text', () => {
  test('gives what the classifier gives, for facts on both sides of every fact signal', async () => {
    const { rememberingSuggest } = await import('../../lib/accounts/score');
    const { suggestPersona } = await import('../../lib/core/persona');
    const remembering = rememberingSuggest(DEFAULT_PLAYBOOK, suggestPersona);
    for (const employees of [undefined, 5, 30, 120, 600])
      for (const wonDeals of [undefined, 0, 2])
        for (const annualRevenue of [undefined, 1_000_000, 90_000_000]) {
          const facts = Object.fromEntries(Object.entries({ employees, wonDeals, annualRevenue }).filter(([, v]) => v !== undefined));
          expect(remembering('', facts, DEFAULT_PLAYBOOK)).toEqual(suggestPersona('', facts, DEFAULT_PLAYBOOK));
        }
    // With text, it is the classifier's own answer.
    expect(remembering('We were burned by our last vendor.', { employees: 30 }, DEFAULT_PLAYBOOK)).toEqual(
      suggestPersona('We were burned by our last vendor.', { employees: 30 }, DEFAULT_PLAYBOOK),
    );
  });
});
