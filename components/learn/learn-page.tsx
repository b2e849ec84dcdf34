import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { ReadyState } from '../../lib/learn/ready';
import type { Grading } from '../../lib/learn/due';
import { CardAnswer, CardQuestion, cardTitle } from './card-views';
import type { CardFilter, LearnState, LearnView } from './learn-state';
import { StorageProblemNotice } from '../storage-problem';

// The cards come first (the page opens on them): the quiz, My progress and the print handout
// are chunks of their own, loaded when shown, or, for the handout, once the first card is up.
const views = {
  quiz: () => import('./quiz'),
  progress: () => import('./progress'),
  handout: () => import('./handout'),
};
type Views = { [K in keyof typeof views]: Awaited<ReturnType<(typeof views)[K]>> };
const loadedViews: Partial<Views> = {};

function useView<K extends keyof Views>(name: K, wanted: boolean): Views[K] | undefined {
  const [module, setModule] = useState(loadedViews[name]);
  useEffect(() => {
    if (module || !wanted) return;
    let live = true;
    views[name]().then(
      (loaded) => {
        loadedViews[name] = loaded as Views[K];
        if (live) setModule(loaded as Views[K]);
      },
      (error: unknown) => console.error('Playcard Learn: a view did not load', error),
    );
    return () => {
      live = false;
    };
  }, [name, wanted, module]);
  return module;
}

const GRADINGS: Grading[] = ['again', 'hard', 'good', 'easy'];
const VIEWS: LearnView[] = ['cards', 'quiz', 'progress'];
const FILTERS: CardFilter[] = ['all', 'persona', 'segment', 'mix'];

/** Keys that work anywhere but in a text field: Space flips, 1-4 answer or grade, Enter goes next, arrows browse. */
function useKeyboard(state: LearnState) {
  // Listening from the render itself, not after the next paint: a key pressed as the card appears
  // (or on the first frame, replayed right after the page renders over it) must reach the page.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select') || event.altKey || event.ctrlKey || event.metaKey) return;
      // A focused button answers Space and Enter itself; handling them here too would act twice.
      const onButton = target?.closest('button, a, summary') !== null && target !== null;
      const view = state.view.value;
      const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : undefined;
      if (view === 'cards') {
        if (event.key === ' ' && !onButton) state.flip();
        else if (digit && digit <= 4 && state.flipped.value) void state.gradeCard(GRADINGS[digit - 1]!);
        else if (event.key === 'ArrowRight') state.step(1);
        else if (event.key === 'ArrowLeft') state.step(-1);
        else return;
      } else if (view === 'quiz') {
        const question = state.question.value;
        if (digit && question && !state.answered.value) {
          const choice = question.choices[digit - 1];
          if (!choice) return;
          void state.answer(choice.key);
        } else if (event.key === 'Enter' && !onButton && state.answered.value) state.next();
        else return;
      } else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [state]);
}

function Cards({ state }: { state: LearnState }) {
  const playbook = state.playbook.value!;
  const list = state.browsable.value;
  const card = state.current.value;
  const flipped = state.flipped.value;
  const status = card ? state.statusById.value.get(card.id) : undefined;
  const cardRef = useRef<HTMLElement>(null);
  // Choosing a card from the list puts focus on it, so Space flips it rather than re-pressing the list button.
  const open = (id: string) => {
    state.select(id);
    cardRef.current?.focus();
  };
  return (
    <div class="cards-view">
      <div class="browse">
        <label class="search">
          <span class="visually-hidden">{t('learn.search')}</span>
          <input type="search" placeholder={t('learn.search')} value={state.query.value} onInput={(e) => (state.query.value = (e.target as HTMLInputElement).value)} data-testid="search" />
        </label>
        <div class="filters" role="group" aria-label={t('learn.filter')}>
          {FILTERS.map((f) => (
            <button key={f} type="button" class="chip" aria-pressed={state.filter.value === f} onClick={() => (state.filter.value = f)}>
              {t(`learn.filter.${f}`)}
            </button>
          ))}
        </div>
        <ul class="card-list" data-testid="card-list" aria-label={t('learn.cards')}>
          {list.map((c) => {
            const s = state.statusById.value.get(c.id);
            return (
              <li key={c.id}>
                <button type="button" class="card-link" aria-current={c.id === card?.id} data-card={c.id} onClick={() => open(c.id)}>
                  <span>{cardTitle(c, playbook)}</span>
                  {s?.changed && <span class="flag changed">{t('learn.card.changed')}</span>}
                  {!s?.changed && s?.isNew && <span class="flag">{t('learn.card.new')}</span>}
                </button>
              </li>
            );
          })}
        </ul>
        {!list.length && <p class="muted">{t('learn.search.none')}</p>}
      </div>
      {card && (
        <article ref={cardRef} tabIndex={-1} aria-label={cardTitle(card, playbook)} class={`flashcard ${flipped ? 'flipped' : ''}`} data-testid="flashcard" data-card={card.id} data-side={flipped ? 'answer' : 'question'} aria-live="polite">
          {status?.changed && (
            <p class="changed-note" data-testid="changed-note">
              {t('learn.card.changedNote')}
            </p>
          )}
          <CardQuestion card={card} playbook={playbook} />
          {flipped && <CardAnswer card={card} playbook={playbook} />}
          <div class="card-actions">
            <button type="button" class="primary" onClick={() => state.flip()} data-testid="flip" aria-keyshortcuts="Space">
              {flipped ? t('learn.card.hide') : t('learn.card.flip')} <kbd>{t('learn.key.space')}</kbd>
            </button>
            {flipped && (
              <div class="grades" role="group" aria-label={t('learn.card.grade')}>
                <span class="muted small">{t('learn.card.grade')}</span>
                {GRADINGS.map((g, i) => (
                  <button key={g} type="button" onClick={() => void state.gradeCard(g)} data-grade={g} aria-keyshortcuts={String(i + 1)}>
                    <kbd>{i + 1}</kbd> {t(`learn.grade.${g}`)}
                  </button>
                ))}
              </div>
            )}
          </div>
        </article>
      )}
    </div>
  );
}

