import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { openDb, saveSnapshot, setAnswer, setCheck, setPersona, type PlaycardDb } from '../../lib/db';
import { PageSnapshot } from '../../lib/snapshot';

// Issue 14, defect 2: a record first saved under its CRM id (`hubspot:42`, read before its
// website rendered) moves under its domain; the domain already has input from a mail thread.
const early = PageSnapshot.parse({
  site: 'hubspot',
  kind: 'company',
  url: 'https://app.hubspot.com/contacts/1/record/0-2/42',
  recordId: '42',
  company: { name: 'Northwind Logistics' },
});
const withDomain = PageSnapshot.parse({ ...early, company: { name: 'Northwind Logistics', domain: 'northwind-logistics.com' } });
const gmail = PageSnapshot.parse({
  site: 'gmail',
  kind: 'email',
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  recordId: 'abc',
  company: { name: 'Northwind', domain: 'northwind-logistics.com' },
});
const DOMAIN = 'domain:northwind-logistics.com';

let db: PlaycardDb;
let count = 0;
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('provisional key → domain: the two inputs merge', () => {
  test("ticks are a union, the later state of a tactic wins, answers and persona from the later input win; nothing is deleted", async () => {
    db = openDb(`merge-${++count}`);
    // The mail thread: ticked two tactics, answered two criteria, chose a persona.
    await saveSnapshot(db, gmail, 1000);
    await setCheck(db, DOMAIN, 'send-case-study', true, 1100);
    await setCheck(db, DOMAIN, 'offer-guarantees', true, 1200);
    await setAnswer(db, DOMAIN, 'potential', 'high', 1300);
    await setAnswer(db, DOMAIN, 'share', 'low', 1300);
    await setPersona(db, DOMAIN, { primary: 'novice' }, 1300);
    // The CRM record, still without its website: unticks one, ticks another, answers, chooses.
    expect(await saveSnapshot(db, early, 2000)).toBe('hubspot:42');
    await setCheck(db, 'hubspot:42', 'offer-guarantees', false, 2100);
    await setCheck(db, 'hubspot:42', 'book-demo', true, 2200);
    await setAnswer(db, 'hubspot:42', 'potential', 'medium', 2300);
    await setPersona(db, 'hubspot:42', { primary: 'burned', secondary: 'expert' }, 2300);

    expect(await saveSnapshot(db, withDomain, 3000)).toBe(DOMAIN);
    const merged = await db.inputs.get(DOMAIN);
    expect(merged?.checks).toEqual({
      'send-case-study': { done: true, at: 1100 },
      'offer-guarantees': { done: false, at: 2100 },
      'book-demo': { done: true, at: 2200 },
    });
    expect(merged?.answers).toEqual({ potential: 'medium', share: 'low' });
    expect(merged?.persona).toEqual({ primary: 'burned', secondary: 'expert', at: 2300 });
    expect(await db.inputs.get('hubspot:42')).toBeUndefined();
    expect((await db.accounts.toArray()).map((a) => a.key)).toEqual([DOMAIN]);
  });

  test('the older input loses only where both say something: a later tick on the domain beats an earlier untick on the record', async () => {
    db = openDb(`merge-${++count}`);
    expect(await saveSnapshot(db, early, 1000)).toBe('hubspot:42');
    await setCheck(db, 'hubspot:42', 'offer-guarantees', false, 1100);
    await setAnswer(db, 'hubspot:42', 'potential', 'low', 1100);
    await setPersona(db, 'hubspot:42', { primary: 'novice' }, 1100);
    await saveSnapshot(db, gmail, 1500);
    await setCheck(db, DOMAIN, 'offer-guarantees', true, 1600);
    await setAnswer(db, DOMAIN, 'share', 'high', 1700);

    await saveSnapshot(db, withDomain, 3000);
    const merged = await db.inputs.get(DOMAIN);
    expect(merged?.checks).toEqual({ 'offer-guarantees': { done: true, at: 1600 } });
    expect(merged?.answers).toEqual({ potential: 'low', share: 'high' });
    expect(merged?.persona).toEqual({ primary: 'novice', at: 1100 });
  });
});
