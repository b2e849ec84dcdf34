// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, expect, test, vi } from 'vitest';
import { Panel } from '../../components/panel';
import { importAccounts, installBuiltinPlaybook, openDb, pinAccount, rescore, saveSnapshot, type PlaycardDb } from '../../lib/db';
import { applyLanguages, loadCatalogue } from '../../lib/i18n';
import { createPanelState, type PanelState } from '../../lib/panel/state';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import type { Playbook } from '../../lib/playbook/schema';
import { PageSnapshot } from '../../lib/snapshot';
import { until } from './wait';

// The same playbook is installed in a fresh database for each case: its persona model is trained once per file.
vi.mock('../../lib/core/persona', async (original) => (await import('./train-once')).trainOncePerPlaybook(await original()));

// My accounts in the side panel (issue 15). The default playbook scores employees 50-249 → 2
// points, 250-999 → 3; revenue 10-50 M → 2; 1-2 won deals → 1; one open deal → 1. Standard
// starts at 7 points, Low-touch below: 200 employees make 6 points (Low-touch), 300 make 7.
const read = (employees: number) =>
  PageSnapshot.parse({
    site: 'hubspot',
    kind: 'company',
    url: 'https://app.hubspot.com/contacts/1/record/0-2/42',
    recordId: '42',
    company: { name: 'Northwind Logistics', domain: 'northwind-logistics.com', employees, annualRevenue: { amount: 12_000_000, currency: 'EUR' } },
    deals: { wonCount: 2, openCount: 1 },
  });
const KEY = 'domain:northwind-logistics.com';
/** 12 November this year: shown "Nov 12" in English. */
const NOV_12 = new Date(new Date().getFullYear(), 10, 12, 10).getTime();

let db: PlaycardDb;
let state: PanelState;
let root: HTMLElement;
let n = 0;

async function freshDb(playbook: Playbook = DEFAULT_PLAYBOOK): Promise<void> {
  db = openDb(`panel-book-${++n}`);
  await installBuiltinPlaybook(db, playbook);
}

/** Renders the panel on the account, as the panel does for a tab showing it. */
async function show(key: string): Promise<void> {
  state = createPanelState({ db });
  state.showTab({ kind: 'state', state: { status: 'ok', accountKey: key, site: 'hubspot', url: 'https://app.hubspot.com/', at: Date.now() } });
  root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<Panel state={state} />, root);
  await until(() => root.querySelector('[data-testid="account-name"]'), 'the card');
}

/** An account read at 200 employees, then at `employees`, each read scored as the background scores it. */
async function readTwice(employees: number): Promise<void> {
  await saveSnapshot(db, read(200), NOV_12 - 86_400_000);
  await rescore(db, [KEY], { kind: 'page' }, NOV_12 - 86_400_000);
  await saveSnapshot(db, read(employees), NOV_12);
  await rescore(db, [KEY], { kind: 'page' }, NOV_12);
}

const segmentShown = () => root.querySelector('[data-testid="segment-label"]')?.getAttribute('data-segment');
const textOf = (testId: string) => root.querySelector(`[data-testid="${testId}"]`)?.textContent;

async function openDetails(): Promise<void> {
  (root.querySelector('[data-testid="book-open"]') as HTMLButtonElement).click();
  await until(() => root.querySelector('[data-testid="pin-reason"]'), 'the pin form (loaded on first open)');
}

/** Types into a field, then lets Preact re-render, as it does before a person's next click. */
async function type(testId: string, value: string) {
  const field = root.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement | HTMLSelectElement;
  field.value = value;
  field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 20));
}

afterEach(() => {
  render(null, root);
  state.dispose();
  db.close();
  applyLanguages(['en']);
});

test('a page read that moved the segment shows "Moved from … to … on Nov 12" with the fact that changed, under the card header', async () => {
  await freshDb();
  await readTwice(300);
  await show(KEY);
  expect(await until(() => textOf('last-move'), 'the last move')).toBe('Moved from Low-touch to Standard account on Nov 12 · employees 200 → 300');
  expect(segmentShown()).toBe('standard');
  expect(root.querySelector('[data-testid="pin-note"]')).toBeNull();
});

test('in Polish the move is told in Polish, from the panel catalogue', async () => {
  await freshDb();
  await readTwice(300);
  await loadCatalogue('pl');
  applyLanguages(['pl']);
  await show(KEY);
  expect(await until(() => textOf('last-move'), 'the last move')).toBe('Przeniesiony z Klient masowy do Klient standardowy dnia 12 lis · pracownicy 200 → 300');
});

