// @vitest-environment happy-dom
/**
 * What the panel says about a page of a known site it could not read, from
 * the page through the reader its content script runs, the background's
 * checks (applyReport) and the panel: words, never codes.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Panel } from '../../components/panel';
import { openDb, type PlaycardDb } from '../../lib/db';
import { createPanelState, type PanelState } from '../../lib/panel/state';
import { applyReport } from '../../lib/reports';
import { contentReader } from '../../lib/sites';

let db: PlaycardDb;
let state: PanelState;
let root: HTMLElement;
let n = 0;

beforeEach(() => {
  db = openDb(`sites-panel-${++n}`);
  state = createPanelState({ db });
  root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<Panel state={state} />, root);
});

afterEach(() => {
  render(null, root);
  state.dispose();
  db.close();
});

function fixture(name: string): { doc: Document; url: string } {
  const dir = join(__dirname, '../fixtures/pages');
  const html = readFileSync(join(dir, `${name}.html`), 'utf8');
  const { url } = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as { url: string };
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url };
}

/** The panel's notice after the site's content script reported `doc` at `url`. */
async function noticeFor(site: string, doc: Document, url: string): Promise<{ title: string; body: string }> {
  const applied = await applyReport(db, contentReader(site)!.inspectPage(doc, url));
  if (!applied.ok) throw new Error(applied.error);
  state.showTab({ kind: 'state', state: applied.state });
  await new Promise((resolve) => setTimeout(resolve, 0));
  // A normal page of the site (a contact, the inbox) gets a hint; a record not found, an error.
  const notice = root.querySelector('[data-testid="unreadable"], [data-testid="page-hint"]');
  return { title: notice?.querySelector('h2')?.textContent ?? '', body: notice?.querySelector('p')?.textContent ?? '' };
}

test('a record still loading names the missing facts in words, not field keys', async () => {
  const doc = new DOMParser().parseFromString('<html><body><div class="slds-spinner_container"></div></body></html>', 'text/html');
  const notice = await noticeFor('salesforce', doc, 'https://vantage-bio.lightning.force.com/lightning/r/Account/0015g00000XyZabAAF/view');
  expect(notice.title).toBe('Could not read this Salesforce page');
  expect(notice.body).toBe(
    'Playcard recognised Salesforce but could not find: Company name, Domain, Industry, Employees, Annual revenue, Country, City, Type, Owner. ' +
      'If the page is fully loaded, the site may have changed: please report it.',
  );
});

test('a contact record says what to open instead', async () => {
  const { doc, url } = fixture('hubspot/contact-dana');
  const notice = await noticeFor('hubspot', doc, url);
  // A contact is a normal page, not a broken one: the site's name and where to go, no "could not read".
  expect(notice).toEqual({ title: 'HubSpot', body: 'This is a contact. Open the company they work for to see its card.' });
});

test.each([
  ['gmail', 'gmail/inbox-list', 'Open an email thread to see the card of the company you are writing with.'],
  ['salesforce', 'salesforce/new-account-modal-ja', 'This is a form for a new record. Save it, then open the record.'],
  ['salesforce', 'salesforce/user-highlights-aura', 'Open a company record in Salesforce to see its card.'],
  ['zoho', 'zoho/lead-kasia', 'This is a lead. Open a company record to see its card.'],
  ['pipedrive', 'pipedrive/person-olivia', 'This is a contact. Open the company they work for to see its card.'],
])('%s: %s', async (site, name, body) => {
  const { doc, url } = fixture(name);
  expect((await noticeFor(site, doc, url)).body).toBe(body);
});

test('an Outlook message still rendering reads as being read, not as an error', async () => {
  const doc = new DOMParser().parseFromString('<html><body><div role="main"><div id="ReadingPaneContainerId"></div></div></body></html>', 'text/html');
  const notice = await noticeFor('outlook', doc, 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hZjU3');
  expect(notice).toEqual({ title: '', body: '' });
  expect(root.querySelector('[data-testid="status"]')?.textContent).toBe('Reading Outlook…');
});
