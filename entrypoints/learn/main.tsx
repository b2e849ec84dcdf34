import { effect } from '@preact/signals';
import { render } from 'preact';
import { LearnPage } from '../../components/learn/learn-page';
import { readFirstCard } from '../../components/learn/first-read';
import { createLearnState } from '../../components/learn/learn-state';
import '../../components/learn/learn.css';
import { openDb } from '../../lib/db/database';
import { pageAreas, t } from '../../lib/i18n';
import { followLanguageSetting } from '../../lib/i18n/setting';

// Marks for the bench's breakdown (scripts/lib/bench-learn.ts): the code has loaded, the playbook
// and progress are read, the strings are loaded.
performance.mark('learn:script');
// The playbook and the progress are read while this page's strings load: neither waits for the other.
const state = createLearnState(openDb(), { cardStore: localStorage, firstRead: readFirstCard });
const view = new URLSearchParams(location.search).get('view');
const stopMarking = effect(() => {
  if (!state.loaded.value) return;
  performance.mark('learn:data');
  queueMicrotask(() => stopMarking());
});
if (view === 'quiz' || view === 'progress' || view === 'cards') state.view.value = view;

// This page's own strings load with the rep's language.
pageAreas('learn');
await followLanguageSetting();
document.title = t('learn.title');
performance.mark('learn:strings');
render(<LearnPage state={state} />, document.getElementById('app')!);
