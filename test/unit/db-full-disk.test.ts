import 'fake-indexeddb/auto';
/**
 * Issue 14: a full disk (the browser's QuotaExceededError) on every write path of lib/db.
 * Each write must reject with an error the pages word as `full` (storageProblemOf), and leave
 * everything stored before exactly as it was: a transaction that fails half-way writes nothing.
 * The panel's actions must tell the rep (the storage problem notice), and the background must
 * survive a page report it could not store.
 */
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  discardDraft,
  forgetSigningKey,
  importAccounts,
  installBuiltinPlaybook,
  markNoticeSeen,
  openDb,
  patchStatus,
  pinAccount,
  refreshBook,
  rememberMapping,
  rescore,
  saveDraft,
  saveReview,
  saveSigningKey,
  saveSnapshot,
  setAnswer,
  setCheck,
  setPersona,
  storageProblemOf,
  unpinAccount,
  type PlaycardDb,
} from '../../lib/db';
import { createPanelState } from '../../lib/panel/state';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { applyIncoming, rollBack } from '../../lib/playbook/runtime/store';
import { createTabReports } from '../../lib/reports';
import type { PageSnapshot } from '../../lib/snapshot';
import { clearStorageProblem, storageProblem } from '../../lib/storage-problem';
import type { TabState } from '../../lib/tab-state';
import { fillableDisk } from './fillable-disk';

// The same playbook is installed in a fresh database for each case: its persona model is trained once per file.
vi.mock('../../lib/core/persona', async (original) => (await import('./train-once')).trainOncePerPlaybook(await original()));

const NORTHWIND = 'domain:northwind-logistics.com';
const URL_ = 'https://playbooks.example.com/team.json';
const smallBytes = new Uint8Array(readFileSync(new URL('../fixtures/playbooks/small.json', import.meta.url)));

const northwind: PageSnapshot = {
  site: 'hubspot',
  kind: 'company',
  url: 'https://app.hubspot.com/contacts/4410123/record/0-2/18234567012',
  recordId: '18234567012',
  company: { name: 'Northwind Logistics', domain: 'northwind-logistics.com', employees: 420, industry: 'Logistics' },
  people: [],
};
/** Read before its website rendered: stored under `hubspot:42` until the domain shows. */
const provisional: PageSnapshot = {
  site: 'hubspot',
  kind: 'company',
  url: 'https://app.hubspot.com/contacts/4410123/record/0-2/42',
  recordId: '42',
  company: { name: 'Kowalski Meble' },
  people: [],
};

/** Every table's rows (signing keys by their public half: a CryptoKey does not compare). */
async function everything(db: PlaycardDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = await table.toArray();
    out[table.name] = table.name === 'signingKeys' ? rows.map((r: { publicKey: string; createdAt: number }) => [r.publicKey, r.createdAt]) : rows;
  }
  return out;
}

let db: PlaycardDb;
let disk: ReturnType<typeof fillableDisk>;
let n = 0;

/** A rep's database with something in every table a write path touches. */
async function populate(): Promise<void> {
  db = openDb(`full-disk-${++n}`);
  disk = fillableDisk(db);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK, 1);
  await saveSnapshot(db, northwind, 10);
  await saveSnapshot(db, provisional, 11);
  await setAnswer(db, NORTHWIND, 'employees', 'mid', 12);
  await setCheck(db, NORTHWIND, 'expert-research-account', true, 13);
  await setPersona(db, NORTHWIND, { primary: 'expert' }, 14);
  await setCheck(db, 'hubspot:42', 'expert-research-account', true, 15);
  await refreshBook(db, 16);
  expect((await pinAccount(db, NORTHWIND, 'key', 'The board named them a key account', 17)).ok).toBe(true);
  await saveReview(db, undefined, { cardId: 'persona:expert', at: 18, grading: 'good', source: 'card', personas: ['expert'] });
  await saveDraft(db, { id: 'draft' }, { kind: 'builtin', version: DEFAULT_PLAYBOOK.version }, 19);
  await rememberMapping(db, ['Company', 'Website'], { columns: { '0': 'name', '1': 'website' } }, 20);
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  await saveSigningKey(db, { publicKey: 'stored-key', privateKey: pair.privateKey, createdAt: 21, origin: 'created' });
  await applyIncoming(db, { bytes: smallBytes, source: 'url', origin: URL_ }, 22);
}

