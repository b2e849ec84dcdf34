import 'fake-indexeddb/auto';
import { describe, expect, test, vi } from 'vitest';
import { accountOfRow, importedPartOf } from '../../lib/accounts/import-only';
import type { ImportedAccount } from '../../lib/accounts/merge';
import {
  activate,
  historyOf,
  importAccounts,
  installBuiltinPlaybook,
  refreshBook,
  rescore,
  saveSnapshot,
  storedAccount,
  type AccountRecord,
  type PlaycardDb,
} from '../../lib/db';
import { createPanelState } from '../../lib/panel/state';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import type { Playbook } from '../../lib/playbook/schema';
import { PageSnapshot } from '../../lib/snapshot';
import { createStudioState } from '../../lib/studio/state';
import { until } from './wait';
import { testDatabases } from './test-databases';

// An account known only from imports lives in its book row (the score's `imported` part), not in
// an `accounts` record: one record per imported row. Everyone who reads an account still finds it.

vi.mock('../../lib/core/persona', async (original) => (await import('./train-once')).trainOncePerPlaybook(await original()));

/** A HubSpot row as readRows gives it: 200 employees (2 points) + 90 M (3) + one open deal (1) = 6 points, Low-touch. */
const lumen: ImportedAccount = {
  key: 'domain:lumen.ro',
  row: 2,
  recordId: '5012345680',
  company: { name: 'Lumen "Light" SA', domain: 'lumen.ro', employees: 200, annualRevenue: { amount: 90_000_000, currency: 'EUR' }, country: 'RO', owner: 'Dana Reyes' },
  deals: { openCount: 1, openAmount: { amount: 48_000, currency: 'EUR' } },
  answers: {},
};

/** The record the import wrote for it before one record per row, on 1 December. */
const lumenRecord: AccountRecord = {
  key: 'domain:lumen.ro',
  name: 'Lumen "Light" SA',
  domain: 'lumen.ro',
  site: 'import',
  snapshot: {
    site: 'import',
    kind: 'company',
    url: '',
    recordId: '5012345680',
    company: { name: 'Lumen "Light" SA', domain: 'lumen.ro', employees: 200, annualRevenue: { amount: 90_000_000, currency: 'EUR' }, country: 'RO', owner: 'Dana Reyes' },
    deals: { openCount: 1, openAmount: { amount: 48_000, currency: 'EUR' } },
    people: [],
  },
  firstSeenAt: 1_764_547_200_000,
  seenAt: 0,
};

const databases = testDatabases('import-only');

async function fresh(): Promise<PlaycardDb> {
  const db = databases.open();
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK, 1);
  return db;
}

describe('the book row stands for the record', () => {
  test('an imported record is rebuilt from its row exactly: the CRM id, the owner, the currencies and the name the file gave', () => {
    const part = importedPartOf(lumenRecord);
    expect(part).toEqual({ firstSeenAt: 1_764_547_200_000, recordId: '5012345680', name: 'Lumen "Light" SA', owner: 'Dana Reyes', currencies: { annualRevenue: 'EUR', openAmount: 'EUR' } });
    const row = {
      key: 'domain:lumen.ro',
      name: 'Lumen "Light" SA',
      domain: 'lumen.ro',
      site: 'import',
      seenAt: 0,
      segment: 'low-touch',
      points: 6,
      personaBy: 'none' as const,
      facts: { employees: 200, annualRevenue: 90_000_000, country: 'RO', openDeals: 1, openAmount: 48_000 },
      answers: {},
      playbookVersion: '1',
      playbookHash: 'h',
      scoredAt: 2,
      imported: part,
    };
    expect(accountOfRow(row)).toEqual(lumenRecord);
  });

  test('a row without a name in the file rebuilds a company without one (the row shows the domain)', () => {
    const unnamed: AccountRecord = { ...lumenRecord, name: 'lumen.ro', snapshot: { ...lumenRecord.snapshot, company: { domain: 'lumen.ro', employees: 12 } } };
    delete unnamed.snapshot.deals;
    delete unnamed.snapshot.recordId;
    const part = importedPartOf(unnamed);
    expect(part).toEqual({ firstSeenAt: 1_764_547_200_000 });
    const row = { key: 'domain:lumen.ro', name: 'lumen.ro', domain: 'lumen.ro', site: 'import', seenAt: 0, segment: 'low-touch', points: 1, personaBy: 'none' as const, facts: { employees: 12 }, answers: {}, playbookVersion: '1', playbookHash: 'h', scoredAt: 2, imported: part };
    expect(accountOfRow(row)?.snapshot.company).toEqual({ domain: 'lumen.ro', employees: 12 });
  });

  test('an account read from a page, or holding what the row cannot give back, keeps its record', () => {
    expect(importedPartOf({ ...lumenRecord, site: 'hubspot' })).toBeUndefined();
    expect(importedPartOf({ ...lumenRecord, seenAt: 5 })).toBeUndefined();
    expect(importedPartOf({ ...lumenRecord, snapshot: { ...lumenRecord.snapshot, people: [{ name: 'Ana Pop' }] } })).toBeUndefined();
    expect(importedPartOf({ ...lumenRecord, snapshot: { ...lumenRecord.snapshot, company: { ...lumenRecord.snapshot.company, employeesRange: { min: 501, max: 1000 } } } })).toBeUndefined();
  });
});

