import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { liveQuery } from 'dexie';
import type { PlaycardDb, StoredPlaybook } from '../../lib/db/database';
import { saveReview } from '../../lib/db/learn';
import { searchCards, type LearnCard } from '../../lib/learn/cards';
import { cardsOf, type CardStore } from '../../lib/learn/card-cache';
import type { FirstRead } from './first-read';
import { isRight, questionFor, roundOf, type QuizQuestion } from '../../lib/learn/quiz';
import { readinessReport, type ReviewRecord } from '../../lib/learn/ready';
import { cardStatuses, dueToday, endOfLocalDay, gradeAnswer, type CardProgress, type Grading } from '../../lib/learn/due';

/** The scheduler (ts-fsrs) is needed from the first grade on, not for the first card. */
const loadScheduler = () => import('../../lib/learn/schedule');
import { liveSignal } from '../../lib/panel/live';
import { cardSearchText } from './card-views';
import { clearStorageProblem, noteStorageError } from '../../lib/storage-problem';

export type LearnView = 'cards' | 'quiz' | 'progress';
export type CardFilter = 'all' | 'persona' | 'segment' | 'mix';

/**
 * A Dexie read that answers fast first and follows changes later: one plain read (no live-query
 * bookkeeping, no cloned result cache) for the first card, then a live query once `goLive` is
 * on. `same` keeps the first answer when the live query's first answer is the same data, so the
 * page does not recompute (and re-render) everything just after the first card.
 */
function readThenLive<T>(
  read: () => Promise<T>,
  goLive: ReadonlySignal<boolean>,
  onError: (error: unknown) => void,
  same: (a: T, b: T) => boolean = () => false,
  /** An answer read another way (see first-read.ts); undefined means "read it with `read`". */
  early: Promise<T | undefined> = Promise.resolve(undefined),
): { value: ReadonlySignal<T | undefined>; dispose: () => void } {
  const value = signal<T | undefined>(undefined);
  let live = false;
  early.then((answer) => (answer === undefined ? read() : answer)).then((first) => {
    if (!live) value.value = first;
  }, onError);
  const dispose = effect(() => {
    if (!goLive.value) return;
    live = true;
    const subscription = liveQuery(read).subscribe({
      next: (next) => {
        const current = value.peek();
        if (current === undefined || !same(current, next)) value.value = next;
      },
      error: onError,
    });
    return () => subscription.unsubscribe();
  });
  return { value, dispose };
}

export interface QuizAnswer {
  key: string;
  correct: boolean;
}

export interface LearnStateOptions {
  clock?: () => number;
  /** Keeps the card list between visits (the page passes its localStorage; see lib/learn/card-cache.ts); without one the cards are built on every open. */
  cardStore?: CardStore;
  /** Reads the first card's data without waiting for Dexie's open (the page passes readFirstCard); undefined from it, or none, reads through Dexie. */
  firstRead?: (db: PlaycardDb) => Promise<FirstRead | undefined>;
}

