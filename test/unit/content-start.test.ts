// @vitest-environment happy-dom
/**
 * The content script as it ships (lib/content/start.ts with the site's own reader): when it
 * reports, what it answers the panel's "read again", and what "report this page" carries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { startPageReader, type ContentContext, type ContentMessaging } from '../../lib/content/start';
import type { PageDiagnostics } from '../../lib/diagnostics/page';
import type { PageReading } from '../../lib/messages';
import { hubspot, SELECTORS } from '../../lib/sites/hubspot';
import { siteReader, type PageReportInput } from '../../lib/sites/reader';

const FIXTURES = join(__dirname, '../fixtures/pages');

function loadPage(name: string): string {
  const html = readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
  const { url } = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as { url: string };
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceWith(document.adoptNode(parsed.body));
  return url;
}

let controller: AbortController;
let reports: PageReportInput[];
let readAgain: (() => PageReading) | undefined;
let diagnose: (() => PageDiagnostics) | undefined;

function start(): void {
  const ctx: ContentContext = {
    signal: controller.signal,
    isInvalid: false,
    addEventListener: () => {},
    onInvalidated: () => {},
  };
  const messaging: ContentMessaging = {
    sendReport: async (report) => void reports.push(report),
    onReadAgain: (listener) => ((readAgain = listener), () => {}),
    onDiagnose: (listener) => ((diagnose = listener), () => {}),
  };
  startPageReader(ctx, siteReader(hubspot), { site: { id: hubspot.id, examples: hubspot.examples, selectors: SELECTORS }, messaging });
}

beforeEach(() => {
  vi.useFakeTimers();
  controller = new AbortController();
  reports = [];
  readAgain = undefined;
  diagnose = undefined;
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

test('a HubSpot contact page is reported as a contact at once, not after the page has settled', () => {
  loadPage('hubspot/contact-dana');
  start();
  // No timer has run: before, a contact page waited the whole settling window (4 s) like an unread record.
  expect(reports).toEqual([
    { status: 'unreadable', site: 'hubspot', siteLabel: 'HubSpot', url: 'https://app.hubspot.com/contacts/4410123/record/0-1/51234', missing: { kind: 'contact', facts: [] } },
  ]);
});

test('a company record still rendering waits, and "read again" says HubSpot is being read', () => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://app.hubspot.com/contacts/4410123/record/0-2/18234567012');
  document.body.innerHTML = '<div class="spinner"></div>';
  start();
  expect(reports).toEqual([]);
  expect(readAgain?.()).toEqual({ reading: true, siteLabel: 'HubSpot' });
  vi.advanceTimersByTime(4000);
  expect(reports.map((r) => (r.status === 'unreadable' ? r.missing.kind : r.status))).toEqual(['record']);
  // Settled: "read again" reports, so there is nothing more to wait for.
  expect(readAgain?.()).toEqual({ reading: false });
});

const PERSONAL = [
  'Dana',
  'Whitfield',
  'dana.whitfield@northwind-logistics.com',
  'Anna Schmidt',
  'Anna',
  'Schmidt',
  '+1 312 555 0143',
  '555',
  'Northwind',
  'Head of Operations',
  'Chicago',
  'secret-token',
  '4410123',
  '51234',
];

test('"report this page" carries the page’s shape and selector counts, and none of its text or personal data', () => {
  const url = loadPage('hubspot/contact-dana');
  // Personal data where a careless diagnostic would pick it up: attributes, ids, links, inputs.
  document.body.insertAdjacentHTML(
    'beforeend',
    `<section id="dana-whitfield" class="person-card" title="Dana Whitfield" aria-label="Anna Schmidt" data-email="dana.whitfield@northwind-logistics.com">
       <a href="mailto:dana.whitfield@northwind-logistics.com?subject=secret-token">Dana Whitfield</a>
       <input name="phone" value="+1 312 555 0143">
       <img alt="Northwind, Chicago" src="https://cdn.example.com/Dana-Whitfield.png">
       <span class="x-4410123 ok-class">Head of Operations</span>
     </section>`,
  );
  start();
  const diagnostics = diagnose!();
  const text = JSON.stringify(diagnostics);
  for (const secret of PERSONAL) expect(text, secret).not.toContain(secret);

  expect(url).toBe('https://app.hubspot.com/contacts/4410123/record/0-1/51234');
  expect(diagnostics.url).toBe('https://app.hubspot.com/contacts/:id/record/:id/:id');
  expect(diagnostics.site).toBe('hubspot');
  expect(diagnostics.status).toBe('unreadable');
  expect(diagnostics.pageKind).toBe('contact');
  // The contact's name sits in HubSpot's record title, under its first selector.
  expect(diagnostics.selectors.title).toEqual([1, 0, 0]);
  expect(diagnostics.selectors.property).toBe('parameterised');
  // The injected card: tag, selector-like classes and attribute names; no id made of the page's words, no values.
  expect(diagnostics.structure).toContain('  section.person-card[aria-label][data-email][title]');
  expect(diagnostics.structure).toContain('    a[href]');
  expect(diagnostics.structure).toContain('    input[name][value]');
  expect(diagnostics.structure).toContain('    span.ok-class');
});