describe('import-only accounts in the database', () => {
  test('a scored import writes one record per row: no accounts record, the row carries what the record held', async () => {
    const db = await fresh();
    expect(await importAccounts(db, [lumen], () => {}, 20)).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await db.accounts.count()).toBe(0);
    expect(await db.scores.get('domain:lumen.ro')).toMatchObject({
      segment: 'low-touch',
      points: 6,
      imported: { firstSeenAt: 20, recordId: '5012345680', name: 'Lumen "Light" SA', owner: 'Dana Reyes', currencies: { annualRevenue: 'EUR', openAmount: 'EUR' } },
    });
    expect(await storedAccount(db, 'domain:lumen.ro')).toEqual({ ...lumenRecord, firstSeenAt: 20 });
    // The same file again changes nothing; the background's start finds nothing to score.
    expect(await importAccounts(db, [lumen], () => {}, 30)).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await refreshBook(db, 40)).toBe(0);
  });

  test('an imported account with no page read is rescored, not deleted, after a playbook change', async () => {
    const db = await fresh();
    await importAccounts(db, [lumen], () => {}, 20);
    const lowered: Playbook = structuredClone(DEFAULT_PLAYBOOK);
    lowered.version = '2027.1';
    lowered.segmentation.segments.find((s) => s.id === 'standard')!.minPoints = 5;
    await activate(db, lowered, { hash: 'lowered', source: 'file', origin: 'team.json' }, 2000);
    expect(await refreshBook(db, 3000)).toBe(1);
    // 6 points: Low-touch under the old threshold (7), Standard under the new one (5).
    expect(await db.scores.get('domain:lumen.ro')).toMatchObject({ segment: 'standard', playbookVersion: '2027.1', imported: { firstSeenAt: 20 } });
    expect((await historyOf(db, 'domain:lumen.ro')).map((e) => [e.cause, e.segment])).toEqual([['playbook', { from: 'low-touch', to: 'standard' }]]);
    expect(await storedAccount(db, 'domain:lumen.ro')).toEqual({ ...lumenRecord, firstSeenAt: 20 });
  });

  test('the panel opens an import-only account with its imported facts', async () => {
    const db = await fresh();
    await importAccounts(db, [lumen], () => {}, 20);
    const state = createPanelState({ db });
    state.openAccount('domain:lumen.ro');
    await until(() => state.account.value, 'the account');
    expect(state.account.value).toMatchObject({ name: 'Lumen "Light" SA', seenAt: 0 });
    expect(state.facts.value).toEqual({ employees: 200, annualRevenue: 90_000_000, country: 'RO', openDeals: 1, openAmount: 48_000 });
    state.dispose();
  });

  test("a page read of an import-only account merges over the imported facts, keeps when it was first imported, and the row becomes the page's", async () => {
    const db = await fresh();
    await importAccounts(db, [lumen], () => {}, 20);
    const page = PageSnapshot.parse({ site: 'hubspot', kind: 'company', url: 'https://app.hubspot.com/contacts/1/record/0-2/5012345680', recordId: '5012345680', company: { name: 'Lumen SA', domain: 'lumen.ro', employees: 640 } });
    await saveSnapshot(db, page, 50);
    await rescore(db, ['domain:lumen.ro'], { kind: 'page' }, 50);
    const record = await db.accounts.get('domain:lumen.ro');
    expect(record).toMatchObject({ name: 'Lumen SA', site: 'hubspot', firstSeenAt: 20, seenAt: 50 });
    // The page's head count wins; the revenue, country, owner and open deal only the file gave stay.
    expect(record?.snapshot.company).toEqual({ name: 'Lumen SA', domain: 'lumen.ro', employees: 640, annualRevenue: { amount: 90_000_000, currency: 'EUR' }, country: 'RO', owner: 'Dana Reyes' });
    expect(record?.snapshot.deals).toEqual({ openCount: 1, openAmount: { amount: 48_000, currency: 'EUR' } });
    const row = await db.scores.get('domain:lumen.ro');
    expect(row).toMatchObject({ name: 'Lumen SA', site: 'hubspot', seenAt: 50 });
    expect(row?.imported).toBeUndefined();
  });

  test('an account imported under its CRM id moves under its domain when a page shows it: one row, under the domain', async () => {
    const db = await fresh();
    // Pipedrive organisation 17 had no website in the file: keyed like the Pipedrive page keys it.
    const baltic: ImportedAccount = { key: 'pipedrive:17', row: 2, recordId: '17', company: { name: 'Baltic Freight', employees: 85 }, deals: { wonCount: 5 }, answers: {} };
    await importAccounts(db, [baltic], () => {}, 20);
    const page = PageSnapshot.parse({ site: 'pipedrive', kind: 'company', url: 'https://acme.pipedrive.com/organization/17', recordId: '17', company: { name: 'Baltic Freight', domain: 'balticfreight.lt' } });
    await saveSnapshot(db, page, 50);
    await rescore(db, ['domain:balticfreight.lt'], { kind: 'page' }, 50);
    expect((await db.accounts.get('domain:balticfreight.lt'))?.snapshot.company).toEqual({ name: 'Baltic Freight', domain: 'balticfreight.lt', employees: 85 });
    expect((await db.scores.toArray()).map((s) => s.key)).toEqual(['domain:balticfreight.lt']);
    expect(await storedAccount(db, 'pipedrive:17')).toBeUndefined();
  });

  test("the background's start still scores a page-read account that has no score, among import-only rows", async () => {
    const db = await fresh();
    const more: ImportedAccount[] = ['alpha.pl', 'beta.it'].map((domain, i) => ({ key: `domain:${domain}`, row: 3 + i, company: { name: domain, domain, employees: 30 }, deals: {}, answers: {} }));
    await importAccounts(db, [lumen, ...more], () => {}, 20);
    // Read from a page by an older version, before any score existed (or copied in by a tool).
    await db.accounts.put({ ...lumenRecord, key: 'domain:orbit.ro', name: 'Orbit SRL', domain: 'orbit.ro', site: 'hubspot', seenAt: 30, snapshot: { ...lumenRecord.snapshot, site: 'hubspot', company: { name: 'Orbit SRL', domain: 'orbit.ro', employees: 200 } } });
    expect(await refreshBook(db, 40)).toBe(1);
    // 200 employees (2 points) + the open deal its snapshot carries (1): 3 points, Low-touch; the
    // three imported rows are untouched.
    expect(await db.scores.get('domain:orbit.ro')).toMatchObject({ segment: 'low-touch', points: 3, site: 'hubspot' });
    expect((await db.scores.toArray()).map((s) => [s.key, s.scoredAt])).toEqual([
      ['domain:alpha.pl', 20],
      ['domain:beta.it', 20],
      ['domain:lumen.ro', 20],
      ['domain:orbit.ro', 40],
    ]);
    expect(await refreshBook(db, 50)).toBe(0);
  });

  test("the studio's preview includes import-only accounts", async () => {
    const db = await fresh();
    await importAccounts(db, [lumen], () => {}, 20);
    const studio = createStudioState({ db, builtin: async () => DEFAULT_PLAYBOOK, saveDelay: 0, checkDelay: 0 });
    await studio.load();
    await studio.loadAccounts();
    expect(studio.accounts.value.filter((a) => !a.demo)).toEqual([
      { key: 'domain:lumen.ro', name: 'Lumen "Light" SA', facts: { employees: 200, annualRevenue: 90_000_000, country: 'RO', openDeals: 1, openAmount: 48_000 }, answers: {}, text: '', demo: false },
    ]);
    await studio.saveNow();
  });
});

