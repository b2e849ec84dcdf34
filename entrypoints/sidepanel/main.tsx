import { render } from 'preact';
import { Panel } from '../../components/panel';
import '../../components/panel.css';
import { openDb } from '../../lib/db';
import { pickLanguage, uiLanguage } from '../../lib/i18n';
import { createPanelState } from '../../lib/panel/state';
import { sendToTab } from '../../lib/messages';
import { tabState } from '../../lib/storage-items';
import { followTab } from './follow-tab';

uiLanguage.value = pickLanguage(navigator.languages);
document.documentElement.lang = uiLanguage.value;

const state = createPanelState({ db: openDb() });
// My accounts opens an account's card as sidepanel.html#account=<key>.
const opened = new URLSearchParams(location.hash.slice(1)).get('account');
if (opened) state.openAccount(opened);

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

render(<Panel state={state} />, document.getElementById('app')!);
