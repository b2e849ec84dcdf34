import { effect } from '@preact/signals';
import { render } from 'preact';
import { LearnPage } from '../../components/learn/learn-page';
import { readFirstCard } from '../../components/learn/first-read';
import { createLearnState } from '../../components/learn/learn-state';
import { keepFirstFrame } from '../../components/learn/keep-frame';
import type { holdInput, SaveFrame } from '../../components/learn/first-frame';
import { openDb } from '../../lib/db/database';
import { pageAreas, t } from '../../lib/i18n';
import { followLanguageSetting } from '../../lib/i18n/setting';

/** Resolves once `test` is true (it reads signals). */
function until(test: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const stop = effect(() => {
      if (!test()) return;
      resolve();
      queueMicrotask(() => stop());
    });
  });
}

/**
 * The Learn page proper, loaded by main.tsx once it has drawn the first frame (if it had one).
 * `held` is what the rep did on that frame, replayed once the page is rendered over it; `saveFrame`
 * keeps the next open's frame.
 */
export async function startLearn({ framed, held, saveFrame }: { framed: boolean; held?: ReturnType<typeof holdInput>; saveFrame: SaveFrame }) {
  // The playbook and the progress are read while this page's strings load: neither waits for the other.
  const state = createLearnState(openDb(), { cardStore: localStorage, firstRead: readFirstCard });
  const view = new URLSearchParams(location.search).get('view');
  // Marks for the bench's breakdown (scripts/lib/bench-learn.ts): the playbook and progress are read, the strings are loaded.
  const data = until(() => state.loaded.value).then(() => performance.mark('learn:data'));
  if (view === 'quiz' || view === 'progress' || view === 'cards') state.view.value = view;

  // This page's own strings load with the rep's language.
  pageAreas('learn');
  await followLanguageSetting();
  document.title = t('learn.title');
  performance.mark('learn:strings');
  // Over a drawn frame, the page renders once it has its data: a "Loading…" in between would flash.
  if (framed) await data;
  const app = document.getElementById('app')!;
  const draw = () => render(<LearnPage state={state} />, app);
  if (held) held.around(draw);
  else draw();
  // Once the first card is up and the page is awake, keep the next open's first frame.
  await until(() => state.awake.value);
  keepFirstFrame(state, saveFrame);
}