beforeEach(populate);
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
  clearStorageProblem();
});

interface WritePath {
  name: string;
  write: (db: PlaycardDb) => Promise<unknown>;
  /** Which write inside it fails: 0 the first; later ones check that what it wrote before is undone. */
  failAt: number[];
}

const WRITE_PATHS: WritePath[] = [
  { name: 'saveSnapshot: a page read', write: (db) => saveSnapshot(db, { ...northwind, company: { ...northwind.company, employees: 500 } }, 100), failAt: [0] },
  {
    name: 'saveSnapshot: a provisional record moves under its domain, with the rep’s input',
    write: (db) => saveSnapshot(db, { ...provisional, company: { name: 'Kowalski Meble', domain: 'meble-kowalski.pl' } }, 100),
    failAt: [0, 1, 2, 3],
  },
  { name: 'setCheck: a tick', write: (db) => setCheck(db, NORTHWIND, 'fast-short-agenda', true, 100), failAt: [0] },
  { name: 'setAnswer: an answer', write: (db) => setAnswer(db, NORTHWIND, 'annual-revenue', '10m-50m', 100), failAt: [0] },
  { name: 'setPersona: a persona choice', write: (db) => setPersona(db, NORTHWIND, { primary: 'fast', secondary: 'expert' }, 100), failAt: [0] },
  { name: 'pinAccount: a pin and its history line', write: (db) => pinAccount(db, NORTHWIND, 'standard', 'Expanding into three new regions', 100), failAt: [0, 1] },
  { name: 'unpinAccount: a pin taken back', write: (db) => unpinAccount(db, NORTHWIND, 100), failAt: [0, 1] },
  { name: 'rescore: the book after a read', write: (db) => rescore(db, [NORTHWIND, 'hubspot:42'], { kind: 'page' }, 100), failAt: [0] },
  {
    name: 'importAccounts: a CSV import',
    write: (db) =>
      importAccounts(db, [{ key: 'domain:fleetwise.io', row: 2, company: { name: 'Fleetwise', domain: 'fleetwise.io' }, deals: {}, answers: { employees: 'small' } }], undefined, 100),
    failAt: [0, 1],
  },
  { name: 'rememberMapping: a CSV mapping', write: (db) => rememberMapping(db, ['Name', 'Domain'], { columns: { '0': 'name', '1': 'website' } }, 100), failAt: [0] },
  {
    name: 'saveReview: a Learn review and its schedule',
    write: (db) =>
      saveReview(
        db,
        { id: 'persona:fast', hash: 'h', due: 200, stability: 1, difficulty: 5, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 1, lastReview: 100 },
        { cardId: 'persona:fast', at: 100, grading: 'easy', source: 'card', personas: ['fast'] },
      ),
    failAt: [0, 1],
  },
  { name: 'saveDraft: a studio draft', write: (db) => saveDraft(db, { id: 'edited' }, { kind: 'active', version: '2026.01-1' }, 100), failAt: [0] },
  { name: 'discardDraft: a studio draft dropped', write: (db) => discardDraft(db), failAt: [0] },
  {
    name: 'saveSigningKey: a lead’s key',
    write: async (db) => {
      const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
      return saveSigningKey(db, { publicKey: 'new-key', privateKey: pair.privateKey, createdAt: 100, origin: 'loaded' });
    },
    failAt: [0],
  },
  { name: 'forgetSigningKey', write: (db) => forgetSigningKey(db, 'stored-key'), failAt: [0] },
  {
    name: 'applyIncoming: a playbook becomes active (active, history, notice)',
    write: (db) => applyIncoming(db, { bytes: new TextEncoder().encode(JSON.stringify({ ...JSON.parse(new TextDecoder().decode(smallBytes)), version: '2026.02-1' })), source: 'file', origin: 'team.json' }, 100),
    failAt: [0, 1, 2],
  },
  {
    name: 'rollBack: back to the built-in playbook',
    write: async (db) => rollBack(db, (await db.playbookHistory.orderBy('seq').first())!.seq!, 100),
    failAt: [0, 1, 2],
  },
  { name: 'markNoticeSeen', write: (db) => markNoticeSeen(db), failAt: [0] },
  { name: 'patchStatus: an update check recorded', write: (db) => patchStatus(db, (s) => ({ ...s, lastCheckAt: 100 })), failAt: [0] },
];

