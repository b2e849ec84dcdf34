// Spaced repetition for Learn, scheduled by ts-fsrs (FSRS, the scheduler Anki uses). This module
// turns its cards into plain records Dexie can store and export, and decides what is due. Pure:
// every function takes `now`.
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import type { LearnCard } from './cards';

export type Grading = 'again' | 'hard' | 'good' | 'easy';

/** One card's memory state, as stored (Dexie table learnProgress, schema v3). Times in ms since the epoch. */
export interface CardProgress {
  id: string;
  /** The card's content hash when it was last reviewed. */
  hash: string;
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** FSRS state: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  lastReview?: number;
  /** The team changed the card after the last review: shown as "new since you last studied", due at once. */
  changed?: boolean;
}

const GRADES: Record<Grading, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

// No fuzz: the same answers give the same schedule, so the tables in the tests hold and a
// new hire's "due today" does not jitter. Default FSRS-6 weights and 90% retention.
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

function toCard(p: CardProgress): Card {
  return {
    due: new Date(p.due),
    stability: p.stability,
    difficulty: p.difficulty,
    elapsed_days: 0,
    scheduled_days: p.scheduledDays,
    learning_steps: p.learningSteps,
    reps: p.reps,
    lapses: p.lapses,
    state: p.state,
    last_review: p.lastReview === undefined ? undefined : new Date(p.lastReview),
  };
}

/** A card never studied: due now, no memory yet. */
export function freshProgress(card: Pick<LearnCard, 'id' | 'hash'>, now: number): CardProgress {
  const empty = createEmptyCard(new Date(now));
  return {
    id: card.id,
    hash: card.hash,
    due: now,
    stability: empty.stability,
    difficulty: empty.difficulty,
    scheduledDays: empty.scheduled_days,
    learningSteps: empty.learning_steps,
    reps: 0,
    lapses: 0,
    state: empty.state,
  };
}

/** The state after a review graded `grading`; the hash becomes the one the rep just studied. */
export function review(progress: CardProgress, card: Pick<LearnCard, 'hash'>, grading: Grading, now: number): CardProgress {
  const next = scheduler.next(toCard(progress), new Date(now), GRADES[grading]).card;
  return {
    id: progress.id,
    hash: card.hash,
    due: next.due.getTime(),
    stability: next.stability,
    difficulty: next.difficulty,
    scheduledDays: next.scheduled_days,
    learningSteps: next.learning_steps,
    reps: next.reps,
    lapses: next.lapses,
    state: next.state,
    lastReview: now,
  };
}

/** How a quiz answer grades the scenario: right is "good", wrong is "again". */
export const gradeAnswer = (correct: boolean): Grading => (correct ? 'good' : 'again');

export interface CardStatus {
  card: LearnCard;
  /** Undefined when the card was never studied. */
  progress?: CardProgress;
  /** Never studied. */
  isNew: boolean;
  /** Studied, then changed by a playbook update: "new since you last studied". */
  changed: boolean;
  due: boolean;
}

/**
 * Each card with its progress. A stored hash that differs from the card's means the team
 * changed the card since the rep studied it: it is marked changed and due at once, while its
 * memory state (and every unchanged card's) is kept.
 */
export function cardStatuses(cards: readonly LearnCard[], stored: ReadonlyMap<string, CardProgress>, endOfDay: number): CardStatus[] {
  return cards.map((card) => {
    const progress = stored.get(card.id);
    if (!progress) return { card, isNew: true, changed: false, due: true };
    const changed = progress.changed === true || progress.hash !== card.hash;
    return { card, progress, isNew: false, changed, due: changed || progress.due <= endOfDay };
  });
}

/** Reviews waiting today: cards studied before that are due by the end of the day, or changed. New cards are counted apart. */
export function dueToday(statuses: readonly CardStatus[]): number {
  return statuses.filter((s) => !s.isNew && s.due).length;
}

/** The end of the local day containing `now`, for "due today". `offsetMinutes` is Date#getTimezoneOffset(). */
export function endOfLocalDay(now: number, offsetMinutes: number): number {
  const local = now - offsetMinutes * 60_000;
  const day = Math.floor(local / 86_400_000);
  return (day + 1) * 86_400_000 + offsetMinutes * 60_000 - 1;
}
