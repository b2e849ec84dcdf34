// "Ready": when a new hire knows a persona or a segment well enough to meet it on a real call.
// Defined from two things the page can explain in one sentence each:
//   1. memory: every card of the group was studied and the scheduler (FSRS) expects it to be
//      remembered for at least READY.stabilityDays days (its stability);
//   2. judgement: of the group's last READY.recentAnswers quiz answers, at least
//      READY.accuracy were right, with at least READY.minAnswers answers.
// Pure and table-tested (test/unit/learn-ready.test.ts).
import type { Playbook } from '../playbook/schema';
import type { LearnCard } from './cards';
import type { CardProgress, Grading } from './schedule';

export const READY = {
  stabilityDays: 3,
  accuracy: 0.8,
  recentAnswers: 10,
  minAnswers: 4,
} as const;

/** One answer or card review, kept for progress and "ready" (Dexie table learnReviews, schema v3). */
export interface ReviewRecord {
  seq?: number;
  cardId: string;
  at: number;
  grading: Grading;
  /** `card`: a flipped card, graded by the rep; `quiz`: a scenario answered; `guess`: a guess on a real account in the panel. */
  source: 'card' | 'quiz' | 'guess';
  /** Quiz and guess only. */
  correct?: boolean;
  /** What the answer was about: the right persona(s), or the segment. */
  personas: string[];
  segment?: string;
}

export type ReadyState = 'not-started' | 'learning' | 'ready';

export interface Readiness {
  state: ReadyState;
  cards: number;
  studied: number;
  /** Cards with stability ≥ READY.stabilityDays. */
  stable: number;
  /** Right answers among the last READY.recentAnswers (quiz and guesses). */
  right: number;
  answers: number;
}

export type Group = { kind: 'persona'; id: string } | { kind: 'segment'; id: string };

const inGroup = (group: Group) => (card: Pick<LearnCard, 'personas' | 'segment'>) =>
  group.kind === 'persona' ? card.personas.includes(group.id) : card.segment === group.id;

/** The readiness of one persona or segment. `reviews` in any order. */
export function readiness(
  group: Group,
  cards: readonly LearnCard[],
  progress: ReadonlyMap<string, CardProgress>,
  reviews: readonly ReviewRecord[],
): Readiness {
  const mine = cards.filter(inGroup(group));
  const studied = mine.filter((card) => progress.has(card.id));
  // A card the team changed since it was studied must be studied again before it counts.
  const stable = studied.filter((card) => {
    const p = progress.get(card.id)!;
    return p.hash === card.hash && !p.changed && p.stability >= READY.stabilityDays;
  });
  const answers = reviews
    .filter((r) => r.correct !== undefined && inGroup(group)(r))
    .sort((a, b) => b.at - a.at)
    .slice(0, READY.recentAnswers);
  const right = answers.filter((r) => r.correct).length;
  const memory = mine.length > 0 && stable.length === mine.length;
  const judgement = answers.length >= READY.minAnswers && right >= READY.accuracy * answers.length;
  const state: ReadyState = memory && judgement ? 'ready' : studied.length === 0 && answers.length === 0 ? 'not-started' : 'learning';
  return { state, cards: mine.length, studied: studied.length, stable: stable.length, right, answers: answers.length };
}

export interface ReadinessReport {
  personas: { id: string; readiness: Readiness }[];
  segments: { id: string; readiness: Readiness }[];
  /** Ready overall: every persona and every segment is ready. */
  overall: ReadyState;
}

export function readinessReport(
  playbook: Playbook,
  cards: readonly LearnCard[],
  progress: ReadonlyMap<string, CardProgress>,
  reviews: readonly ReviewRecord[],
): ReadinessReport {
  const personas = playbook.personas.map((p) => ({ id: p.id, readiness: readiness({ kind: 'persona', id: p.id }, cards, progress, reviews) }));
  const segments = playbook.segmentation.segments.map((s) => ({ id: s.id, readiness: readiness({ kind: 'segment', id: s.id }, cards, progress, reviews) }));
  const all = [...personas, ...segments].map((g) => g.readiness.state);
  const overall: ReadyState = all.every((s) => s === 'ready') ? 'ready' : all.every((s) => s === 'not-started') ? 'not-started' : 'learning';
  return { personas, segments, overall };
}
