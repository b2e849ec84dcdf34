import { afterEach, beforeEach, expect, test, vi, type MockInstance } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser, type Browser } from 'wxt/browser';
import { followTab } from '../../entrypoints/sidepanel/follow-tab';

// The side panel follows the active tab of its window. It asks for its window's tabs once on
// open; a tab the rep switches to while that question is on its way must still be followed.

const tab = (id: number, active: boolean) => ({ id, windowId: 1, active, index: id, highlighted: active, pinned: false, incognito: false }) as Browser.tabs.Tab;

/** tabs.query, typed as the promise form the panel uses (the callback overload would be picked). */
const spyQuery = () => vi.spyOn(browser.tabs, 'query') as unknown as MockInstance<(info: Browser.tabs.QueryInfo) => Promise<Browser.tabs.Tab[]>>;

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

test('a tab activated while the panel is starting is the one it follows', async () => {
  vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue(undefined);
  let answerFirst!: (tabs: Browser.tabs.Tab[]) => void;
  spyQuery()
    .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
    .mockResolvedValue([tab(7, false), tab(42, true)]);
  const followed: Array<number | undefined> = [];
  const started = followTab({ onTab: (id) => void followed.push(id), onTabState: () => {} });
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
  await followTab({ onTab: (id) => void followed.push(id), onTabState: () => {} });
  expect(followed).toEqual([9]);
});
