import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ensurePlaybookHistory, HISTORY_LIMIT, installBuiltinPlaybook, openDb, setCheck, storageProblemOf, type PlaycardDb } from '../../lib/db';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { applyIncoming, rollBack } from '../../lib/playbook/runtime/store';
import { generateKeyPair, signPlaybookFile } from '../../lib/playbook/signature';
import { fillableDisk } from './fillable-disk';

// The same playbook is installed in a fresh database for each case: its persona model is trained once per file.
vi.mock('../../lib/core/persona', async (original) => (await import('./train-once')).trainOncePerPlaybook(await original()));

const URL_ = 'https://playbooks.example.com/team.json';
const small = JSON.parse(readFileSync(new URL('../fixtures/playbooks/small.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const file = (version: string) => new TextEncoder().encode(JSON.stringify({ ...small, version }));

let db: PlaycardDb;
let n = 0;
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('signed playbooks: rotation and rollback', () => {
  test('during a rotation either key verifies; a rollback goes only to a version a key trusted now verified', async () => {
    db = openDb(`safety-${++n}`);
    await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK, 1);
    const [old, next] = [await generateKeyPair(), await generateKeyPair()];
    const a = file('2026.01-1');
    expect(await applyIncoming(db, { bytes: a, source: 'url', origin: URL_, publicKey: old.publicKey, signature: await signPlaybookFile(a, old.privateKey, { id: 'small-test', version: '2026.01-1' }) }, 2)).toMatchObject({ status: 'applied' });
    const b = file('2026.02-1');
    const both = `${next.publicKey},${old.publicKey}`;
    expect(await applyIncoming(db, { bytes: b, source: 'url', origin: URL_, publicKey: both, signature: await signPlaybookFile(b, next.privateKey, { id: 'small-test', version: '2026.02-1' }) }, 3)).toMatchObject({ status: 'applied', version: '2026.02-1' });
    // A format-2 signature made for another version does not cover this file.
    const c = file('2026.03-1');
    expect(await applyIncoming(db, { bytes: c, source: 'url', origin: URL_, publicKey: both, signature: await signPlaybookFile(c, next.privateKey, { id: 'small-test', version: '2026.09-1' }) }, 4)).toMatchObject({ status: 'rejected', reason: { code: 'bad-signature' } });
    // A 10,000-character .sig is not "no signature": it is not a signature.
    expect(await applyIncoming(db, { bytes: c, source: 'url', origin: URL_, publicKey: both, signature: 'A'.repeat(10_000) }, 5)).toMatchObject({ status: 'rejected', reason: { code: 'malformed-signature' } });

    const history = await db.playbookHistory.toArray();
    const oldSigned = history.find((v) => v.version === '2026.01-1')!;
    // The window is over: only the new key is trusted; the version the old key verified is not.
    expect(await rollBack(db, oldSigned.seq!, 6, next.publicKey)).toEqual({ status: 'rejected', reason: { code: 'untrusted-version', seq: oldSigned.seq } });
    // With the old key still in the field, the explicit rollback to the older version is allowed.
    expect(await rollBack(db, oldSigned.seq!, 7, both)).toMatchObject({ status: 'applied', version: '2026.01-1' });
  });
});

describe('history', () => {
  test('60 alternating versions keep the last 50 plus the built-in one', { timeout: 120_000 }, async () => {
    db = openDb(`safety-${++n}`);
    await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK, 1);
    for (let i = 0; i < 60; i++) await applyIncoming(db, { bytes: file(i % 2 ? '2026.01-a' : '2026.01-b'), source: 'url', origin: URL_ }, 10 + i);
    const history = await db.playbookHistory.toArray();
    expect(HISTORY_LIMIT).toBe(50);
    expect(history).toHaveLength(51);
    expect(history.filter((v) => v.source === 'builtin')).toHaveLength(1);
    expect(history.at(-1)?.appliedAt).toBe(69);
  });

  test('v1 → v2: the active playbook of a version-1 database enters the history once, with its hash', async () => {
    const name = `safety-v1-${++n}`;
    const old = new Dexie(name);
    old.version(1).stores({ accounts: 'key, seenAt, domain', inputs: 'key', playbooks: 'key' });
    await old.table('playbooks').put({ key: 'active', source: 'url', version: 'team-7', playbook: DEFAULT_PLAYBOOK, appliedAt: 5 });
    old.close();
    db = openDb(name);
    await ensurePlaybookHistory(db);
    await ensurePlaybookHistory(db);
    const history = await db.playbookHistory.toArray();
    expect(history.map((v) => [v.version, v.source, v.appliedAt])).toEqual([['team-7', 'url', 5]]);
    expect(history[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await db.playbooks.get('active'))?.hash).toBe(history[0]?.hash);
  });
});

describe('storage problems', () => {
  test('a full disk on a tick write rejects with a code the panel words, and stores nothing', async () => {
    db = openDb(`safety-${++n}`);
    fillableDisk(db).fill();
    const failure = await setCheck(db, 'domain:acme.com', 'offer-guarantees', true, 1).catch((error: unknown) => error);
    expect(storageProblemOf(failure)).toBe('full');
    expect(await db.inputs.get('domain:acme.com')).toBeUndefined();
  });

  test('an upgrade blocked by an old tab holding the database is reported, not waited on in silence', async () => {
    const name = `safety-blocked-${++n}`;
    // An old tab: a raw connection at Dexie's version 1 (IndexedDB version 10) that ignores versionchange.
    const holder = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 10);
      request.onupgradeneeded = () => {
        for (const store of ['accounts', 'inputs', 'playbooks']) request.result.createObjectStore(store, { keyPath: 'key' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const problems: string[] = [];
    db = openDb(name, { onStorageProblem: (problem) => problems.push(problem) });
    const opening = db.open().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(problems).toContain('blocked');
    holder.close();
    await opening;
    expect(db.isOpen()).toBe(true);
  });
});