/** The Learn page's state: the playbook and progress from Dexie (live), what the rep is looking at, and their actions. */
export function createLearnState(db: PlaycardDb, { clock = Date.now, cardStore, firstRead }: LearnStateOptions = {}) {
  const onError = (error: unknown) => console.error('Playcard Learn:', error);
  const early = firstRead ? firstRead(db).catch(() => undefined) : Promise.resolve(undefined);
  // Before the first card only the playbook and the progress are read, once each; the live
  // queries (a team update marks cards new) and the review history (2,000 rows after weeks of
  // study, for "ready" and My progress) start once the first card is on screen (wake()).
  const awake = signal(false);
  const stored = readThenLive<StoredPlaybook | null>(async () => (await db.playbooks.get('active')) ?? null, awake, onError, (a, b) => a?.hash === b?.hash && a?.appliedAt === b?.appliedAt, early.then((read) => read?.stored));
  const progressRows = readThenLive<CardProgress[]>(() => db.learnProgress.toArray(), awake, onError, undefined, early.then((read) => read?.progress));
  const reviewRows = liveSignal<ReviewRecord[]>(() => (awake.value ? () => db.learnReviews.orderBy('seq').toArray() : undefined), onError);

  const playbook = computed(() => stored.value.value?.playbook);
  /** The playbook's SHA-256 (absent on one stored before schema v2). */
  const playbookHash = computed(() => stored.value.value?.hash);
  // The first card needs the playbook and the progress only; the review history (long after weeks
  // of study) fills in "ready" and My progress when it arrives.
  const loaded = computed(() => stored.value.value !== undefined && progressRows.value.value !== undefined);
  const cards = computed(() => {
    const active = stored.value.value;
    return active ? cardsOf(active.playbook, active.hash, cardStore) : [];
  });
  const progress = computed(() => new Map((progressRows.value.value ?? []).map((p) => [p.id, p])));
  const reviews = computed(() => reviewRows.value.value ?? []);
  /** The review history has been read: "ready" and the charts can be shown. */
  const historyLoaded = computed(() => reviewRows.value.value !== undefined);
  const now = signal(clock());
  const offset = new Date().getTimezoneOffset();
  const statuses = computed(() => cardStatuses(cards.value, progress.value, endOfLocalDay(now.value, offset)));
  const statusById = computed(() => new Map(statuses.value.map((s) => [s.card.id, s])));
  const due = computed(() => dueToday(statuses.value));
  const fresh = computed(() => statuses.value.filter((s) => s.isNew).length);
  const changed = computed(() => statuses.value.filter((s) => s.changed).length);
  const report = computed(() => (playbook.value && historyLoaded.value ? readinessReport(playbook.value, cards.value, progress.value, reviews.value) : undefined));

  /** What the rep is looking at; a fresh one shows the cards, unfiltered, the first card's question side. */
  function freshLook() {
    const view = signal<LearnView>('cards');
    const query = signal('');
    const filter = signal<CardFilter>('all');
    const browsable = computed(() => {
      const pb = playbook.value;
      if (!pb) return [];
      const kinds = cards.value.filter((c) => c.kind !== 'scenario' && (filter.value === 'all' || c.kind === filter.value));
      return searchCards(kinds, query.value, (card) => cardSearchText(card, pb));
    });
    const currentId = signal<string | undefined>(undefined);
    const current = computed(() => browsable.value.find((c) => c.id === currentId.value) ?? browsable.value[0]);
    const flipped = signal(false);
    return { view, query, filter, browsable, currentId, current, flipped };
  }
  const { view, query, filter, browsable, currentId, current, flipped } = freshLook();

  const round = signal<QuizQuestion[]>([]);
  const roundIndex = signal(0);
  const answers = signal<QuizAnswer[]>([]);
  const question = computed(() => round.value[roundIndex.value]);
  const answered = computed(() => answers.value[roundIndex.value]);

  async function record(card: LearnCard, grading: Grading, extra: Omit<ReviewRecord, 'cardId' | 'at' | 'grading' | 'personas' | 'segment'>) {
    const { freshProgress, review } = await loadScheduler();
    const at = clock();
    const before = progress.value.get(card.id) ?? freshProgress(card, at);
    const after = review(before, card, grading, at);
    try {
      await saveReview(db, after, { cardId: card.id, at, grading, personas: card.personas, ...(card.segment ? { segment: card.segment } : {}), ...extra });
    } catch (error) {
      // Not stored (a full disk): the page's storage notice says why, and the rep can grade again.
      noteStorageError(error);
      return false;
    }
    clearStorageProblem();
    now.value = at;
    return true;
  }

  const state = {
    db,
    loaded,
    playbook,
    playbookHash,
    cards,
    statuses,
    statusById,
    progress,
    reviews,
    historyLoaded,
    awake,
    due,
    fresh,
    changed,
    report,
    now,
    offset,
    view,
    query,
    filter,
    browsable,
    current,
    flipped,
    round,
    roundIndex,
    answers,
    question,
    answered,
    /** The first card is on screen: follow changes live and read the review history. */
    wake() {
      awake.value = true;
      // Fetched now, so the first grade does not wait for it.
      loadScheduler().catch(onError);
    },
    dispose() {
      stored.dispose();
      progressRows.dispose();
      reviewRows.dispose();
    },
    show(next: LearnView) {
      view.value = next;
      if (next === 'quiz' && round.value.length === 0) this.startRound();
    },
    select(id: string) {
      currentId.value = id;
      flipped.value = false;
    },
    step(by: number) {
      const list = browsable.value;
      const at = list.findIndex((c) => c.id === current.value?.id);
      const next = list[(at + by + list.length) % list.length];
      if (next) this.select(next.id);
    },
    flip() {
      flipped.value = !flipped.value;
    },
    /** The rep graded a flipped card; the next card in the list comes up. */
    async gradeCard(grading: Grading) {
      const card = current.value;
      if (!card || !flipped.value) return;
      if (await record(card, grading, { source: 'card' })) this.step(1);
    },
    startRound() {
      const pb = playbook.value;
      now.value = clock();
      if (!pb) return;
      round.value = roundOf(pb, statuses.value).map((s) => questionFor(s, pb));
      roundIndex.value = 0;
      answers.value = [];
    },
    async answer(key: string) {
      const q = question.value;
      if (!q || answered.value) return;
      const correct = isRight(q, key);
      const before = answers.value;
      const next = [...before];
      next[roundIndex.value] = { key, correct };
      answers.value = next;
      const card = cards.value.find((c) => c.id === `scenario:${q.scenario.id}`);
      // Not stored: the question stays open, so the answer is not lost.
      if (card && !(await record(card, gradeAnswer(correct), { source: 'quiz', correct }))) answers.value = before;
    },
    next() {
      if (!answered.value) return;
      roundIndex.value = roundIndex.value + 1;
    },
  };
  return {
    ...state,
    /**
     * The same data as a fresh open shows it (first-frame.ts keeps that frame between visits):
     * its own view, search and card, and no "ready" badge, which a fresh open draws only once
     * the history is read.
     */
    firstLook(): typeof state {
      const { currentId: _unused, ...look } = freshLook();
      return { ...this, ...look, report: computed(() => undefined) };
    },
  };
}

/** What the page's views use: the state without firstLook (a fresh look has none of its own). */
export type LearnState = Omit<ReturnType<typeof createLearnState>, 'firstLook'>;
/** The page's state, as createLearnState makes it. */
export type LiveLearnState = ReturnType<typeof createLearnState>;
