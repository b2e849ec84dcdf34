import { browser, type Browser } from 'wxt/browser';
import { tabState } from '../../lib/storage-items';
import type { TabState } from '../../lib/tab-state';

/**
 * Tells the panel which tab it describes, and when that tab's state changes.
 * In the side panel that is the active tab of the panel's window. When the
 * panel page is open in a tab of its own (tests, or a rep who pinned it), it is
 * the most recently used other tab of its window.
 */
export async function followTab(handlers: {
  onTab: (tabId: number | undefined) => void | Promise<void>;
  onTabState: (state: TabState) => void;
}): Promise<void> {
  // One round trip on open, not three in a row: each extension call of a page that is still
  // starting waits behind its script work. `currentWindow` is the panel's own window, in the side
  // panel and in a tab alike.
  const opening = Promise.all([browser.tabs.getCurrent(), browser.tabs.query({ currentWindow: true })]);
  /** The panel's own tab (when it is open in one) and window, once the query above answers. */
  const own: { tab?: Browser.tabs.Tab; windowId?: number } = {};
  let followed: number | undefined;
  let stopWatching = () => {};
  // Listening before that query answers: a tab activated in between is then not missed.
  browser.tabs.onActivated.addListener((info) => {
    void opening.then(() => {
      if (info.windowId === own.windowId) void pick();
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    if (followed !== undefined && tabId === followed) void pick();
  });
  const [current, tabs] = await opening;
  own.tab = current;
  own.windowId = current?.windowId ?? tabs[0]?.windowId;

  async function pick(tabs?: Browser.tabs.Tab[]): Promise<void> {
    tabs ??= await browser.tabs.query(own.windowId === undefined ? { currentWindow: true } : { windowId: own.windowId });
    const others = tabs.filter((tab) => tab.id !== undefined && tab.id !== own.tab?.id);
    const chosen: Browser.tabs.Tab | undefined = own.tab
      ? others.reduce<Browser.tabs.Tab | undefined>((best, tab) => ((tab.lastAccessed ?? 0) > (best?.lastAccessed ?? -1) ? tab : best), undefined)
      : others.find((tab) => tab.active);
    followed = chosen?.id;
    stopWatching();
    const tabId = followed;
    stopWatching =
      tabId === undefined
        ? () => {}
        : tabState(tabId).watch((state) => {
            if (state && tabId === followed) handlers.onTabState(state);
          });
    await handlers.onTab(followed);
  }

  await pick(tabs);
}
