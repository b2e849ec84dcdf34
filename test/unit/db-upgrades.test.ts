import 'fake-indexeddb/auto';
/**
 * Issue 14: a database of every shipped schema version (test/fixtures/db-versions/vN.json),
 * opened by the current code and brought up to date as the background does at start. Nothing
 * a rep stored may be lost; what later versions added must be filled in.
 *
 * A new schema version is one entry in VERSIONS (and its fixture): `added` names what the
 * upgrade must have filled in on that version's rows; the checks every version gets follow.
 */
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ensurePersonaModel, ensurePlaybookHistory, installBuiltinPlaybook, refreshBook, setCheck, storedPersonaModel, type PlaycardDb } from '../../lib/db';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { loadPlaybookText } from '../../lib/playbook/migrate';
import { parsePlaybook, type Playbook } from '../../lib/playbook/schema';
import { PageSnapshot } from '../../lib/snapshot';
import { testDatabases } from './test-databases';

interface Fixture {
  version: number;
  /** The stores that version declared, all of them (as in lib/db/database.ts then). */
  stores: Record<string, string>;
  rows: Record<string, Record<string, unknown>[]>;
}

interface Version {
  file: string;
  /** What the upgrade and the start-up must have added to this version's rows (beyond keeping them). */
  added: (db: PlaycardDb, fixture: Fixture) => Promise<void>;
}

const DIR = new URL('../fixtures/db-versions/', import.meta.url);
const small = loadPlaybookText(readFileSync(new URL('../fixtures/playbooks/small.json', import.meta.url), 'utf8'));
if (!small.ok) throw new Error('the small test playbook must load');
const SMALL: Playbook = small.playbook;

const NORTHWIND = 'domain:northwind-logistics.com';
const GMAIL = 'gmail:thread-18c2';

/** A v1 active playbook had no hash: the start-up hashes it and puts it in the history (schema v2). */
async function historyBackfilled(db: PlaycardDb): Promise<void> {
  const active = await db.playbooks.get('active');
  expect(active?.hash).toMatch(/^[0-9a-f]{64}$/);
  const history = await db.playbookHistory.toArray();
  expect(history.map((v) => [v.version, v.source, v.origin, v.appliedAt, v.hash])).toEqual([
    ['2026.01-1', 'url', 'https://playbooks.example.com/team.json', 1763700000000, active?.hash],
  ]);
}

/** Every playbook activated before the model was stored gets one, trained on it, in its own table (schema v6). */
async function personaModelAdded(db: PlaycardDb): Promise<void> {
  const active = await db.playbooks.get('active');
  expect(Object.keys(active ?? {})).not.toContain('personaModel');
  const model = await storedPersonaModel(db, active!);
  expect(model?.personaIds).toEqual(SMALL.personas.map((p) => p.id));
}

/** Accounts read before My accounts existed (schema v5) get a score, so the book lists them. */
async function bookFilled(db: PlaycardDb): Promise<void> {
  const scores = await db.scores.toArray();
  expect(scores.map((s) => s.key).sort()).toEqual([NORTHWIND, GMAIL]);
  const northwind = scores.find((s) => s.key === NORTHWIND)!;
  // The rep's answers and persona choice are what the score was computed from.
  expect(northwind.answers).toEqual({ potential: 'high', wallet: 'low' });
  expect(northwind.persona).toEqual({ primary: 'expert', secondary: 'fast' });
  expect(northwind.personaBy).toBe('rep');
  expect(northwind.playbookVersion).toBe('2026.01-1');
}

/**
 * The indexes IndexedDB really has (not Dexie's declaration): the ones no query used are gone
 * (schema v7), and the ones the pages query still answer.
 */
async function unusedIndexesDropped(db: PlaycardDb): Promise<void> {
  const idb = db.backendDB();
  const indexes = (table: string) => [...idb.transaction(table).objectStore(table).indexNames].sort();
  expect(indexes('accounts')).toEqual(['seenAt']);
  expect(indexes('scores')).toEqual(['playbookHash', 'segment']);
  // The panel's recent list, My accounts' first screen and the re-score after a playbook change.
  expect((await db.accounts.orderBy('seenAt').reverse().toArray()).map((a) => a.key)).toEqual([GMAIL, NORTHWIND]);
  expect((await db.scores.where('segment').anyOf(SMALL.segmentation.segments.map((s) => s.id)).primaryKeys()).sort()).toEqual([NORTHWIND, GMAIL]);
  expect(await db.scores.where('playbookHash').notEqual('none').count()).toBe(2);
}

