// @vitest-environment happy-dom
/**
 * The panel's own messages (issue 9): a failed update as one human line, hints on normal pages
 * of a site, "Reading HubSpot…" while a page settles, "report this page", and headings in order.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { Panel } from '../../components/panel';
import { installBuiltinPlaybook, openDb, saveSnapshot, type PlaycardDb } from '../../lib/db';
import type { PageDiagnostics } from '../../lib/diagnostics/page';
import { evidenceLines, textSourceOf } from '../../lib/panel/evidence';
import { createReportPage, type ReportPage } from '../../lib/panel/report-page';
import { createPanelState, type PanelState } from '../../lib/panel/state';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { applyIncoming, recordSuccess, rollBack } from '../../lib/playbook/runtime/store';
import { PageSnapshot } from '../../lib/snapshot';
import type { TabState } from '../../lib/tab-state';
import { until } from './wait';

// The same playbook is installed in a fresh database for each case: its persona model is trained once per file (test/unit/train-once.ts).
vi.mock('../../lib/core/persona', async (original) => (await import('./train-once')).trainOncePerPlaybook(await original()));

let db: PlaycardDb;
let state: PanelState;
let root: HTMLElement;
let n = 0;

const tick = () => new Promise((r) => setTimeout(r, 20));

beforeEach(async () => {
  db = openDb(`panel-messages-${++n}`);
  await installBuiltinPlaybook(db, { ...DEFAULT_PLAYBOOK, version: '2026.11.1' }, 1_000);
  state = createPanelState({ db });
  root = document.createElement('div');
  document.body.replaceChildren(root);
});
afterEach(() => {
  render(null, root);
  state.dispose();
  db.close();
});

function mount(report?: ReportPage, onOpenSettings?: () => void): void {
  render(<Panel state={state} {...(report ? { report } : {})} {...(onOpenSettings ? { onOpenSettings } : {})} />, root);
}

const unreadable = (kind: string, facts: string[] = []): TabState =>
  ({ status: 'unreadable', site: 'hubspot', siteLabel: 'HubSpot', url: 'https://app.hubspot.com/contacts/1/record/0-1/2', missing: { kind, facts }, at: 1 }) as TabState;

/** A team playbook that fails validation: the rep must never see its zod paths. */
const BROKEN = new TextEncoder().encode(JSON.stringify({ ...DEFAULT_PLAYBOOK, version: '2026.12.9', personas: [{ ...DEFAULT_PLAYBOOK.personas[0], tactics: [{ id: 'x', when: 'someday', text: { en: 'x' } }] }] }));

test('a failed update shows reps exactly one human line with a way to the settings; a rollback clears it', async () => {
  let settingsOpened = 0;
  state.showTab({ kind: 'none' });
  mount(undefined, () => settingsOpened++);
  const outcome = await applyIncoming(db, { bytes: BROKEN, source: 'url', origin: 'https://playbooks.example.com/team.json' }, 2_000);
  expect(outcome.status).toBe('rejected');
  const line = await until(() => root.querySelector('[data-testid="update-error"]'), 'the update line');
  expect(root.querySelectorAll('[data-testid="update-error"]').length).toBe(1);
  expect(line.textContent).toBe("Your team's playbook update could not be applied; you are on 2026.11.1. Details in Settings");
  // The reason (a schema path) is for the options page, not for every rep.
  expect(root.textContent).not.toContain('personas[0]');
  expect(root.textContent).not.toContain('someday');
  (root.querySelector('[data-testid="update-error-settings"]') as HTMLButtonElement).click();
  expect(settingsOpened).toBe(1);

  // The rep's lead rolls back to the version before: the line goes, though lastError stays for the options page.
  const history = await db.playbookHistory.toArray();
  await rollBack(db, history[0]!.seq!, 3_000);
  await until(() => !root.querySelector('[data-testid="update-error"]'), 'the line to clear after the rollback');
  expect((await db.meta.get('update-status'))?.value).toHaveProperty('lastError');

  // A later failure shows it again; a later success clears it.
  await applyIncoming(db, { bytes: BROKEN, source: 'url', origin: 'https://playbooks.example.com/team.json' }, 4_000);
  await until(() => root.querySelector('[data-testid="update-error"]'), 'the line after a new failure');
  await recordSuccess(db, 5_000);
  await until(() => !root.querySelector('[data-testid="update-error"]'), 'the line to clear after a success');
});

test('normal pages of a site get a hint where to go, not "could not read"', async () => {
  mount();
  state.showTab({ kind: 'state', state: unreadable('contact') });
  await tick();
  expect(root.querySelector('[data-testid="unreadable"]')).toBeNull();
  expect(root.querySelector('[data-testid="page-hint"]')?.textContent).toBe('HubSpotThis is a contact. Open the company they work for to see its card.');
  state.showTab({ kind: 'state', state: { ...unreadable('inbox'), site: 'gmail', siteLabel: 'Gmail' } as TabState });
  await tick();
  expect(root.querySelector('[data-testid="page-hint"] p')?.textContent).toBe('Open an email thread to see the card of the company you are writing with.');
  // A company record whose company was not found may be a changed site: that one is an error.
  state.showTab({ kind: 'state', state: unreadable('record') });
  await tick();
  expect(root.querySelector('[data-testid="unreadable"] h2')?.textContent).toBe('Could not read this HubSpot page');
});

