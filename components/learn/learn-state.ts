import { computed, signal } from '@preact/signals';
import { saveReview, type PlaycardDb, type StoredPlaybook } from '../../lib/db';
import { buildCards, searchCards, type LearnCard } from '../../lib/learn/cards';
import { isRight, questionFor, roundOf, type QuizQuestion } from '../../lib/learn/quiz';
import { readinessReport, type ReviewRecord } from '../../lib/learn/ready';
import { cardStatuses, dueToday, endOfLocalDay, freshProgress, gradeAnswer, review, type CardProgress, type Grading } from '../../lib/learn/schedule';
import { liveSignal } from '../../lib/panel/live';
import { cardSearchText } from './card-views';

export type LearnView = 'cards' | 'quiz' | 'progress';
export type CardFilter = 'all' | 'persona' | 'segment' | 'mix';

export interface QuizAnswer {
  key: string;
  correct: boolean;
}

/** The Learn page's state: the playbook and progress from Dexie (live), what the rep is looking at, and their actions. */
export function createLearnState(db: PlaycardDb, clock: () => number = Date.now) {
  const onError = (error: unknown) => console.error('Playcard Learn:', error);
  const stored = liveSignal<StoredPlaybook | null>(() => async () => (await db.playbooks.get('active')) ?? null, onError);
  const progressRows = liveSignal<CardProgress[]>(() => () => db.learnProgress.toArray(), onError);
  const reviewRows = liveSignal<ReviewRecord[]>(() => () => db.learnReviews.orderBy('seq').toArray(), onError);

  const playbook = computed(() => stored.value.value?.playbook);
  // The first card needs the playbook and the progress only; the review history (long after weeks
  // of study) fills in "ready" and My progress when it arrives.
  const loaded = computed(() => stored.value.value !== undefined && progressRows.value.value !== undefined);
  const cards = computed(() => (playbook.value ? buildCards(playbook.value) : []));
  const progress = computed(() => new Map((progressRows.value.value ?? []).map((p) => [p.id, p])));
  const reviews = computed(() => reviewRows.value.value ?? []);
  const now = signal(clock());
  const offset = new Date().getTimezoneOffset();
  const statuses = computed(() => cardStatuses(cards.value, progress.value, endOfLocalDay(now.value, offset)));
  const statusById = computed(() => new Map(statuses.value.map((s) => [s.card.id, s])));
  const due = computed(() => dueToday(statuses.value));
  const fresh = computed(() => statuses.value.filter((s) => s.isNew).length);
  const changed = computed(() => statuses.value.filter((s) => s.changed).length);
  const report = computed(() => (playbook.value ? readinessReport(playbook.value, cards.value, progress.value, reviews.value) : undefined));

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

  const round = signal<QuizQuestion[]>([]);
  const roundIndex = signal(0);
  const answers = signal<QuizAnswer[]>([]);
  const question = computed(() => round.value[roundIndex.value]);
  const answered = computed(() => answers.value[roundIndex.value]);

  async function record(card: LearnCard, grading: Grading, extra: Omit<ReviewRecord, 'cardId' | 'at' | 'grading' | 'personas' | 'segment'>) {
    const at = clock();
    const before = progress.value.get(card.id) ?? freshProgress(card, at);
    const after = review(before, card, grading, at);
    await saveReview(db, after, { cardId: card.id, at, grading, personas: card.personas, ...(card.segment ? { segment: card.segment } : {}), ...extra });
    now.value = at;
  }

  return {
    db,
    loaded,
    playbook,
    cards,
    statuses,
    statusById,
    progress,
    reviews,
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
      await record(card, grading, { source: 'card' });
      this.step(1);
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
      const next = [...answers.value];
      next[roundIndex.value] = { key, correct };
      answers.value = next;
      const card = cards.value.find((c) => c.id === `scenario:${q.scenario.id}`);
      if (card) await record(card, gradeAnswer(correct), { source: 'quiz', correct });
    },
    next() {
      if (!answered.value) return;
      roundIndex.value = roundIndex.value + 1;
    },
  };
}

export type LearnState = ReturnType<typeof createLearnState>;