describe('a book written before one record per row (an accounts record and a score for each imported account)', () => {
  test('opens with the book, the panel read and the background start unchanged; a re-import moves the account into its row', async () => {
    const name = databases.name('import-only-old');
    // Written by the code of the day: install the playbook, import, then put back the old shape.
    const db = databases.open(name);
    await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK, 1);
    await importAccounts(db, [lumen], () => {}, 20);
    const { imported: _dropped, ...oldRow } = (await db.scores.get('domain:lumen.ro'))!;
    await db.scores.put(oldRow);
    await db.accounts.put({ ...lumenRecord, firstSeenAt: 20 });
    db.close();

    const reopened = databases.open(name);
    expect(await refreshBook(reopened, 30)).toBe(0);
    expect(await reopened.scores.get('domain:lumen.ro')).toMatchObject({ name: 'Lumen "Light" SA', segment: 'low-touch', points: 6 });
    const state = createPanelState({ db: reopened });
    state.openAccount('domain:lumen.ro');
    await until(() => state.account.value, 'the account');
    expect(state.account.value).toEqual({ ...lumenRecord, firstSeenAt: 20 });
    state.dispose();

    // A newer export: 1,200 employees (4 points) + 90 M (3) + one open deal (1) = 8 points, Standard.
    const newer = { ...lumen, company: { ...lumen.company, employees: 1200 } };
    expect(await importAccounts(reopened, [newer], () => {}, 40)).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await reopened.accounts.count()).toBe(0);
    expect(await reopened.scores.get('domain:lumen.ro')).toMatchObject({ segment: 'standard', imported: { firstSeenAt: 20 } });
    expect((await storedAccount(reopened, 'domain:lumen.ro'))?.snapshot.company.employees).toBe(1200);
    expect((await historyOf(reopened, 'domain:lumen.ro')).map((e) => [e.cause, e.segment, e.facts])).toEqual([
      ['import', { from: 'low-touch', to: 'standard' }, [{ fact: 'employees', from: 200, to: 1200 }]],
    ]);
    expect(await refreshBook(reopened, 50)).toBe(0);
  });
});