const VERSIONS: Version[] = [
  {
    file: 'v1.json',
    added: async (db) => {
      await historyBackfilled(db);
      await personaModelAdded(db);
      await bookFilled(db);
      await unusedIndexesDropped(db);
    },
  },
  { file: 'v2.json', added: async (db) => (await personaModelAdded(db), await bookFilled(db), unusedIndexesDropped(db)) },
  { file: 'v3.json', added: async (db) => (await personaModelAdded(db), await bookFilled(db), unusedIndexesDropped(db)) },
  { file: 'v4.json', added: async (db) => (await personaModelAdded(db), await bookFilled(db), unusedIndexesDropped(db)) },
  {
    file: 'v5.json',
    added: async (db) => {
      await personaModelAdded(db);
      // The stored score was for this playbook: kept as it was; the unscored Gmail account gets one.
      const scores = await db.scores.toArray();
      expect(scores.map((s) => s.key).sort()).toEqual([NORTHWIND, GMAIL]);
      await unusedIndexesDropped(db);
    },
  },
  {
    file: 'v6.json',
    added: async (db) => {
      await personaModelAdded(db);
      // A suggestion stored under another playbook is kept on the account (it is simply not used).
      expect((await db.accounts.get(GMAIL))?.suggested?.suggestion.primary).toBe('burned');
      await unusedIndexesDropped(db);
    },
  },
  { file: 'v7.json', added: async (db) => (await personaModelAdded(db), unusedIndexesDropped(db)) },
];

/** The fixture's rows as they go into the old database: playbook references resolved, a real (non-extractable) signing key made. */
async function rowsOf(fixture: Fixture): Promise<Record<string, Record<string, unknown>[]>> {
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') {
      if ('$playbook' in value) return structuredClone(SMALL);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    }
    return value;
  };
  const rows = resolve(fixture.rows) as Record<string, Record<string, unknown>[]>;
  for (const key of rows.signingKeys ?? []) {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    key.publicKey = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE-fixture';
    key.privateKey = pair.privateKey;
  }
  return rows;
}

/** The old database: plain Dexie at the fixture's version with its stores, filled with its rows. */
async function createOld(name: string, fixture: Fixture, rows: Record<string, Record<string, unknown>[]>): Promise<void> {
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.stores);
  await old.open();
  expect(old.verno).toBe(fixture.version);
  for (const [table, items] of Object.entries(rows)) await old.table(table).bulkAdd(items);
  old.close();
}

/** What the background runs when it starts (entrypoints/background.ts), minus the network check. */
async function startUp(db: PlaycardDb): Promise<void> {
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK, 1_764_000_000_000);
  await ensurePlaybookHistory(db);
  await ensurePersonaModel(db);
  await refreshBook(db, 1_764_000_000_000);
}

const databases = testDatabases('upgrade');

test('there is a fixture for every schema version the code declares', async () => {
  const fresh = databases.open(databases.name('upgrade-count'));
  await fresh.open();
  const newest = fresh.verno;
  expect(VERSIONS.map((v) => v.file)).toEqual(Array.from({ length: newest }, (_, i) => `v${i + 1}.json`));
});

describe.each(VERSIONS)('a database of $file', ({ file, added }) => {
  const fixture = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as Fixture;

  test('opens with the current code; every row is kept; what later versions added is filled in', async () => {
    const name = databases.name();
    const rows = await rowsOf(fixture);
    await createOld(name, fixture, rows);

    const db = databases.open(name);
    await db.open();
    await startUp(db);

    // Nothing lost: every stored row is still there with every field it had (toMatchObject
    // allows the fields an upgrade adds, which `added` checks).
    for (const [table, items] of Object.entries(rows)) {
      for (const item of items) {
        const key = db.table(table).schema.primKey.keyPath as string;
        const kept = await db.table(table).get(item[key] as string);
        if (table === 'signingKeys') expect(kept).toMatchObject({ publicKey: item.publicKey, createdAt: item.createdAt, origin: item.origin });
        else expect(kept, `${table} ${String(item[key])}`).toMatchObject(item);
      }
    }
    // Tables that version did not have exist and hold nothing but what the start-up wrote.
    for (const table of db.tables.map((t) => t.name)) {
      if (table in fixture.stores || ['playbookHistory', 'scores', 'meta', 'history', 'personaModels'].includes(table)) continue;
      expect(await db.table(table).count(), table).toBe(0);
    }
    // What the pages read is still valid for them.
    for (const account of await db.accounts.toArray()) expect(PageSnapshot.safeParse(account.snapshot).success, account.key).toBe(true);
    expect(parsePlaybook((await db.playbooks.get('active'))?.playbook).ok).toBe(true);
    await added(db, fixture);

    // The rep keeps working: a new tick joins the ticks and answers stored before the upgrade.
    await setCheck(db, NORTHWIND, 'ask-for-referral', true, 1_764_000_100_000);
    const input = await db.inputs.get(NORTHWIND);
    expect(Object.keys(input?.checks ?? {}).sort()).toEqual(['ask-for-referral', 'offer-guarantees', 'send-case-study']);
    expect(input?.answers).toEqual({ potential: 'high', wallet: 'low' });
    expect(input?.persona?.primary).toBe('expert');
  });
});
