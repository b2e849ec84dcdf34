import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { readFirstCard } from '../../components/learn/first-read';
import { openDb, type PlaycardDb } from '../../lib/db/database';
import small from '../fixtures/playbooks/small.json';

const active = { key: 'active', source: 'file', version: '1', playbook: small, appliedAt: 5, hash: 'ab'.repeat(32), origin: 'team.json' };
const progress = { id: 'persona:expert', hash: '0a1b2c3d', due: 1_000, stability: 4, difficulty: 5, scheduledDays: 4, learningSteps: 0, reps: 3, lapses: 0, state: 2, lastReview: 500 };

let count = 0;
const names: string[] = [];
const fresh = () => {
  const name = `learn-first-read-${++count}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const exists = async (name: string) => (await indexedDB.databases()).some((d) => d.name === name);

describe('the first card\'s data, read while Dexie opens', () => {
  test('a database at this schema: the active playbook and every progress row, as Dexie stored them', async () => {
    const name = fresh();
    const writer = openDb(name);
    await writer.playbooks.put(active as never);
    await writer.learnProgress.put(progress);
    writer.close();
    const read = await readFirstCard(openDb(name));
    expect(read?.stored).toEqual(active);
    expect(read?.progress).toEqual([progress]);
  });

  test('no playbook yet: null, and no progress', async () => {
    const name = fresh();
    const writer = openDb(name);
    await writer.open();
    writer.close();
    expect(await readFirstCard(openDb(name))).toEqual({ stored: null, progress: [] });
  });

  test('no database: nothing read, and none created (Dexie creates it at its schema)', async () => {
    const name = fresh();
    expect(await readFirstCard(openDb(name))).toBeUndefined();
    expect(await exists(name)).toBe(false);
    const db: PlaycardDb = openDb(name);
    await db.learnProgress.put(progress);
    expect(await db.learnProgress.count()).toBe(1);
    db.close();
  });

  test('an older schema: left to Dexie, which upgrades it and keeps the playbook', async () => {
    const name = fresh();
    const old = new Dexie(name);
    old.version(1).stores({ accounts: 'key, seenAt, domain', inputs: 'key', playbooks: 'key' });
    await old.table('playbooks').put({ ...active, hash: undefined });
    old.close();
    expect(await readFirstCard(openDb(name))).toBeUndefined();
    const db = openDb(name);
    expect((await db.playbooks.get('active'))?.version).toBe('1');
    expect(await db.learnProgress.count()).toBe(0);
    db.close();
  });

  test('its connection is closed once read, so it never holds up an upgrade', async () => {
    const name = fresh();
    const writer = openDb(name);
    await writer.open();
    writer.close();
    await readFirstCard(openDb(name));
    const newer = new Dexie(name);
    newer.version(999).stores({ extra: 'key' });
    await newer.open();
    expect(newer.verno).toBe(999);
    newer.close();
  });
});