test('while the tab’s page settles the panel says "Reading HubSpot…", not "Not a company page", until the report comes', async () => {
  mount();
  state.showTab({ kind: 'none' });
  await tick();
  expect(root.querySelector('[data-testid="not-recognised"] h2')?.textContent).toBe('Not a company page');
  state.showReading('HubSpot');
  await tick();
  expect(root.querySelector('[data-testid="not-recognised"]')).toBeNull();
  expect(root.querySelector('[data-testid="status"]')?.textContent).toBe('Reading HubSpot…');
  state.showTab({ kind: 'state', state: unreadable('contact') });
  await tick();
  expect(root.querySelector('[data-testid="page-hint"] p')?.textContent).toBe('This is a contact. Open the company they work for to see its card.');
  // A reply that arrives after the report does not hide it.
  state.showReading('HubSpot');
  await tick();
  expect(root.querySelector('[data-testid="page-hint"]')).not.toBeNull();
});

const DIAGNOSTICS: PageDiagnostics = {
  site: 'hubspot',
  status: 'unreadable',
  pageKind: 'record',
  missingFacts: ['name', 'domain'],
  url: 'https://app.hubspot.com/contacts/:id/record/:id/:id',
  selectors: { title: [0, 0, 0] },
  around: 'body',
  structure: ['body', '  div.spinner'],
};

test('"report this page" on an unreadable page copies the version and the page’s diagnostics, and shows what it copied', async () => {
  const copied: string[] = [];
  const report = createReportPage({ version: '0.9.0', diagnose: async () => DIAGNOSTICS, copy: async (text) => void copied.push(text) });
  mount(report);
  state.showTab({ kind: 'state', state: unreadable('record', ['name', 'domain']) });
  await tick();
  (root.querySelector('[data-testid="unreadable"] [data-testid="report-page-button"]') as HTMLButtonElement).click();
  const result = await until(() => root.querySelector('[data-testid="report-page-result"]'), 'the report result');
  expect(result.querySelector('p')?.textContent).toBe(
    'Copied. Paste it into a message to whoever looks after Playcard for your team: it holds the page’s layout, not its text.',
  );
  expect(copied).toHaveLength(1);
  expect(JSON.parse(copied[0]!)).toEqual({ playcard: '0.9.0', reader: 'present', page: DIAGNOSTICS });
  expect(root.querySelector('[data-testid="report-page-text"]')?.textContent).toBe(copied[0]);
});

test('"report this page" where no Playcard reader runs, with the clipboard refused, still shows the text to copy by hand', async () => {
  const report = createReportPage({
    version: '0.9.0',
    diagnose: () => Promise.reject(new Error('the tab did not handle diagnose')),
    copy: () => Promise.reject(new Error('Document is not focused')),
  });
  mount(report);
  state.showTab({ kind: 'none' });
  await tick();
  (root.querySelector('[data-testid="not-recognised"] [data-testid="report-page-button"]') as HTMLButtonElement).click();
  const result = await until(() => root.querySelector('[data-testid="report-page-result"]'), 'the report result');
  expect(result.getAttribute('data-status')).toBe('not-copied');
  expect(result.querySelector('p')?.textContent).toBe('Could not copy it: select the text below and copy it yourself.');
  expect(JSON.parse(root.querySelector('[data-testid="report-page-text"]')!.textContent!)).toEqual({ playcard: '0.9.0', reader: 'none' });
});

test('on a card the h1 is the first heading, no heading skips a level, and the first stop of the keyboard leads to "For this call"', async () => {
  const snapshot = PageSnapshot.parse({
    site: 'hubspot',
    kind: 'company',
    url: 'https://app.hubspot.com/contacts/1/record/0-2/3',
    recordId: '3',
    company: { name: 'Kowalski Meble', domain: 'kowalski-meble.pl', employees: 12 },
  });
  const key = (await saveSnapshot(db, snapshot, Date.now()))!;
  state.showTab({ kind: 'state', state: { status: 'ok', accountKey: key, site: 'hubspot', url: snapshot.url, at: Date.now() } });
  mount(createReportPage({ version: '0.9.0', diagnose: async () => DIAGNOSTICS, copy: async () => {} }), () => {});
  await until(() => root.querySelector('[data-testid="account-name"]'), 'the card');
  const levels = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
  expect(levels[0]).toBe(1);
  const jumps = levels.slice(1).filter((level, i) => level > levels[i]! + 1);
  expect(jumps).toEqual([]);
  const firstFocusable = root.querySelector('a[href], button, input, select, textarea, summary');
  expect(firstFocusable?.getAttribute('href')).toBe('#for-this-call');
  expect(firstFocusable?.textContent).toBe('Skip to For this call');
  expect(root.querySelector('#for-this-call')?.getAttribute('tabindex')).toBe('-1');
  // The header menu has "report this page" too.
  expect(root.querySelector('[data-testid="account"] [data-testid="report-page-button"]')?.textContent).toBe('⚑Report this page');
});