test('an account the rep pinned is shown as the pinned segment, with its tactics and "Pinned by you: <reason> · Scored: <segment>"', async () => {
  await freshDb();
  await readTwice(200);
  await pinAccount(db, KEY, 'key', 'CEO asked for a group-wide rollout', NOV_12);
  await show(KEY);
  await until(() => segmentShown() === 'key', 'the pinned segment');
  expect(textOf('pin-note')).toBe('Pinned by you: CEO asked for a group-wide rollout · Scored: Low-touch');
  // The Key account's tactics are in the checklist, the Low-touch ones are not.
  expect(root.querySelector('[data-tactic="key-direct-access"]')).not.toBeNull();
  expect(root.querySelector('[data-tactic="low-standard-offer"]')).toBeNull();
  expect(textOf('last-move')).toBe('Pinned to Key account on Nov 12 · reason: CEO asked for a group-wide rollout');
});

test('a pin the playbook forbids is kept but not applied: the card follows the score and the form says pins are not allowed', async () => {
  await freshDb();
  await readTwice(200);
  await pinAccount(db, KEY, 'key', 'CEO asked for a group-wide rollout', NOV_12);
  const forbidding: Playbook = { ...DEFAULT_PLAYBOOK, version: '2099.1', segmentation: { ...DEFAULT_PLAYBOOK.segmentation, pinning: 'forbidden' } };
  await db.playbooks.update('active', { playbook: forbidding, version: forbidding.version, hash: 'forbidding' });
  await show(KEY);
  await until(() => segmentShown() === 'low-touch', 'the scored segment');
  expect(root.querySelector('[data-testid="pin-note"]')).toBeNull();
  (root.querySelector('[data-testid="book-open"]') as HTMLButtonElement).click();
  await until(() => root.textContent?.includes("Your team's playbook does not allow pins."), 'the forbidden line');
  expect(await db.pins.get(KEY)).toMatchObject({ segment: 'key' });
});

test('the rep pins from the panel: a reason is required, then the card moves to the pinned segment and the history says so; unpin goes back', async () => {
  await freshDb();
  await readTwice(200);
  await show(KEY);
  await until(() => segmentShown() === 'low-touch', 'the scored segment');
  expect(root.querySelector('[data-testid="pin-reason"]')).toBeNull();
  await openDetails();
  await type('pin-segment', 'growth');
  await type('pin-reason', 'ok');
  (root.querySelector('[data-testid="pin-save"]') as HTMLButtonElement).click();
  expect((await until(() => root.querySelector('[role="alert"]'), 'the error')).textContent).toBe('Write why you pin this account (at least 5 characters).');
  expect(await db.pins.get(KEY)).toBeUndefined();

  await type('pin-reason', 'New plant opening in Gdańsk');
  (root.querySelector('[data-testid="pin-save"]') as HTMLButtonElement).click();
  await until(() => segmentShown() === 'growth', 'the pinned segment');
  expect(textOf('pin-note')).toBe('Pinned by you: New plant opening in Gdańsk · Scored: Low-touch');
  await until(() => root.querySelector('[data-testid="account-history"] li strong')?.textContent?.startsWith('Pinned to Growth account on'), 'the pin in the history');
  expect(root.querySelector('[data-testid="account-history"]')!.textContent).toContain('reason: New plant opening in Gdańsk');

  (root.querySelector('[data-testid="pin-remove"]') as HTMLButtonElement).click();
  await until(() => segmentShown() === 'low-touch', 'the scored segment again');
  expect(root.querySelector('[data-testid="pin-note"]')).toBeNull();
  await until(() => root.querySelector('[data-testid="account-history"] li strong')?.textContent?.startsWith('Pin to Growth account taken back on'), 'the unpin in the history');
});

test('an account only a CSV import named says "From a CSV import", not "read from" a page nor "seen 56 years ago"', async () => {
  await freshDb();
  await importAccounts(db, [{ key: 'domain:kowalski-meble.pl', row: 2, company: { name: 'Kowalski Meble', domain: 'kowalski-meble.pl', employees: 12 }, deals: {}, answers: {} }], () => {}, NOV_12);
  await show('domain:kowalski-meble.pl');
  expect(textOf('account-source')).toBe('kowalski-meble.pl · From a CSV import');
});
