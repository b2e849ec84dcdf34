import { liveQuery } from 'dexie';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Studio } from '../../components/studio/studio';
import '../../components/panel.css';
import '../../components/studio/studio.css';
import { openDb } from '../../lib/db';
import { pageAreas, t } from '../../lib/i18n';
import { followLanguageSetting } from '../../lib/i18n/setting';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { createStudioState } from '../../lib/studio/state';

// Every import above is evaluated by now: the bench reads how long loading the code took.
performance.mark('studio-script');
// This page's own strings load with the rep's language.
pageAreas('studio');
await followLanguageSetting();
document.title = t('studio.title');

const db = openDb();
const state = createStudioState({ db, builtin: DEFAULT_PLAYBOOK });
// Closing the tab loses nothing: the pending save is written at once.
addEventListener('pagehide', () => void state.saveNow());
void state.load().then(() => {
  performance.mark('studio-loaded');
  // The editor first; the cached accounts (thousands, for the preview) once it is on screen.
  setTimeout(() => void state.loadAccounts().catch(console.error), 0);
  // A publish (here or from the options page) changes the playbook the diff and the preview compare with.
  liveQuery(() => db.playbooks.get('active')).subscribe({ next: (stored) => state.setActive(stored), error: console.error });
});

render(<Studio s={state} db={db} extensionId={browser.runtime.id} />, document.getElementById('app')!);