test('on an unscored account the full checklist has no segment tactics, and says they come once it is scored', async () => {
  const snapshot = PageSnapshot.parse({
    site: 'gmail',
    kind: 'email',
    url: 'https://mail.google.com/mail/u/0/#inbox/t9',
    recordId: 't9',
    company: { name: 'Kowalski Meble' },
    text: 'Our previous agency disappeared after taking the deposit. Before we sign anything we need a written guarantee.',
  });
  const key = (await saveSnapshot(db, snapshot, Date.now()))!;
  state.showTab({ kind: 'state', state: { status: 'ok', accountKey: key, site: 'gmail', url: snapshot.url, at: Date.now() } });
  mount();
  await until(() => root.querySelector('[data-testid="account-name"]'), 'the card');
  expect(root.querySelector('[data-testid="segment-label"]')?.textContent).toBe('Not scored yet');
  expect(root.querySelector('[data-testid="checklist-segment-pending"]')?.textContent).toBe('The segment’s tactics appear here once the account is scored.');
  const segmentIds = new Set(DEFAULT_PLAYBOOK.segmentation.segments.flatMap((s) => s.tactics.map((t) => t.id)));
  const listed = [...root.querySelectorAll('[data-testid="checklist"] [data-tactic]')].map((box) => box.getAttribute('data-tactic')!);
  expect(listed.length).toBeGreaterThan(0);
  expect(listed.filter((id) => segmentIds.has(id))).toEqual([]);
});

test('evidence says whose words it is: the thread’s senders by name, the page for facts; a sentence is listed once', async () => {
  const snapshot = PageSnapshot.parse({
    site: 'gmail',
    kind: 'email',
    url: 'https://mail.google.com/mail/u/0/#inbox/t7',
    recordId: 't7',
    company: { name: 'Northwind Logistics', domain: 'northwind-logistics.com' },
    people: [
      { name: 'Dana Whitfield', email: 'dana.whitfield@northwind-logistics.com' },
      { name: 'Marcus Lee', email: 'marcus.lee@northwind-logistics.com' },
    ],
    text:
      'Six weeks is exactly what RouteMax told us two years ago. ' +
      'So before Thursday I need three things in writing: a go-live date in the contract with a penalty if you miss it, and a rollback plan. ' +
      "If you can't guarantee that, tell me now.",
  });
  const key = (await saveSnapshot(db, snapshot, Date.now()))!;
  state.showTab({ kind: 'state', state: { status: 'ok', accountKey: key, site: 'gmail', url: snapshot.url, at: Date.now() } });
  mount();
  await until(() => root.querySelector('[data-testid="persona-evidence"]'), 'the evidence');
  const lines = [...root.querySelectorAll('[data-testid="persona-evidence"] li')].map((li) => li.textContent);
  expect(lines).toEqual([
    'Burned Asks for guarantees, penalties and written commitments' +
      'So before Thursday I need three things in writing: a go-live date in the contract with a penalty if you miss it, and a rollback plan.' +
      ' — from emails by Dana Whitfield and Marcus Lee',
    'Burned writes like: "What guarantees do you give if the deadline slips?"' +
      "If you can't guarantee that, tell me now. — from emails by Dana Whitfield and Marcus Lee",
  ]);
});

test('a sentence quoted by a signal and by the classifier is listed once, under the signal that fired', () => {
  const sentence = 'I need it in writing.';
  const lines = evidenceLines(
    [
      { personaId: 'burned', kind: 'signal', signalId: 'burned-guarantees', signalLabel: { en: 'Asks for guarantees' }, excerpt: sentence, weight: 2.5 },
      { personaId: 'burned', kind: 'classifier', excerpt: sentence, weight: 1.6 },
      { personaId: 'burned', kind: 'classifier', excerpt: 'Never again.', weight: 1 },
      { personaId: 'burned', kind: 'fact', signalId: 'burned-small', signalLabel: { en: 'Small company' }, excerpt: '12', weight: 0.5 },
    ],
    textSourceOf({ kind: 'email', people: [{ name: 'Dana Whitfield', email: 'dana@northwind.example' }] }),
  );
  expect(lines.map(({ item, source }) => [item.kind, item.excerpt, source])).toEqual([
    ['signal', sentence, { kind: 'person', name: 'Dana Whitfield' }],
    ['classifier', 'Never again.', { kind: 'person', name: 'Dana Whitfield' }],
    ['fact', '12', { kind: 'page' }],
  ]);
  // CRM notes are written about the buyer, not by them.
  expect(textSourceOf({ kind: 'company', people: [{ name: 'Dana Whitfield' }] })).toEqual({ kind: 'notes' });
});
