import { render } from 'preact';
import { AccountsPage } from '../../components/accounts/accounts-page';
import { createBookState } from '../../components/accounts/state';
import '../../components/accounts/accounts.css';
import { openDb } from '../../lib/db';
import { pickLanguage, t, uiLanguage } from '../../lib/i18n';

uiLanguage.value = pickLanguage(navigator.languages);
document.documentElement.lang = uiLanguage.value;
document.title = t('accounts.title');

const state = createBookState(openDb());
state.start();
render(<AccountsPage state={state} />, document.getElementById('app')!);
