import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { ensurePlaybookHistory, refreshBook } from '../../lib/db';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { PageSnapshot } from '../../lib/snapshot';
import { testDatabases } from './test-databases';

// Schema v5 (My accounts) opened over data written by every shipped version: the old rows read
// back unchanged, the new tables start empty, and the background's refresh scores the accounts
// without inventing moves.

const acme = PageSnapshot.parse({
  site: 'hubspot',
  kind: 'company',
  url: 'https://app.hubspot.com/contacts/1/record/0-2/42',
  recordId: '42',
  // 420 employees (3 points) + $38M (2) = 5: low-touch; the rep's matrix answers make it key.
  company: { name: 'Acme', domain: 'acme.com', employees: 420, annualRevenue: { amount: 38_000_000, currency: 'USD' } },
});
const account = { key: 'domain:acme.com', name: 'Acme', domain: 'acme.com', site: 'hubspot', snapshot: acme, firstSeenAt: 1, seenAt: 2 };
const input = { key: 'domain:acme.com', answers: { potential: 'high', 'share-of-wallet': 'medium' }, checks: { 'call-prep': { done: true, at: 1 } }, updatedAt: 1 };
const active = { key: 'active', source: 'builtin', version: DEFAULT_PLAYBOOK.version, playbook: DEFAULT_PLAYBOOK, appliedAt: 1 };

const SHIPPED: Record<string, (old: Dexie) => void> = {
  v1: (old) => old.version(1).stores({ accounts: 'key, seenAt, domain', inputs: 'key', playbooks: 'key' }),
  v2: (old) => {
    old.version(1).stores({ accounts: 'key, seenAt, domain', inputs: 'key', playbooks: 'key' });
    old.version(2).stores({ playbookHistory: '++seq, hash, appliedAt', meta: 'key' });
  },
};

const databases = testDatabases('upgrade');

describe('upgrade to schema v5', () => {
  test.each(Object.keys(SHIPPED))('from %s: old rows intact, new tables empty, accounts scored once by the refresh', async (version) => {
    const name = databases.name(`upgrade-${version}`);
    const old = new Dexie(name);
    SHIPPED[version]!(old);
    await old.table('accounts').put(account);
    await old.table('inputs').put(input);
    await old.table('playbooks').put(active);
    old.close();

    const db = databases.open(name);
    expect(db.verno).toBe(7);
    expect(PageSnapshot.safeParse((await db.accounts.get('domain:acme.com'))?.snapshot).success).toBe(true);
    expect(await db.inputs.get('domain:acme.com')).toEqual(input);
    expect([await db.scores.count(), await db.history.count(), await db.pins.count(), await db.importMappings.count()]).toEqual([0, 0, 0, 0]);

    await ensurePlaybookHistory(db);
    expect(await refreshBook(db, 10)).toBe(1);
    const score = await db.scores.get('domain:acme.com');
    expect(score).toMatchObject({
      key: 'domain:acme.com',
      name: 'Acme',
      segment: 'key',
      facts: { employees: 420, annualRevenue: 38_000_000 },
      answers: { potential: 'high', 'share-of-wallet': 'medium' },
      playbookVersion: DEFAULT_PLAYBOOK.version,
      scoredAt: 10,
    });
    expect(await db.history.count()).toBe(0);
    expect(await refreshBook(db, 20)).toBe(0);
  });
});
