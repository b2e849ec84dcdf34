import { render } from 'preact';
import { AccountsPage } from '../../components/accounts/accounts-page';
import { createBookState } from '../../components/accounts/state';
import '../../components/accounts/accounts.css';
import { openDb } from '../../lib/db';
import { t } from '../../lib/i18n';
import { followLanguageSetting } from '../../lib/i18n/setting';

await followLanguageSetting();
document.title = t('accounts.title');

const state = createBookState(openDb());
state.start();
render(<AccountsPage state={state} />, document.getElementById('app')!);
