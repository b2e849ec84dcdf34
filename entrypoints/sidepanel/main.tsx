import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Panel } from '../../components/panel';
import '../../components/panel.css';
import { openDb } from '../../lib/db';
import { pickLanguage, uiLanguage } from '../../lib/i18n';
import { createPanelState } from '../../lib/panel/state';
import { READ_AGAIN, tabStateKey, type TabState } from '../../lib/tab-state';
import { followTab } from './follow-tab';

uiLanguage.value = pickLanguage(navigator.languages);
document.documentElement.lang = uiLanguage.value;

const state = createPanelState({ db: openDb() });

void followTab({
  onTab: async (tabId) => {
    if (tabId === undefined) return state.showTab({ kind: 'none' });
    const key = tabStateKey(tabId);
    const stored = (await browser.storage.session.get(key))[key] as TabState | undefined;
    if (stored) return state.showTab({ kind: 'state', state: stored });
    state.showTab({ kind: 'none' });
    // The tab may have a content script that has not reported to this browser session yet.
    browser.tabs.sendMessage(tabId, READ_AGAIN).catch(() => {});
  },
  onTabState: (tabState) => state.showTab({ kind: 'state', state: tabState }),
});

render(<Panel state={state} onOpenSettings={() => void browser.runtime.openOptionsPage()} />, document.getElementById('app')!);
