import { browser, type Browser } from 'wxt/browser';
import { onMessage } from '../../lib/messages';
import { tabState } from '../../lib/storage-items';
import type { TabState } from '../../lib/tab-state';

/** The same state twice (the background's message, then the storage change that saved it). */
const sameState = (a: TabState, b: TabState) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Tells the panel which tab it describes, and when that tab's state changes.
 * In the side panel that is the active tab of the panel's window. When the
 * panel page is open in a tab of its own (tests, or a rep who pinned it), it is
 * the most recently used other tab of its window.
 *
 * A tab's state arrives two ways: the background's `tabStateChanged` message as soon as a
 * report is read, and the `storage.session` change once it is saved. The panel shows each
 * state once, and never one older than it has shown (the storage change of a read can land
 * after the message of the next one).
 *
 * Resolves to a function that stops following.
 */
export async function followTab(handlers: {
  /** The followed tab changed: its latest state (null when the background has none). */
  onTab: (tabId: number | undefined, state: TabState | null) => void | Promise<void>;
  onTabState: (state: TabState) => void;
}): Promise<() => void> {
  // One round trip on open, not three in a row: each extension call of a page that is still
  // starting waits behind its script work. `currentWindow` is the panel's own window, in the side
  // panel and in a tab alike.
  const opening = Promise.all([browser.tabs.getCurrent(), browser.tabs.query({ currentWindow: true })]);
  /** The panel's own tab (when it is open in one) and window, once the query above answers. */
  const own: { tab?: Browser.tabs.Tab; windowId?: number } = {};
  let followed: number | undefined;
  /** The followed tab's newest state, and whether onTab has shown the tab yet. */
  let latest: TabState | undefined;
  let shown = false;
  let stopWatching = () => {};

  function deliver(tabId: number, state: TabState): void {
    if (tabId !== followed) return;
    if (latest && (state.at < latest.at || sameState(state, latest))) return;
    latest = state;
    if (shown) handlers.onTabState(state);
  }
  const stopHearing = onMessage('tabStateChanged', ({ data }) => deliver(data.tabId, data.state));
  // Listening before that query answers: a tab activated in between is then not missed.
  const activated = (info: Browser.tabs.OnActivatedInfo) => {
    void opening.then(() => {
      if (info.windowId === own.windowId) void pick();
    });
  };
  const removed = (tabId: number) => {
    if (followed !== undefined && tabId === followed) void pick();
  };
  browser.tabs.onActivated.addListener(activated);
  browser.tabs.onRemoved.addListener(removed);
  const [current, tabs] = await opening;
  own.tab = current;
  own.windowId = current?.windowId ?? tabs[0]?.windowId;

  async function pick(tabs?: Browser.tabs.Tab[]): Promise<void> {
    tabs ??= await browser.tabs.query(own.windowId === undefined ? { currentWindow: true } : { windowId: own.windowId });
    const others = tabs.filter((tab) => tab.id !== undefined && tab.id !== own.tab?.id);
    const chosen: Browser.tabs.Tab | undefined = own.tab
      ? others.reduce<Browser.tabs.Tab | undefined>((best, tab) => ((tab.lastAccessed ?? 0) > (best?.lastAccessed ?? -1) ? tab : best), undefined)
      : others.find((tab) => tab.active);
    const tabId = chosen?.id;
    followed = tabId;
    latest = undefined;
    shown = false;
    stopWatching();
    stopWatching =
      tabId === undefined
        ? () => {}
        : tabState(tabId).watch((state) => {
            if (state) deliver(tabId, state);
          });
    if (tabId !== undefined) {
      const stored = await tabState(tabId).getValue();
      // The rep (or a new tab) moved on while this was read: the newer tab's pick shows it.
      if (followed !== tabId) return;
      if (stored) deliver(tabId, stored);
    }
    shown = true;
    await handlers.onTab(tabId, latest ?? null);
  }

  await pick(tabs);
  return () => {
    stopHearing();
    stopWatching();
    browser.tabs.onActivated.removeListener(activated);
    browser.tabs.onRemoved.removeListener(removed);
  };
}
