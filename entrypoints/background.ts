import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { installBuiltinPlaybook, openDb } from '../lib/db';
import { DEFAULT_PLAYBOOK } from '../lib/playbook/default';
import { applyReport } from '../lib/reports';
import { isPageReportMessage, tabStateKey } from '../lib/tab-state';

interface FirefoxSidebar {
  sidebarAction?: { toggle(): Promise<void> };
}

export default defineBackground(() => {
  const db = openDb();
  // Panels read the playbook from the database, so the shipped one (large) stays out of their bundle.
  void installBuiltinPlaybook(db, DEFAULT_PLAYBOOK);

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
