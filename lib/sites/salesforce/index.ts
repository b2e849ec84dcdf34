/**
 * Salesforce Lightning Experience: Account records.
 *
 *   https://<org>.lightning.force.com/lightning/r/Account/<id>/view            record page
 *   https://<org>.lightning.force.com/lightning/r/<id>/view                    same, object from the id prefix (001 = Account)
 *   https://<org>.lightning.force.com/lightning/r/Account/<id>/related/Contacts/view   a related list of the record
 *   https://<org>--<sandbox>.sandbox.lightning.force.com/...                   sandboxes
 *   https://<org>.my.salesforce.com/...                                        My Domain host (redirects into Lightning)
 *   https://<org>.lightning.force.com/lightning/o/Account/new?...              NEW record modal: not an account yet
 *
 * Contacts, opportunities, users, list views and the home page are on the same
 * site but are not company pages: `read` is null and `describeMissing` says so.
 *
 * What does not change with the UI language or styling is preferred:
 *   1. the record id in the URL, and links/tabs naming it (console apps keep several records in the DOM);
 *   2. fields by API name, `data-target-selection-name="sfdc:RecordField.Account.<Field>"` (also on the
 *      inline-edit panel: ../../../test/fixtures/pages/salesforce/inline-edit-genepoint-ja.html, a real capture);
 *   3. inputs by API name (`input[name="Website"]`) in edit mode, address parts by `data-field`;
 *   4. the highlights panel (`records-highlights2`, `force-highlights-details-item`) and
 *      `records-record-layout-item[field-label]`, matched through LABELS, Salesforce's own field labels
 *      in en/pl/ru/ro/it/de/fr/es/ja: only when nothing above names the field.
 *
 * Files: ./place.ts (URLs), ./selectors.ts, ./labels.ts (translated labels),
 * ./record.ts (the Account's scope and fields), ./related-lists.ts (deals, people).
 */
import type { PageSnapshotInput } from '../../snapshot';
import { describeRecord } from '../missing';
import type { SiteAdapter } from '../types';
import { accountId, HOST, pageKind } from './place';
import { readAccount, type AccountRead } from './record';
import { readDeals, readPeople } from './related-lists';
import { SELECTORS } from './selectors';

export { SELECTORS } from './selectors';

function readShown(doc: Document, url: URL): AccountRead {
  const id = accountId(url);
  if (!id) throw new Error('not an Account record');
  return readAccount(doc, id);
}

export const salesforce: SiteAdapter = {
  id: 'salesforce',
  label: 'Salesforce',
  // Lightning Experience, and My Domain hosts that serve it (sandboxes are sub-domains of both).
  hosts: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  matches: (url) => HOST.test(url.hostname),
  read(doc, url) {
    try {
      const id = accountId(url);
      if (!id) return null;
      const { company, raw, find } = readAccount(doc, id);
      // A name or website identifies the account; otherwise at least two facts, so a
      // half-rendered page is not stored as an account of one stray field.
      if (!company.name && !company.domain && Object.keys(company).length < 2) return null;
      const snapshot: PageSnapshotInput = { site: 'salesforce', kind: 'company', url: url.href, recordId: id, company, people: readPeople(find) };
      const deals = readDeals(find);
      if (deals) snapshot.deals = deals;
      const text = raw.description?.join('\n');
      if (text) snapshot.text = text;
      return snapshot;
    } catch {
      return null;
    }
  },
  describeMissing: describeRecord(pageKind, readShown),
  observeRoot(doc) {
    for (const selector of SELECTORS.observe) {
      const found = doc.querySelector(selector);
      if (found) return found;
    }
    return null;
  },
  examples: {
    company: [
      'https://vantage-bio.lightning.force.com/lightning/r/Account/0015g00000XyZabAAF/view',
      'https://vantage-bio.lightning.force.com/lightning/r/0015g00000XyZabAAF/view',
      'https://vantage-bio.lightning.force.com/lightning/r/Account/0015g00000XyZab/related/Contacts/view',
      'https://brandt-elektro--uat.sandbox.lightning.force.com/lightning/r/Account/0013X00002kLmNoQAK/view?ws=%2Flightning%2Fr%2FAccount%2F0013X00002kLmNoQAK%2Fview',
      'https://brandt-elektro.my.salesforce.com/lightning/r/Account/0013X00002kLmNoQAK/view',
    ],
    other: [
      'https://vantage-bio.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAV/view',
      'https://vantage-bio.lightning.force.com/lightning/r/Opportunity/0065g00000QrStUAA1/view',
      'https://vantage-bio.lightning.force.com/lightning/r/User/0055g00000FgHiJAAV/view',
      'https://vantage-bio.lightning.force.com/lightning/o/Account/list?filterName=Recent',
      'https://vantage-bio.lightning.force.com/lightning/o/Account/new?count=1&nooverride=1',
      'https://vantage-bio.lightning.force.com/lightning/page/home',
      'https://vantage-bio.my.salesforce.com/0015g00000XyZab',
    ],
  },
};
