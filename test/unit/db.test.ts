import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { installBuiltinPlaybook, openDb, recentAccounts, saveSnapshot, setAnswer, setCheck, setPersona, type PlaycardDb } from '../../lib/db';
import { PageSnapshot } from '../../lib/snapshot';
import type { Playbook } from '../../lib/playbook/schema';
import small from '../fixtures/playbooks/small.json';
import { parsePlaybook } from '../../lib/playbook/schema';

const hubspot = PageSnapshot.parse({
  site: 'hubspot',
  kind: 'company',
  url: 'https://app.hubspot.com/contacts/1/record/0-2/42',
  recordId: '42',
  company: { name: 'Northwind Logistics', domain: 'northwind-logistics.com', employees: 420 },
});
const gmail = PageSnapshot.parse({
  site: 'gmail',
  kind: 'email',
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  recordId: 'abc',
  company: { name: 'Northwind', domain: 'northwind-logistics.com' },
  people: [{ name: 'Ola', email: 'ola@northwind-logistics.com' }],
  text: 'Our last vendor missed every deadline.',
});

let db: PlaycardDb;
let count = 0;
function fresh(): PlaycardDb {
  db = openDb(`test-${++count}`);
  return db;
}
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('accounts', () => {
  test('a CRM record and an email from the same domain are one account, and the email does not erase CRM facts', async () => {
    fresh();
    expect(await saveSnapshot(db, hubspot, 1000)).toBe('domain:northwind-logistics.com');
    expect(await saveSnapshot(db, gmail, 2000)).toBe('domain:northwind-logistics.com');
    const account = await db.accounts.get('domain:northwind-logistics.com');
    expect(account?.snapshot.company.employees).toBe(420);
    expect(account?.snapshot.company.name).toBe('Northwind');
    expect(account?.snapshot.text).toBe('Our last vendor missed every deadline.');
    expect(account?.firstSeenAt).toBe(1000);
    expect(account?.seenAt).toBe(2000);
  });

  test('an account first read without its website moves, with the rep input, under its domain once the website renders', async () => {
    fresh();
    const early = PageSnapshot.parse({ ...hubspot, company: { name: 'Northwind Logistics' } });
    expect(await saveSnapshot(db, early, 1000)).toBe('hubspot:42');
    await setCheck(db, 'hubspot:42', 'offer-guarantees', true);
    expect(await saveSnapshot(db, hubspot, 2000)).toBe('domain:northwind-logistics.com');
    expect((await db.accounts.toArray()).map((a) => a.key)).toEqual(['domain:northwind-logistics.com']);
    expect((await db.accounts.get('domain:northwind-logistics.com'))?.firstSeenAt).toBe(1000);
    expect((await db.inputs.get('domain:northwind-logistics.com'))?.checks['offer-guarantees']?.done).toBe(true);
    expect(await db.inputs.get('hubspot:42')).toBeUndefined();
  });

  test('a page that names no company is not stored', async () => {
    fresh();
    const nameless = PageSnapshot.parse({ site: 'gmail', kind: 'email', url: 'https://mail.google.com/', company: {} });
    expect(await saveSnapshot(db, nameless)).toBeUndefined();
    expect(await db.accounts.count()).toBe(0);
  });

  test('recent accounts come newest first', async () => {
    fresh();
    await saveSnapshot(db, hubspot, 1000);
    await saveSnapshot(db, { ...gmail, company: { name: 'Acme', domain: 'acme.com' } }, 3000);
    expect((await recentAccounts(db)).map((a) => a.name)).toEqual(['Acme', 'Northwind Logistics']);
  });
});

describe("a rep's input", () => {
  test('answers, persona and ticks are kept per account and a new page read leaves them alone', async () => {
    fresh();
    const key = (await saveSnapshot(db, hubspot))!;
    await setAnswer(db, key, 'potential', 'high');
    await setPersona(db, key, { primary: 'novice', secondary: 'burned' });
    await setCheck(db, key, 'offer-guarantees', true);
    await saveSnapshot(db, hubspot);
    const input = await db.inputs.get(key);
    expect(input?.answers).toEqual({ potential: 'high' });
    expect(input?.persona).toMatchObject({ primary: 'novice', secondary: 'burned' });
    expect(input?.checks['offer-guarantees']?.done).toBe(true);

    await setAnswer(db, key, 'potential', undefined);
    await setPersona(db, key, undefined);
    await setCheck(db, key, 'offer-guarantees', false);
    const cleared = await db.inputs.get(key);
    expect(cleared?.answers).toEqual({});
    expect(cleared?.persona).toBeUndefined();
    expect(cleared?.checks['offer-guarantees']?.done).toBe(false);
  });
});

describe('schema versions', () => {
  test('data written by version 1 opens and reads back unchanged (fixture of the shipped schema)', async () => {
    // The shipped v1 layout, written by raw Dexie as an older build would have.
    const name = `v1-fixture-${++count}`;
    const old = new Dexie(name);
    old.version(1).stores({ accounts: 'key, seenAt, domain', inputs: 'key', playbooks: 'key' });
    await old.table('accounts').put({ key: 'domain:acme.com', name: 'Acme', domain: 'acme.com', site: 'hubspot', snapshot: { ...hubspot, company: { name: 'Acme', domain: 'acme.com' } }, firstSeenAt: 1, seenAt: 2 });
    await old.table('inputs').put({ key: 'domain:acme.com', answers: { potential: 'high' }, checks: { x: { done: true, at: 1 } }, updatedAt: 1 });
    old.close();

    db = openDb(name);
    const account = await db.accounts.get('domain:acme.com');
    expect(PageSnapshot.safeParse(account?.snapshot).success).toBe(true);
    expect((await db.inputs.get('domain:acme.com'))?.checks.x?.done).toBe(true);
  });
});

describe('the active playbook', () => {
  const parsed = parsePlaybook(small);
  if (!parsed.ok) throw new Error('fixture playbook is invalid');
  const v1: Playbook = parsed.playbook;
  const v2: Playbook = { ...v1, version: 'v2' };

  test('the shipped playbook is installed once, refreshed by an update, and never replaces a team playbook', async () => {
    fresh();
    await installBuiltinPlaybook(db, v1, 1);
    expect((await db.playbooks.get('active'))?.version).toBe(v1.version);
    await installBuiltinPlaybook(db, v1, 2);
    expect((await db.playbooks.get('active'))?.appliedAt).toBe(1);
    await installBuiltinPlaybook(db, v2, 3);
    expect((await db.playbooks.get('active'))).toMatchObject({ version: 'v2', source: 'builtin', appliedAt: 3 });

    await db.playbooks.put({ key: 'active', source: 'url', version: 'team-7', playbook: v1, appliedAt: 4 });
    await installBuiltinPlaybook(db, { ...v1, version: 'v3' }, 5);
    expect((await db.playbooks.get('active'))).toMatchObject({ version: 'team-7', source: 'url' });
  });
});
