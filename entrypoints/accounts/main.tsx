import { render } from 'preact';
import { AccountsPage } from '../../components/accounts/accounts-page';
import { createBookState } from '../../components/accounts/state';
import '../../components/accounts/accounts.css';
import { openDb } from '../../lib/db';
import { pageAreas, t } from '../../lib/i18n';
import { followLanguageSetting } from '../../lib/i18n/setting';

// This page's own strings load with the rep's language.
pageAreas('accounts');
await followLanguageSetting();
document.title = t('accounts.title');

const state = createBookState(openDb());
state.start();
render(<AccountsPage state={state} />, document.getElementById('app')!);
