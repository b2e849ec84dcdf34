/**
 * Issue 14: one odd number never loses a page (defect 4), and a read page's
 * address is an http(s) page, never a `javascript:` URL (defect 9).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { openDb } from '../../lib/db';
import { applyReport } from '../../lib/reports';
import { tidySnapshot } from '../../lib/sites/reader';
import { PageReport, PageSnapshot, type PageSnapshotInput } from '../../lib/snapshot';

const db = openDb('sites-report-limits-test');
afterEach(async () => {
  await db.accounts.clear();
});

const URL_OF_RECORD = 'https://app.hubspot.com/contacts/1/record/0-2/9';

function read(company: PageSnapshotInput['company'], deals?: PageSnapshotInput['deals']): PageSnapshotInput {
  const snapshot: PageSnapshotInput = { site: 'hubspot', kind: 'company', url: URL_OF_RECORD, recordId: '9', company, people: [{ name: 'Dana Whitfield', email: 'dana@acme.com' }] };
  if (deals) snapshot.deals = deals;
  return snapshot;
}

describe('a count of 2^53 or more', () => {
  test('is dropped by the content script, which keeps the other facts', () => {
    const tidy = tidySnapshot(read({ name: 'Acme', domain: 'acme.com', employees: 2 ** 53, industry: 'Retail' }, { openCount: 2 ** 53 + 2, wonCount: 3 }));
    expect(tidy.company).toEqual({ name: 'Acme', domain: 'acme.com', industry: 'Retail' });
    expect(tidy.deals).toEqual({ wonCount: 3 });
    expect(PageReport.safeParse({ status: 'ok', snapshot: tidy }).success).toBe(true);
  });

  test('that reaches the background anyway loses that fact only: the account is stored with its name, domain and people', async () => {
    const result = await applyReport(db, { status: 'ok', snapshot: read({ name: 'Acme', domain: 'acme.com', employees: 2 ** 53 }, { openCount: 2 ** 60, wonCount: 3 }) }, 7);
    expect(result).toEqual({ ok: true, state: { status: 'ok', accountKey: 'domain:acme.com', site: 'hubspot', url: URL_OF_RECORD, at: 7 } });
    const [account] = await db.accounts.toArray();
    expect(account?.key).toBe('domain:acme.com');
    expect(JSON.stringify(account)).toContain('Dana Whitfield');
    expect(JSON.stringify(account)).not.toContain('9007199254740992');
  });

  test('a report that is wrong elsewhere (its address) is still refused whole', async () => {
    const result = await applyReport(db, { status: 'ok', snapshot: { ...read({ name: 'Acme', employees: 2 ** 53 }), url: 'nope' } });
    expect(result.ok).toBe(false);
    expect(await db.accounts.count()).toBe(0);
  });
});

describe('the address of a read page', () => {
  test.each(['javascript:alert(document.domain)', 'JavaScript:void(0)', 'data:text/html,<b>x</b>', 'file:///etc/passwd'])('%s is refused', (url) => {
    expect(PageSnapshot.safeParse({ ...read({ name: 'Acme' }), url }).success).toBe(false);
    expect(PageReport.safeParse({ status: 'unreadable', site: 'hubspot', siteLabel: 'HubSpot', url, missing: { kind: 'contact', facts: [] } }).success).toBe(false);
  });

  test('http and https pages are accepted', () => {
    expect(PageSnapshot.safeParse(read({ name: 'Acme' })).success).toBe(true);
    expect(PageSnapshot.safeParse({ ...read({ name: 'Acme' }), url: 'http://crm.intranet.example/accounts/7' }).success).toBe(true);
  });
});
