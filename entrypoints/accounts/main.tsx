import { render } from 'preact';
import { AccountsPage } from '../../components/accounts/accounts-page';
import { createBookState } from '../../components/accounts/state';
import '../../components/accounts/accounts.css';
import { openDb } from '../../lib/db';
import { pageAreas, t } from '../../lib/i18n';
import { followLanguageSetting } from '../../lib/i18n/setting';

// The book's first screen is read while the rep's language and this page's strings load.
const state = createBookState(openDb());
state.start();
pageAreas('accounts');
await followLanguageSetting();
document.title = t('accounts.title');

render(<AccountsPage state={state} />, document.getElementById('app')!);
