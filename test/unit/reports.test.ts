import 'fake-indexeddb/auto';
import { afterEach, expect, test } from 'vitest';
import { openDb } from '../../lib/db';
import { applyReport } from '../../lib/reports';

const db = openDb('reports-test');
afterEach(async () => {
  await db.accounts.clear();
});

test('a valid report is stored and the tab state names the account', async () => {
  const result = await applyReport(
    db,
    {
      status: 'ok',
      snapshot: { site: 'hubspot', kind: 'company', url: 'https://app.hubspot.com/contacts/1/record/0-2/9', recordId: '9', company: { name: 'Acme', domain: 'acme.com' } },
    },
    5,
  );
  expect(result).toEqual({ ok: true, state: { status: 'ok', accountKey: 'domain:acme.com', site: 'hubspot', url: 'https://app.hubspot.com/contacts/1/record/0-2/9', at: 5 } });
  expect(await db.accounts.count()).toBe(1);
});

test.each([
  ['not an object', 'hello'],
  ['unknown status', { status: 'maybe' }],
  ['snapshot with a bad URL', { status: 'ok', snapshot: { site: 'x', kind: 'company', url: 'nope', company: {} } }],
  ['text over the cap', { status: 'ok', snapshot: { site: 'x', kind: 'email', url: 'https://x.test/', company: { name: 'X' }, text: 'a'.repeat(20_001) } }],
])('a malformed report (%s) is refused and nothing is stored', async (_, report) => {
  const result = await applyReport(db, report);
  expect(result.ok).toBe(false);
  expect(await db.accounts.count()).toBe(0);
});

test('unreadable and unrecognised pages become tab states without touching the database', async () => {
  expect(await applyReport(db, { status: 'unreadable', site: 'hubspot', siteLabel: 'HubSpot', url: 'https://app.hubspot.com/x', missing: { kind: 'contact', facts: [] } }, 1)).toEqual({
    ok: true,
    state: { status: 'unreadable', site: 'hubspot', siteLabel: 'HubSpot', url: 'https://app.hubspot.com/x', missing: { kind: 'contact', facts: [] }, at: 1 },
  });
  expect(await applyReport(db, { status: 'unrecognised', url: 'https://example.com/' }, 2)).toEqual({
    ok: true,
    state: { status: 'unrecognised', url: 'https://example.com/', at: 2 },
  });
  expect(await db.accounts.count()).toBe(0);
});