/** The overall "ready" badge (the same look as My progress's, without loading its chunk). */
function OverallReady({ state }: { state: ReadyState }) {
  return (
    <span class={`ready-badge ${state}`} data-ready={state}>
      {t(`learn.ready.${state}`)}
    </span>
  );
}

/**
 * What the page shows (no effects of its own: keep-frame.tsx also renders it off screen, for a
 * fresh open's first frame). `notice` leaves out the storage notice, which a fresh open does not show.
 */
export function LearnScreen({ state, quiz, progress, notice = true }: { state: LearnState; quiz?: Views['quiz']; progress?: Views['progress']; notice?: boolean }) {
  const playbook = state.playbook.value;
  const view = state.view.value;
  if (!state.loaded.value) return <p class="status" data-testid="status">{t('learn.loading')}</p>;
  if (!playbook) return <p class="status" data-testid="status">{t('learn.noPlaybook')}</p>;
  const report = state.report.value;
  const waiting = <p class="status muted">{t('learn.loading')}</p>;
  return (
    <div class="screen">
      <header class="learn-header">
        <h1>{t('learn.title')}</h1>
        {notice && <StorageProblemNotice />}
        <p class="summary-line">
          <span data-testid="due-today" data-count={state.due.value}>{t('learn.dueToday', { n: state.due.value })}</span>
          {' · '}
          <span data-testid="new-count">{t('learn.newCards', { n: state.fresh.value })}</span>
          {state.changed.value > 0 && (
            <>
              {' · '}
              <span data-testid="changed-count" class="changed" data-count={state.changed.value}>{t('learn.changedCards', { n: state.changed.value })}</span>
            </>
          )}
          {report && (
            <>
              {' · '}
              <span data-testid="overall-ready">
                {t('learn.overall')} <OverallReady state={report.overall} />
              </span>
            </>
          )}
        </p>
        <nav class="tabs" aria-label={t('learn.views')}>
          {VIEWS.map((v) => (
            <button key={v} type="button" class="tab" aria-pressed={view === v} data-view={v} onClick={() => state.show(v)}>
              {t(`learn.view.${v}`)}
            </button>
          ))}
          <button type="button" class="tab" onClick={() => window.print()} data-testid="print">
            {t('learn.print')}
          </button>
        </nav>
      </header>
      <main class="learn-main">
        {view === 'cards' && <Cards state={state} />}
        {view === 'quiz' && (quiz ? <quiz.Quiz state={state} playbook={playbook} /> : waiting)}
        {view === 'progress' && (progress && state.historyLoaded.value ? <progress.Progress state={state} playbook={playbook} /> : waiting)}
      </main>
      <p class="keys muted small">{t('learn.keys')}</p>
    </div>
  );
}

export function LearnPage({ state }: { state: LearnState }) {
  useKeyboard(state);
  const playbook = state.playbook.value;
  const loaded = state.loaded.value;
  const awake = state.awake.value;
  const view = state.view.value;
  // Once the first card (or view) is on screen, the rest wakes up: live queries, the history.
  useEffect(() => {
    if (!loaded || awake) return;
    const timer = setTimeout(() => state.wake(), 0);
    return () => clearTimeout(timer);
  }, [loaded, awake, state]);
  const quiz = useView('quiz', view === 'quiz');
  const progress = useView('progress', view === 'progress');
  const handout = useView('handout', awake);
  return (
    <>
      <LearnScreen state={state} quiz={quiz} progress={progress} />
      {loaded && playbook && handout && <handout.Handout cards={state.cards.value} playbook={playbook} />}
    </>
  );
}
