// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
/**
 * Issue 14, defect 8: on a full disk the pages refuse a write and lose nothing (db-full-disk.test.ts);
 * here each page's write path tells the rep why, in their language, through the storage notice:
 * a Learn grade, a pin (My accounts and the panel share the form), a CSV import, a studio draft and
 * a lead's signing key. The panel says so too when the background could not store a page read.
 */
import Dexie from 'dexie';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ImportSection } from '../../components/accounts/import-section';
import { PinControl } from '../../components/accounts/pin-control';
import { createLearnState } from '../../components/learn/learn-state';
import { Panel } from '../../components/panel';
import { StorageProblemNotice } from '../../components/storage-problem';
import { installBuiltinPlaybook, openDb, pinAccount, saveSnapshot, type PlaycardDb } from '../../lib/db';
import { applyLanguages, loadCatalogue, pageAreas } from '../../lib/i18n';
import { createPanelState } from '../../lib/panel/state';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { createTabReports } from '../../lib/reports';
import { clearStorageProblem, storageProblem } from '../../lib/storage-problem';
import { createStudioState } from '../../lib/studio/state';
import type { TabState } from '../../lib/tab-state';
import { fillableDisk } from './fillable-disk';
import { until } from './wait';

// The same playbook is installed in a fresh database for each case: its persona model is trained once per file.
vi.mock('../../lib/core/persona', async (original) => (await import('./train-once')).trainOncePerPlaybook(await original()));

const FULL_EN = 'Your browser has no space left for Playcard: the last change was not saved. Free some disk space, then try again.';
const FULL_PL = 'W przeglądarce brakuje miejsca dla Playcard: ostatniej zmiany nie zapisano. Zwolnij trochę miejsca na dysku i spróbuj ponownie.';
const LANGUAGES = [
  ['en', FULL_EN],
  ['pl', FULL_PL],
] as const;
const NORTHWIND = 'domain:northwind-logistics.com';

let db: PlaycardDb;
let disk: ReturnType<typeof fillableDisk>;
let root: HTMLElement;
let n = 0;

const notice = () => root.querySelector('[role="alert"].storage-problem')?.textContent;

async function inLanguage(language: string): Promise<void> {
  pageAreas('accounts', 'learn', 'studio');
  await loadCatalogue(language);
  applyLanguages([language]);
}

beforeEach(async () => {
  db = openDb(`storage-notice-${++n}`);
  disk = fillableDisk(db);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK, 1);
  await saveSnapshot(db, {
    site: 'hubspot',
    kind: 'company',
    url: 'https://app.hubspot.com/contacts/1/record/0-2/42',
    recordId: '42',
    company: { name: 'Northwind Logistics', domain: 'northwind-logistics.com', employees: 420 },
    people: [],
  });
  root = document.createElement('div');
  document.body.replaceChildren(root);
});

afterEach(async () => {
  render(null, root);
  clearStorageProblem();
  storageProblem.value = null;
  db.close();
  await Dexie.delete(db.name);
  applyLanguages(['en']);
});

