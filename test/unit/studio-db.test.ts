import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { discardDraft, loadDraft, saveDraft } from '../../lib/db';
import { parsePlaybook } from '../../lib/playbook/schema';
import { PageSnapshot } from '../../lib/snapshot';
import small from '../fixtures/playbooks/small.json';
import { testDatabases } from './test-databases';

const databases = testDatabases('studio');

const snapshot = { site: 'hubspot', kind: 'company', url: 'https://app.hubspot.com/contacts/1/record/0-2/42', recordId: '42', company: { name: 'Acme', domain: 'acme.com', employees: 300 } };

/** The shipped layouts, written by raw Dexie as an older build would have. */
async function writeShipped(name: string, version: 1 | 2): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores({ accounts: 'key, seenAt, domain', inputs: 'key', playbooks: 'key' });
  if (version === 2) old.version(2).stores({ playbookHistory: '++seq, hash, appliedAt', meta: 'key' });
  await old.table('accounts').put({ key: 'domain:acme.com', name: 'Acme', domain: 'acme.com', site: 'hubspot', snapshot, firstSeenAt: 1, seenAt: 2 });
  await old.table('inputs').put({ key: 'domain:acme.com', answers: { potential: 'high' }, checks: { x: { done: true, at: 1 } }, updatedAt: 1 });
  await old.table('playbooks').put({ key: 'active', source: 'builtin', version: small.version, playbook: small, appliedAt: 1, ...(version === 2 ? { hash: 'abc' } : {}) });
  if (version === 2) {
    await old.table('playbookHistory').add({ hash: 'abc', version: small.version, source: 'builtin', playbook: small, appliedAt: 1 });
    await old.table('meta').put({ key: 'update-status', value: { lastCheckAt: 5 } });
  }
  old.close();
}

describe('schema v4 (the studio) opens every shipped version', () => {
  test.each([1, 2] as const)('data written by version %i reads back valid, and the studio tables start empty', async (version) => {
    const name = databases.name(`studio-v${version}`);
    await writeShipped(name, version);
    const db = databases.open(name);
    await db.open();
    expect(db.verno).toBe(7);
    const account = await db.accounts.get('domain:acme.com');
    expect(PageSnapshot.safeParse(account?.snapshot).success).toBe(true);
    expect((await db.inputs.get('domain:acme.com'))?.answers).toEqual({ potential: 'high' });
    const active = await db.playbooks.get('active');
    expect(parsePlaybook(active?.playbook).ok).toBe(true);
    if (version === 2) {
      const [entry] = await db.playbookHistory.toArray();
      expect(parsePlaybook(entry?.playbook).ok).toBe(true);
      expect((await db.meta.get('update-status'))?.value).toEqual({ lastCheckAt: 5 });
    }
    expect(await db.studioDrafts.count()).toBe(0);
    expect(await db.signingKeys.count()).toBe(0);
  });
});

describe('the draft', () => {
  test('is saved with where it came from, read back as saved, and discarded', async () => {
    const db = databases.open(databases.name('studio-draft'));
    const doc = { ...small, version: 'draft-2' };
    await saveDraft(db, doc, { kind: 'file', name: 'team.json', version: small.version }, 10);
    expect(await loadDraft(db)).toEqual({ id: 'current', doc, base: { kind: 'file', name: 'team.json', version: small.version }, savedAt: 10 });
    await discardDraft(db);
    expect(await loadDraft(db)).toBeUndefined();
  });
});
