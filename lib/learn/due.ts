// What is due, from stored progress: no scheduler needed, so the Learn page can show its first
// card before it loads ts-fsrs (lib/learn/schedule.ts, which re-exports this module). Pure.
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