describe.each(LANGUAGES)('in %s', (language, full) => {
  test('Learn: a grade on a full disk shows the notice, keeps the card on screen, and a later grade clears it', async () => {
    await inLanguage(language);
    const state = createLearnState(db);
    render(<StorageProblemNotice />, root);
    const card = await until(() => state.current.value, 'the first card');
    state.flip();
    disk.fill();
    await state.gradeCard('good');
    await until(() => notice(), 'the notice');
    expect(notice()).toBe(full);
    expect(await db.learnReviews.count()).toBe(0);
    // Not stored, so not moved on: the rep can grade the same card again.
    expect(state.current.value?.id).toBe(card.id);
    disk.free();
    await state.gradeCard('good');
    expect(await db.learnReviews.count()).toBe(1);
    await until(() => !notice(), 'the notice to go');
    state.dispose();
  });

  test('a pin on a full disk (My accounts and the panel share the form) shows the notice and keeps the typed reason', async () => {
    await inLanguage(language);
    render(
      <>
        <StorageProblemNotice />
        <PinControl playbook={DEFAULT_PLAYBOOK} scored="standard" onPin={(segment, reason) => pinAccount(db, NORTHWIND, segment, reason)} onUnpin={() => undefined} />
      </>,
      root,
    );
    const reason = root.querySelector('[data-testid="pin-reason"]') as HTMLInputElement;
    reason.value = 'The board named them a key account';
    reason.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    disk.fill();
    (root.querySelector('[data-testid="pin-save"]') as HTMLButtonElement).click();
    await until(() => notice(), 'the notice');
    expect(notice()).toBe(full);
    expect(await db.pins.count()).toBe(0);
    expect((root.querySelector('[data-testid="pin-reason"]') as HTMLInputElement).value).toBe('The board named them a key account');
  });

  test('a CSV import on a full disk shows the notice, not the raw error, and keeps the mapping for another try', async () => {
    await inLanguage(language);
    render(
      <>
        <StorageProblemNotice />
        <ImportSection db={db} playbook={DEFAULT_PLAYBOOK} onStart={() => undefined} onEnd={() => undefined} />
      </>,
      root,
    );
    const input = root.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(['Company,Website\nFleetwise,fleetwise.io\n'], 'book.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const start = await until(() => root.querySelector<HTMLButtonElement>('[data-testid="import-start"]'), 'the mapping step');
    disk.fill();
    start.click();
    await until(() => notice(), 'the notice');
    expect(notice()).toBe(full);
    expect(root.textContent).not.toContain('QuotaExceededError');
    expect(await db.accounts.get('domain:fleetwise.io')).toBeUndefined();
    disk.free();
    (await until(() => root.querySelector<HTMLButtonElement>('[data-testid="import-start"]'), 'the mapping step again')).click();
    await until(() => !notice(), 'the notice to go');
  });

  test('a studio draft that cannot be saved shows the notice; the next save clears it', async () => {
    await inLanguage(language);
    const state = createStudioState({ db, builtin: async () => DEFAULT_PLAYBOOK, onError: () => undefined, saveDelay: 0 });
    await state.load();
    render(<StorageProblemNotice />, root);
    disk.fill();
    state.edit((doc) => ({ ...(doc as object), version: '2026.05-1' }));
    await state.saveNow();
    await until(() => notice(), 'the notice');
    expect(notice()).toBe(full);
    expect(state.saveState.value).toBe('failed');
    expect(await db.studioDrafts.count()).toBe(0);
    disk.free();
    await state.saveNow();
    expect(await db.studioDrafts.count()).toBe(1);
    await until(() => !notice(), 'the notice to go');
  });

  test('the panel says a page read could not be stored instead of staying on its previous state', async () => {
    await inLanguage(language);
    const saved: TabState[] = [];
    const reports = createTabReports({ db, save: async (_, s) => void saved.push(s), forget: async () => undefined, onError: () => undefined, now: () => 200 });
    disk.fill();
    await reports.report(7, {
      status: 'ok',
      snapshot: { site: 'hubspot', kind: 'company', url: 'https://app.hubspot.com/contacts/1/record/0-2/77', recordId: '77', company: { name: 'Fleetwise', domain: 'fleetwise.io' }, people: [] },
    });
    disk.free();
    expect(saved).toEqual([{ status: 'storage', problem: 'full', at: 200 }]);
    const state = createPanelState({ db, onError: () => undefined });
    state.showTab({ kind: 'state', state: saved[0]! });
    render(<Panel state={state} />, root);
    await until(() => root.querySelector('[data-testid="tab-storage-problem"]'), 'the storage line');
    expect(root.querySelector('[data-testid="tab-storage-problem"]')?.textContent).toBe(full);
    state.dispose();
  });
});
