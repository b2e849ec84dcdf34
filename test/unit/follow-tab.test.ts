import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser, type Browser } from 'wxt/browser';
import { followTab } from '../../entrypoints/sidepanel/follow-tab';
import { tabState } from '../../lib/storage-items';
import type { TabState } from '../../lib/tab-state';

// The side panel follows the active tab of its window. It asks for its window's tabs once on
// open; a tab the rep switches to while that question is on its way must still be followed.

const tab = (id: number, active: boolean) => ({ id, windowId: 1, active, index: id, highlighted: active, pinned: false, incognito: false }) as Browser.tabs.Tab;

/** tabs.query, typed as the promise form the panel uses (the callback overload would be picked). */
const spyQuery = () => vi.spyOn(browser.tabs, 'query') as unknown as MockInstance<(info: Browser.tabs.QueryInfo) => Promise<Browser.tabs.Tab[]>>;

let stop = () => {};
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  stop();
  vi.restoreAllMocks();
});

test('a tab activated while the panel is starting is the one it follows', async () => {
  vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue(undefined);
  let answerFirst!: (tabs: Browser.tabs.Tab[]) => void;
  spyQuery()
    .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
    .mockResolvedValue([tab(7, false), tab(42, true)]);
  const followed: Array<number | undefined> = [];
  const started = followTab({ onTab: (id) => void followed.push(id), onTabState: () => {} }).then((stopping) => (stop = stopping));
  // The rep switches to the CRM tab (42) after the panel asked, before the answer (tab 7 active) came.
  await fakeBrowser.tabs.onActivated.trigger({ tabId: 42, windowId: 1 });
  answerFirst([tab(7, true), tab(42, false)]);
  await started;
  await vi.waitFor(() => expect(followed.at(-1)).toBe(42));
});

test('with nothing switched, the panel follows its window\'s active tab', async () => {
  vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue(undefined);
  spyQuery().mockResolvedValue([tab(3, false), tab(9, true)]);
  const followed: Array<number | undefined> = [];
  stop = await followTab({ onTab: (id) => void followed.push(id), onTabState: () => {} });
  expect(followed).toEqual([9]);
});

// The background tells open panels a tab's new state at once, by message, and saves it in
// storage.session too (for a panel opened later); the panel shows each state once, in order.
describe("a tab's state", () => {
  const acme: TabState = { status: 'ok', accountKey: 'domain:acme.com', site: 'hubspot', url: 'https://app.hubspot.com/contacts/1/record/0-2/9', at: 10 };
  const settings: TabState = { status: 'unrecognised', url: 'https://app.hubspot.com/settings', at: 20 };
  /** The background's announcement, as @webext-core/messaging sends it. */
  const announce = (tabId: number, state: TabState) =>
    fakeBrowser.runtime.onMessage.trigger({ id: 1, type: 'tabStateChanged', data: { tabId, state }, timestamp: 0 }, { id: fakeBrowser.runtime.id }, () => {});

  async function follow(): Promise<TabState[]> {
    vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue(undefined);
    spyQuery().mockResolvedValue([tab(3, false), tab(9, true)]);
    const shown: TabState[] = [];
    stop = await followTab({ onTab: () => {}, onTabState: (state) => void shown.push(state) });
    return shown;
  }

  test('announced by the background is shown at once, and its saved copy is not shown again', async () => {
    const shown = await follow();
    await announce(9, acme);
    expect(shown).toEqual([acme]);
    await tabState(9).setValue(acme);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(shown).toEqual([acme]);
  });

  test("of another tab is not shown", async () => {
    const shown = await follow();
    await announce(3, acme);
    expect(shown).toEqual([]);
  });

  test('saved after a newer one was announced does not take the panel back to the page the rep left', async () => {
    const shown = await follow();
    // The rep went from the record to the settings page: the second announcement overtakes the first save.
    await announce(9, acme);
    await announce(9, settings);
    await tabState(9).setValue(acme);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(shown).toEqual([acme, settings]);
  });

  test('saved by the background reaches a panel that missed the message', async () => {
    const shown = await follow();
    await tabState(9).setValue(settings);
    await vi.waitFor(() => expect(shown).toEqual([settings]));
  });
});
