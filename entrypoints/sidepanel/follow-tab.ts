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
  const self = await browser.tabs.getCurrent();
  const windowId = self?.windowId ?? (await browser.windows.getCurrent()).id;
  let followed: number | undefined;
  let stopWatching = () => {};

  async function pick(): Promise<void> {
    const tabs = await browser.tabs.query({ windowId });
    const others = tabs.filter((tab) => tab.id !== undefined && tab.id !== self?.id);
    const chosen: Browser.tabs.Tab | undefined = self
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

  browser.tabs.onActivated.addListener((info) => {
    if (info.windowId === windowId) void pick();
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    if (tabId === followed) void pick();
  });
  await pick();
}
