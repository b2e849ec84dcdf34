import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ensurePlaybookHistory, installBuiltinPlaybook, openDb } from '../lib/db';
import { CHECK_PLAYBOOK, createPlaybookService, RESOLVE_PLAYBOOK_SOURCE } from '../lib/playbook-service';
import { DEFAULT_PLAYBOOK } from '../lib/playbook/default';
import { applyReport } from '../lib/reports';
import { isPageReportMessage, tabStateKey } from '../lib/tab-state';
import { CUSTOM_HOSTS_KEY, CUSTOM_SCRIPT_PREFIX, matchPatterns, readHosts, registrationsFor } from '../lib/custom-hosts';
import { ADAPTERS } from '../lib/sites';

interface FirefoxSidebar {
  sidebarAction?: { toggle(): Promise<void> };
}

export default defineBackground(() => {
  const db = openDb();
  // Panels read the playbook from the database, so the shipped one (large) stays out of their bundle.
  // Then the team's source (policy, URL, file) takes over if there is one.
  const playbooks = createPlaybookService({ db, browser, fetch: (input, init) => fetch(input, init), builtin: DEFAULT_PLAYBOOK });
  void installBuiltinPlaybook(db, DEFAULT_PLAYBOOK)
    .then(() => ensurePlaybookHistory(db))
    .then(() => playbooks.start())
    .catch((error: unknown) => console.warn('Playcard: playbook start-up', error));

  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (response: unknown) => void) => {
    if (message === CHECK_PLAYBOOK) {
      playbooks.checkNow().then(sendResponse, (error: unknown) => sendResponse({ status: 'rejected', message: String(error) }));
      return true;
    }
    if (message === RESOLVE_PLAYBOOK_SOURCE) {
      playbooks.resolve().then(sendResponse, () => sendResponse(undefined));
      return true;
    }
    return undefined;
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const tabId = sender.tab?.id;
    if (!isPageReportMessage(message) || tabId === undefined) return;
    // Only the tab's top frame speaks for the tab.
    if (sender.frameId !== undefined && sender.frameId !== 0) return;
    void applyReport(db, message.report).then(async (result) => {
      if (result.ok) await browser.storage.session.set({ [tabStateKey(tabId)]: result.state });
      else console.warn(`Playcard: ignored a page report from tab ${tabId}: ${result.error}`);
    });
  });

  // Custom CRM hosts: the content script is registered for exactly the hosts
  // the user added and still grants; re-synced whenever either changes.
  let syncing = Promise.resolve();
  const syncCustomHosts = () => {
    syncing = syncing.then(registerCustomHostScript).catch((error: unknown) => console.warn('Playcard: custom hosts', error));
  };
  syncCustomHosts();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && CUSTOM_HOSTS_KEY in changes) syncCustomHosts();
  });
  browser.permissions.onAdded.addListener(syncCustomHosts);
  browser.permissions.onRemoved.addListener(syncCustomHosts);

  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(tabStateKey(tabId));
  });

  // The toolbar button opens the panel: Chrome's side panel, Firefox's sidebar.
  const firefox = (browser as unknown as FirefoxSidebar).sidebarAction;
  if (firefox) {
    browser.action.onClicked.addListener(() => void firefox.toggle());
  } else {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  }
});

async function registerCustomHostScript(): Promise<void> {
  const hosts = readHosts((await browser.storage.local.get(CUSTOM_HOSTS_KEY))[CUSTOM_HOSTS_KEY]);
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
