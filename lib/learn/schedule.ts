// Spaced repetition for Learn, scheduled by ts-fsrs (FSRS, the scheduler Anki uses). This module
// turns its cards into plain records Dexie can store and export, and decides what is due. Pure:
// every function takes `now`.
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import type { LearnCard } from './cards';
import type { CardProgress, Grading } from './due';

// What decides "due" lives in ./due.ts (no ts-fsrs), so the Learn page shows its first card
// before loading the scheduler; it is re-exported here for everyone else.
export * from './due';

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
