import { liveQuery } from 'dexie';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Studio } from '../../components/studio/studio';
import '../../components/panel.css';
import '../../components/studio/studio.css';
import { openDb } from '../../lib/db/database';
import { pageAreas, t } from '../../lib/i18n';
import { followLanguageSetting } from '../../lib/i18n/setting';
import { createStudioState } from '../../lib/studio/state';

// Every import above is evaluated by now: the bench reads how long loading the code took.
performance.mark('studio-script');
const db = openDb();
// The built-in playbook (350 kB) loads only when the lead starts from it: a first visit opens the
// active playbook, which the background stored from it.
const state = createStudioState({ db, builtin: () => import('../../lib/playbook/default').then((m) => m.DEFAULT_PLAYBOOK) });
// The draft is read while this page's strings load (in the rep's language).
const loading = state.load().then(() => performance.mark('studio-loaded'));
pageAreas('studio');
await followLanguageSetting();
document.title = t('studio.title');
// Closing the tab loses nothing: the pending save is written at once.
addEventListener('pagehide', () => void state.saveNow());
render(<Studio s={state} db={db} extensionId={browser.runtime.id} />, document.getElementById('app')!);

/** After the first paint, when the browser has a moment: `run` must not delay what the lead sees first. */
const afterPaint = (run: () => void) => requestAnimationFrame(() => setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 500 }) : run()), 0));

void loading.then(() => {
  afterPaint(() => {
    // The cached accounts (thousands, for the preview), then the schema for the first edit's check.
    void state.loadAccounts().catch(console.error);
    void state.prepareCheck().catch(console.error);
  });
  // A publish (here or from the options page) changes the playbook the diff and the preview compare with.
  liveQuery(() => db.playbooks.get('active')).subscribe({ next: (stored) => state.setActive(stored), error: console.error });
}, console.error);
