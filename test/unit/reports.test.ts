import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { openDb } from '../../lib/db';
import { applyReport, createTabReports } from '../../lib/reports';
import type { TabState } from '../../lib/tab-state';

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

describe('reports of one tab', () => {
  const okReport = {
    status: 'ok',
    snapshot: { site: 'hubspot', kind: 'company', url: 'https://app.hubspot.com/contacts/1/record/0-2/9', recordId: '9', company: { name: 'Acme', domain: 'acme.com' } },
  };
  const left = { status: 'unrecognised', url: 'https://app.hubspot.com/settings' };

  function recorder() {
    const states = new Map<number, TabState>();
    const reports = createTabReports({
      db,
      save: async (tabId, state) => void states.set(tabId, state),
      forget: async (tabId) => void states.delete(tabId),
      now: () => 7,
    });
    return { states, reports };
  }

  test('are applied in the order they were sent: an earlier ok read does not overwrite a later unrecognised page', async () => {
    const { states, reports } = recorder();
    // Sent back to back, as a content script does when the rep leaves a record for a settings page.
    await Promise.all([reports.report(3, okReport), reports.report(3, left)]);
    expect(states.get(3)).toEqual({ status: 'unrecognised', url: 'https://app.hubspot.com/settings', at: 7 });
    expect(await db.accounts.count()).toBe(1);
  });

  test('open panels hear what the tab shows before the read is stored, and the saved state follows the store', async () => {
    const heard: Array<{ state: TabState; storedThen: Promise<unknown> }> = [];
    const saved: Array<{ state: TabState; stored: boolean }> = [];
    const reports = createTabReports({
      db,
      save: async (_, state) => void saved.push({ state, stored: (await db.accounts.get('domain:acme.com')) !== undefined }),
      // What a panel reading the account at that moment would find.
      announce: (_, state) => void heard.push({ state, storedThen: db.accounts.get('domain:acme.com') }),
      forget: async () => undefined,
      now: () => 7,
    });
    await reports.report(3, okReport);
    const acme = { status: 'ok', accountKey: 'domain:acme.com', site: 'hubspot', url: 'https://app.hubspot.com/contacts/1/record/0-2/9', at: 7 };
    expect(heard.map((h) => h.state)).toEqual([acme]);
    expect(await heard[0]!.storedThen).toBeUndefined();
    expect(saved).toEqual([{ state: acme, stored: true }]);
  });

  test('a closed tab is forgotten after its pending reports, so none of them brings its state back', async () => {
    const { states, reports } = recorder();
    await Promise.all([reports.report(4, okReport), reports.closed(4)]);
    expect(states.has(4)).toBe(false);
  });

  test('other tabs are not held up by a refused report', async () => {
    const { states, reports } = recorder();
    await Promise.all([reports.report(5, 'garbage'), reports.report(6, left)]);
    expect(states.has(5)).toBe(false);
    expect(states.get(6)).toMatchObject({ status: 'unrecognised' });
  });

  test("a tab's next report is shown without waiting for the last one's scoring, and scorings keep the reads' order", async () => {
    const states = new Map<number, TabState>();
    const scored: string[] = [];
    let finishFirst!: () => void;
    const reports = createTabReports({
      db,
      save: async (tabId, state) => void states.set(tabId, state),
      forget: async () => undefined,
      now: () => 7,
      // The first scoring takes as long as the test says; the second is at once.
      onStored: (key) => (scored.length === 0 ? new Promise<void>((resolve) => (finishFirst = () => (scored.push(key), resolve()))) : (scored.push(key), Promise.resolve())),
    });
    await reports.report(5, okReport);
    // The rep has moved on to a settings page while the record is still being scored.
    await reports.report(5, left);
    expect(states.get(5)).toEqual({ status: 'unrecognised', url: 'https://app.hubspot.com/settings', at: 7 });
    await reports.report(6, okReport);
    expect(scored).toEqual([]);
    finishFirst();
    await expect.poll(() => scored).toEqual(['domain:acme.com', 'domain:acme.com']);
  });
});