describe.each(WRITE_PATHS)('$name', ({ write, failAt }) => {
  test.each(failAt)('the disk is full from write %i on: rejected as `full`, nothing stored before is lost or half-changed', async (from) => {
    const before = await everything(db);
    disk.fill(from);
    const failure = await write(db).then(
      () => 'stored',
      (error: unknown) => error,
    );
    disk.free();
    expect(failure).not.toBe('stored');
    expect(storageProblemOf(failure)).toBe('full');
    expect(await everything(db)).toEqual(before);
    // Space freed: the same write goes through.
    await expect(write(db)).resolves.not.toThrow();
  });
});

describe('the panel tells the rep', () => {
  async function panelOnNorthwind() {
    const state = createPanelState({ db, onError: () => undefined });
    state.showTab({ kind: 'state', state: { status: 'ok', accountKey: NORTHWIND, site: 'hubspot', url: northwind.url, at: 1 } });
    // A hang guard, not a speed check (liveQuery over fake IndexedDB on a busy machine).
    await expect.poll(() => state.input.value?.answers.employees, { timeout: 15_000 }).toBe('mid');
    return state;
  }

  test.each([
    ['a tick', (s: Awaited<ReturnType<typeof panelOnNorthwind>>) => s.toggleTactic('fast-short-agenda', true)],
    ['an answer', (s: Awaited<ReturnType<typeof panelOnNorthwind>>) => s.answer('annual-revenue', '10m-50m')],
    ['a persona choice', (s: Awaited<ReturnType<typeof panelOnNorthwind>>) => s.choosePersona({ primary: 'fast' })],
  ])('%s on a full disk shows the storage notice; the next write that lands clears it', async (_, act) => {
    const state = await panelOnNorthwind();
    const stored = await db.inputs.get(NORTHWIND);
    disk.fill();
    await act(state);
    expect(storageProblem.value).toBe('full');
    expect(await db.inputs.get(NORTHWIND)).toEqual(stored);
    disk.free();
    await state.toggleTactic('expert-research-account', false);
    expect(storageProblem.value).toBeNull();
    state.dispose();
  });
});

describe('the background, on a page report it cannot store', () => {
  test('the failure is handled (no unhandled rejection), the tab says it, and the next report is stored', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const saved: TabState[] = [];
      const errors: unknown[] = [];
      const announced: TabState[] = [];
      const reports = createTabReports({
        db,
        save: async (_, state) => void saved.push(state),
        announce: (_, state) => void announced.push(state),
        forget: async () => undefined,
        onError: (e) => errors.push(e),
        now: () => 200,
      });
      const fleetwise: PageSnapshot = { ...northwind, recordId: '77', url: 'https://app.hubspot.com/contacts/4410123/record/0-2/77', company: { name: 'Fleetwise', domain: 'fleetwise.io' } };
      disk.fill();
      await reports.report(7, { status: 'ok', snapshot: fleetwise });
      disk.free();
      expect(errors.map(storageProblemOf)).toEqual(['full']);
      // The tab's panel says the read was not stored, instead of its previous page or "Reading…".
      expect(saved).toEqual([{ status: 'storage', problem: 'full', at: 200 }]);
      // An open panel heard the read at once, then that it could not be kept.
      expect(announced.map((s) => (s.status === 'ok' ? s.accountKey : s.status))).toEqual(['domain:fleetwise.io', 'storage']);
      expect(await db.accounts.get('domain:fleetwise.io')).toBeUndefined();
      await reports.report(7, { status: 'ok', snapshot: fleetwise });
      expect(saved.map((s) => (s.status === 'ok' ? s.accountKey : s.status))).toEqual(['storage', 'domain:fleetwise.io']);
      expect((await db.accounts.get('domain:fleetwise.io'))?.name).toBe('Fleetwise');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
