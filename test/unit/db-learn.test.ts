import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { learnProgressMap, learnReviews, openDb, saveReview, type PlaycardDb } from '../../lib/db';
import { freshProgress, review } from '../../lib/learn/schedule';
import { parsePlaybook } from '../../lib/playbook/schema';
import { PageSnapshot } from '../../lib/snapshot';
import small from '../fixtures/playbooks/small.json';

const snapshot = { site: 'hubspot', kind: 'company', url: 'https://app.hubspot.com/contacts/1/record/0-2/42', recordId: '42', company: { name: 'Acme', domain: 'acme.com', employees: 420 } };
const account = { key: 'domain:acme.com', name: 'Acme', domain: 'acme.com', site: 'hubspot', snapshot, firstSeenAt: 1, seenAt: 2 };
const input = { key: 'domain:acme.com', answers: { potential: 'high' }, checks: { x: { done: true, at: 1 } }, updatedAt: 1 };
const active = { key: 'active', source: 'file', version: '1', playbook: small, appliedAt: 5, hash: 'ab'.repeat(32), origin: 'team.json' };

let db: PlaycardDb | undefined;
let count = 0;
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
  db = undefined;
});

/** Writes the shipped layout of `version` with raw Dexie, as an older build would have. */
async function shipped(version: 1 | 2): Promise<string> {
  const name = `learn-upgrade-v${version}-${++count}`;
  const old = new Dexie(name);
  old.version(1).stores({ accounts: 'key, seenAt, domain', inputs: 'key', playbooks: 'key' });
  if (version === 2) old.version(2).stores({ playbookHistory: '++seq, hash, appliedAt', meta: 'key' });
  await old.table('accounts').put(account);
  await old.table('inputs').put(input);
  await old.table('playbooks').put(version === 1 ? { ...active, hash: undefined } : active);
  if (version === 2) {
    await old.table('playbookHistory').add({ hash: active.hash, version: '1', source: 'file', origin: 'team.json', playbook: small, appliedAt: 5 });
    await old.table('meta').put({ key: 'update-status', value: { lastCheckAt: 7 } });
  }
  old.close();
  return name;
}

describe('schema v3 (Learn) upgrades every shipped version', () => {
  test.each([1, 2] as const)('from v%s: every row reads back valid and unchanged, and Learn starts empty', async (version) => {
    db = openDb(await shipped(version));
    expect(db.tables.map((table) => table.name)).toEqual(expect.arrayContaining(['learnProgress', 'learnReviews']));
    const accounts = await db.accounts.toArray();
    expect(accounts).toHaveLength(1);
    expect(PageSnapshot.safeParse(accounts[0]?.snapshot).success).toBe(true);
    expect(accounts[0]?.name).toBe('Acme');
    expect(await db.inputs.get('domain:acme.com')).toEqual(input);
    const stored = await db.playbooks.get('active');
    expect(parsePlaybook(stored?.playbook).ok).toBe(true);
    expect(stored?.origin).toBe('team.json');
    if (version === 2) {
      expect((await db.playbookHistory.toArray()).map((v) => v.version)).toEqual(['1']);
      expect(await db.meta.get('update-status')).toEqual({ key: 'update-status', value: { lastCheckAt: 7 } });
    }
    expect(await db.learnProgress.count()).toBe(0);
    expect(await db.learnReviews.count()).toBe(0);
  });

  test('a review and its progress are stored together and read back after the database is reopened', async () => {
    const name = await shipped(2);
    db = openDb(name);
    const card = { id: 'persona:burned', hash: '0badcafe' };
    const at = Date.UTC(2026, 11, 1, 9);
    const progress = review(freshProgress(card, at), card, 'good', at);
    await saveReview(db, progress, { cardId: card.id, at, grading: 'good', source: 'card', personas: ['burned'] });
    db.close();
    db = openDb(name);
    const map = await learnProgressMap(db);
    expect(map.get('persona:burned')?.reps).toBe(1);
    expect(map.get('persona:burned')?.hash).toBe('0badcafe');
    // FSRS: the first "good" on a new card is a 10-minute learning step.
    expect(map.get('persona:burned')?.due).toBe(at + 10 * 60_000);
    expect((await learnReviews(db)).map((r) => [r.seq, r.cardId, r.grading])).toEqual([[1, 'persona:burned', 'good']]);
  });
});
