import { render } from 'preact';
import { LearnPage } from '../../components/learn/learn-page';
import { createLearnState } from '../../components/learn/learn-state';
import '../../components/learn/learn.css';
import { openDb } from '../../lib/db';
import { pageAreas, t } from '../../lib/i18n';
import { followLanguageSetting } from '../../lib/i18n/setting';

// This page's own strings load with the rep's language.
pageAreas('learn');
await followLanguageSetting();
document.title = t('learn.title');

const state = createLearnState(openDb());
const view = new URLSearchParams(location.search).get('view');
if (view === 'quiz' || view === 'progress' || view === 'cards') state.view.value = view;
render(<LearnPage state={state} />, document.getElementById('app')!);
