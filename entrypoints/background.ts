import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { liveQuery } from 'dexie';
import { ensurePersonaModel, ensurePlaybookHistory, installBuiltinPlaybook, openDb, refreshBook, rescore } from '../lib/db';
import { onMessage, sendMessage, type PlaybookFileMessage } from '../lib/messages';
import { DEFAULT_PLAYBOOK } from '../lib/playbook/default';
import type { CheckOutcome } from '../lib/playbook/runtime/outcome';
import { createPlaybookService, type ImportedPlaybook } from '../lib/playbook/runtime/service';
import { decodeBase64 } from '../lib/playbook/signature';
import { createTabReports } from '../lib/reports';
import { customHosts, tabState } from '../lib/storage-items';
import { CUSTOM_SCRIPT_PREFIX, matchPatterns, registrationsFor } from '../lib/custom-hosts';
import { ADAPTERS } from '../lib/sites';
import { addLearnMenu } from '../lib/learn/open-learn';

interface FirefoxSidebar {
  sidebarAction?: { toggle(): Promise<void> };
}

export default defineBackground(() => {
  const db = openDb();
  // Panels read the playbook from the database, so the shipped one (large) stays out of their bundle.
  // Then the team's source (policy, URL, file) takes over if there is one.
  const playbooks = createPlaybookService({ db, alarms: browser.alarms, fetch: (input, init) => fetch(input, init), builtin: DEFAULT_PLAYBOOK });
  // The worker sleeps between calls and wakes for a page's report: a wake does no playbook work,
  // so the report is answered at once. The shipped playbook is installed (and the team's source
  // checked) when the extension is installed or updated and when the browser starts, or when the
  // database has no playbook at all (it was cleared).
  playbooks.listen();
  let booting: Promise<unknown> | undefined;
  const boot = () =>
    (booting ??= installBuiltinPlaybook(db, DEFAULT_PLAYBOOK)
      .then(() => ensurePlaybookHistory(db))
      .then(() => ensurePersonaModel(db))
      .then(() => playbooks.checkNow())
      .catch((error: unknown) => console.warn('Playcard: playbook start-up', error)));
  browser.runtime.onInstalled.addListener(() => void boot());
  browser.runtime.onStartup.addListener(() => void boot());
  void db.playbooks.count().then((count) => (count === 0 ? boot() : undefined));

  // My accounts: whenever the active playbook changes (and once at start, for accounts read
  // before the book existed), re-score the book so moves a new playbook causes are recorded.
  let refreshing = Promise.resolve();
  liveQuery(() => db.playbooks.get('active').then((active) => active?.hash ?? active?.version)).subscribe({
    next: (identity) => {
      if (identity === undefined) return;
      refreshing = refreshing.then(() => refreshBook(db)).then(() => undefined, (error: unknown) => console.warn('Playcard: book', error));
    },
  });

  // Pages read and ask; only extension pages may ask for a playbook change, never a content script.
  const extensionOrigin = browser.runtime.getURL('/');
  const fromExtensionPage = (sender: Browser.runtime.MessageSender) => sender.id === browser.runtime.id && (sender.url ?? '').startsWith(extensionOrigin);
  const answer = async (sender: Browser.runtime.MessageSender, work: () => Promise<CheckOutcome>): Promise<CheckOutcome> => {
    if (!fromExtensionPage(sender)) return { status: 'rejected', reason: { code: 'failed', detail: 'not allowed from this page' } };
    return work().catch((error: unknown) => ({ status: 'rejected', reason: { code: 'failed', detail: String(error) } }));
  };
  onMessage('resolvePlaybookSource', () => playbooks.resolve());
  onMessage('checkPlaybook', ({ sender }) => answer(sender, () => playbooks.checkNow()));
  onMessage('rollBackPlaybook', ({ sender, data: seq }) => answer(sender, () => playbooks.rollBack(seq)));
  const receive = (file: PlaybookFileMessage, apply: (file: ImportedPlaybook) => Promise<CheckOutcome>) => async (): Promise<CheckOutcome> => {
    const bytes = file.base64 === '' ? new Uint8Array() : decodeBase64(file.base64);
    if (!bytes) return { status: 'rejected', reason: { code: 'failed', detail: 'the file did not arrive intact' } };
    return apply({ name: file.name, bytes, signature: file.signature });
  };
  onMessage('importPlaybook', ({ sender, data }) => answer(sender, receive(data, playbooks.importFile)));
  onMessage('publishPlaybook', ({ sender, data }) => answer(sender, receive(data, playbooks.publish)));

  const reports = createTabReports({
    db,
    save: (tabId, state) => tabState(tabId).setValue(state),
    // No panel open: nothing listens, and the message is refused; the saved state is what a panel opened later reads.
    announce: (tabId, state) => void sendMessage('tabStateChanged', { tabId, state }).catch(() => {}),
    forget: (tabId) => tabState(tabId).removeValue(),
    onRejected: (tabId, error) => console.warn(`Playcard: ignored a page report from tab ${tabId}: ${error}`),
    onStored: (accountKey) => rescore(db, [accountKey], { kind: 'page' }).then(() => undefined),
  });
  onMessage('pageReport', ({ sender, data }) => {
    const tabId = sender.tab?.id;
    // Only the tab's top frame speaks for the tab. The report itself is validated by zod in applyReport.
    if (tabId === undefined || (sender.frameId !== undefined && sender.frameId !== 0)) return;
    void reports.report(tabId, data);
  });
  browser.tabs.onRemoved.addListener((tabId) => void reports.closed(tabId));

  // Custom CRM hosts: the content script is registered for exactly the hosts
  // the user added and still grants; re-synced whenever either changes.
  let syncing = Promise.resolve();
  const syncCustomHosts = () => {
    syncing = syncing.then(registerCustomHostScript).catch((error: unknown) => console.warn('Playcard: custom hosts', error));
  };
  syncCustomHosts();
  customHosts.watch(syncCustomHosts);
  browser.permissions.onAdded.addListener(syncCustomHosts);
  browser.permissions.onRemoved.addListener(syncCustomHosts);

  addLearnMenu();

  // The toolbar button opens the panel: Chrome's side panel, Firefox's sidebar.
  const firefox = (browser as unknown as FirefoxSidebar).sidebarAction;
  if (firefox) {
    browser.action.onClicked.addListener(() => void firefox.toggle());
  } else {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  }
});

async function registerCustomHostScript(): Promise<void> {
  const hosts = await customHosts.get();
  const granted = new Set<string>();
  for (const pattern of matchPatterns(hosts)) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.add(pattern);
  }
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = registered.map((script) => script.id).filter((id) => id.startsWith(CUSTOM_SCRIPT_PREFIX));
  if (ours.length) await browser.scripting.unregisterContentScripts({ ids: ours });
  const registrations = registrationsFor(hosts, ADAPTERS.map((adapter) => adapter.id), granted);
  if (!registrations.length) return;
  await browser.scripting.registerContentScripts(
    registrations.map((registration) => ({ ...registration, runAt: 'document_idle' as const, persistAcrossSessions: true })),
  );
}
