import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Panel } from '../../components/panel';
import '../../components/panel.css';
import { openDb } from '../../lib/db';
import { followLanguageSetting } from '../../lib/i18n/setting';
import { createPanelState } from '../../lib/panel/state';
import { sendToTab } from '../../lib/messages';
import { tabState } from '../../lib/storage-items';
import { followTab } from './follow-tab';

followLanguageSetting();

const state = createPanelState({ db: openDb() });

void followTab({
  onTab: async (tabId) => {
    if (tabId === undefined) return state.showTab({ kind: 'none' });
    const stored = await tabState(tabId).getValue();
    if (stored) return state.showTab({ kind: 'state', state: stored });
    state.showTab({ kind: 'none' });
    // The tab may have a content script that has not reported to this browser session yet.
    sendToTab(tabId, 'readAgain').catch(() => {});
  },
  onTabState: (next) => state.showTab({ kind: 'state', state: next }),
});

render(<Panel state={state} onOpenSettings={() => void browser.runtime.openOptionsPage()} />, document.getElementById('app')!);
