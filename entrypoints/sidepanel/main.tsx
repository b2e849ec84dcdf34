import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Panel } from '../../components/panel';
import '../../components/panel.css';
import { DB_NAME, openDb } from '../../lib/db/database';
import { StorageProblemNotice } from '../../components/storage-problem';
import { storageProblemHooks } from '../../lib/storage-problem';
import { followLanguageSetting } from '../../lib/i18n/setting';
import { openLearn } from '../../lib/learn/open-learn';
import { createReportPage } from '../../lib/panel/report-page';
import { createPanelState } from '../../lib/panel/state';
import { sendToTab } from '../../lib/messages';
import { followTab } from './follow-tab';

// Every import is loaded and run by now: the bench reads how long that took.
performance.mark('playcard:panel-script');

// The account and the playbook are read while the rep's language loads.
const languageReady = followLanguageSetting();

const state = createPanelState({ db: openDb(DB_NAME, storageProblemHooks) });
/** The tab the panel describes: "report this page" asks its content script. */
let followed: number | undefined;
const report = createReportPage({
  version: browser.runtime.getManifest().version,
  diagnose: () => (followed === undefined ? Promise.reject(new Error('no tab')) : sendToTab(followed, 'diagnose')),
  copy: (text) => navigator.clipboard.writeText(text),
});
// My accounts opens an account's card as sidepanel.html#account=<key>.
const opened = new URLSearchParams(location.hash.slice(1)).get('account');
if (opened) state.openAccount(opened);

void followTab({
  onTab: (tabId, stored) => {
    followed = tabId;
    report.reset();
    if (tabId === undefined) return state.showTab({ kind: 'none' });
    if (stored) return state.showTab({ kind: 'state', state: stored });
    state.showTab({ kind: 'none' });
    // The tab may have a content script that has not reported to this browser session yet; while
    // its page settles it says so, and the panel shows "Reading HubSpot…" until the report.
    sendToTab(tabId, 'readAgain')
      .then((reply) => {
        if (reply?.reading && followed === tabId) state.showReading(reply.siteLabel);
      })
      .catch(() => {});
  },
  onTabState: (next) => {
    report.reset();
    state.showTab({ kind: 'state', state: next });
  },
});

await languageReady;
render(
  <>
    <StorageProblemNotice />
    <Panel state={state} report={report} onOpenSettings={() => void browser.runtime.openOptionsPage()} onOpenLearn={() => void openLearn()} />
  </>,
  document.getElementById('app')!,
);
