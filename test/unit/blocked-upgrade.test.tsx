// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
/**
 * Issue 14, defect 8: an old tab holding the database open blocks the upgrade. The panel, wired
 * as entrypoints/sidepanel/main.tsx wires it (openDb's hooks → the storage problem notice), must
 * say so instead of waiting in silence, and show the account once the old tab lets go.
 */
import Dexie from 'dexie';
import { render } from 'preact';
import { afterEach, expect, test } from 'vitest';
import { Panel } from '../../components/panel';
import { StorageProblemNotice } from '../../components/storage-problem';
import { installBuiltinPlaybook, openDb, saveSnapshot } from '../../lib/db';
import { applyLanguages } from '../../lib/i18n';
import { createPanelState, type PanelState } from '../../lib/panel/state';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import type { PageSnapshot } from '../../lib/snapshot';
import { storageProblem, storageProblemHooks } from '../../lib/storage-problem';
import { until } from './wait';

const NAME = 'blocked-panel';
const page: PageSnapshot = {
  site: 'hubspot',
  kind: 'company',
  url: 'https://app.hubspot.com/contacts/4410123/record/0-2/18234567012',
  recordId: '18234567012',
  company: { name: 'Northwind Logistics', domain: 'northwind-logistics.com', employees: 420 },
  people: [],
};

let state: PanelState | undefined;
let holder: IDBDatabase | undefined;
afterEach(async () => {
  render(null, document.body);
  state?.dispose();
  holder?.close();
  storageProblem.value = null;
  await Dexie.delete(NAME);
});

/** An old tab: the database at an older IndexedDB version, open, ignoring every request to let go. */
function oldTab(version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

test('the panel says to close the old tab while the upgrade waits, then shows the account', async () => {
  applyLanguages(['en']);
  // A database at Dexie's version 4 (IndexedDB 40) with an account, held open by an old tab.
  const old = new Dexie(NAME);
  old.version(4).stores({ accounts: 'key, seenAt, domain', inputs: 'key', playbooks: 'key', playbookHistory: '++seq, hash, appliedAt', meta: 'key', learnProgress: 'id, due', learnReviews: '++seq, at, cardId', studioDrafts: 'id', signingKeys: 'publicKey, createdAt' });
  await old.open();
  old.close();
  holder = await oldTab(40);

  state = createPanelState({ db: openDb(NAME, storageProblemHooks), onError: () => undefined });
  state.showTab({ kind: 'state', state: { status: 'ok', accountKey: 'domain:northwind-logistics.com', site: 'hubspot', url: page.url, at: 1 } });
  render(
    <>
      <StorageProblemNotice />
      <Panel state={state} />
    </>,
    document.body,
  );
  await until(() => document.querySelector('.storage-problem'), 'the storage notice');
  expect(document.querySelector('[role="alert"].storage-problem')?.textContent).toBe(
    'Playcard was updated: close other Playcard tabs and windows so it can finish, then reopen this panel.',
  );

  // The old tab closes: the upgrade runs and the panel shows what is stored.
  holder.close();
  holder = undefined;
  const db = openDb(NAME);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK);
  await saveSnapshot(db, page);
  db.close();
  await until(() => document.querySelector('[data-testid="account-name"]')?.textContent === 'Northwind Logistics', 'the card');
  // The upgrade ran: the notice asking to close the old tab is gone.
  await until(() => !document.querySelector('.storage-problem'), 'the notice to go');
  expect(storageProblem.value).toBe(null);
});
