// The scenario quiz: which scenarios a round asks, the answers offered (keys 1-4), and whether
// an answer is right. Pure and deterministic: the same playbook and progress give the same round.
import type { Playbook, Scenario } from '../playbook/schema';
import { contentHash, scenarioKind } from './cards';
import type { CardStatus } from './schedule';

export const ROUND_SIZE = 10;
export const MAX_CHOICES = 4;

/** One answer on offer: a persona (maybe with a mix), a segment, or a tactic. `key` identifies it. */
export type QuizChoice =
  | { kind: 'persona'; key: string; primary: string; secondary?: string }
  | { kind: 'segment'; key: string; segment: string }
  | { kind: 'tactic'; key: string; tactic: string };

export interface QuizQuestion {
  scenario: Scenario;
  choices: QuizChoice[];
  /** The key of the right choice. */
  answer: string;
}

/**
 * A round: scenarios due (changed ones first, then the most overdue), then new ones in playbook
 * order, then, when fewer than `size` are waiting, those due soonest (practice ahead).
 */
export function roundOf(playbook: Playbook, statuses: readonly CardStatus[], size = ROUND_SIZE): Scenario[] {
  const byId = new Map(playbook.learning.scenarios.map((s) => [`scenario:${s.id}`, s]));
  const scenarios = statuses.filter((s) => byId.has(s.card.id));
  const studied = scenarios.filter((s) => !s.isNew);
  const due = studied
    .filter((s) => s.due)
    .sort((a, b) => Number(b.changed) - Number(a.changed) || (a.progress?.due ?? 0) - (b.progress?.due ?? 0));
  const fresh = scenarios.filter((s) => s.isNew);
  const ahead = studied.filter((s) => !s.due).sort((a, b) => (a.progress?.due ?? 0) - (b.progress?.due ?? 0));
  return [...due, ...fresh, ...ahead].slice(0, size).map((s) => byId.get(s.card.id)!);
}

/** A shuffle seeded by text: the same scenario always shows its answers in the same order. */
function seededOrder<T>(items: readonly T[], seed: string): T[] {
  return items
    .map((item, index) => ({ item, rank: contentHash(`${seed}#${index}`) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .map(({ item }) => item);
}

/** The right answer and up to three others, seeded by the scenario, in a seeded order. */
function pick<T extends { key: string }>(right: T, others: readonly T[], seed: string): T[] {
  const distinct = others.filter((o, i) => o.key !== right.key && others.findIndex((x) => x.key === o.key) === i);
  const chosen = seededOrder(distinct, `${seed}/others`).slice(0, MAX_CHOICES - 1);
  return seededOrder([right, ...chosen], seed);
}

const personaChoice = (primary: string, secondary?: string): QuizChoice =>
  secondary ? { kind: 'persona', key: `${primary}+${secondary}`, primary, secondary } : { kind: 'persona', key: primary, primary };

/**
 * The question for a scenario. Persona: the personas (a mix: the right pair among the reversed
 * pair, the dominant type alone and another pair, since naming the dominant type is the skill).
 * Segment: the segments. Tactic: the right tactic and the scenario's other choices.
 */
export function questionFor(scenario: Scenario, playbook: Playbook): QuizQuestion {
  const kind = scenarioKind(scenario);
  const seed = scenario.id;
  if (kind === 'segment') {
    const right: QuizChoice = { kind: 'segment', key: scenario.segment ?? '', segment: scenario.segment ?? '' };
    const others = playbook.segmentation.segments.map((s): QuizChoice => ({ kind: 'segment', key: s.id, segment: s.id }));
    return { scenario, choices: pick(right, others, seed), answer: right.key };
  }
  if (kind === 'tactic') {
    const right: QuizChoice = { kind: 'tactic', key: scenario.tactic ?? '', tactic: scenario.tactic ?? '' };
    const others = (scenario.choices ?? []).map((id): QuizChoice => ({ kind: 'tactic', key: id, tactic: id }));
    return { scenario, choices: pick(right, others, seed), answer: right.key };
  }
  const primary = scenario.persona ?? '';
  const right = personaChoice(primary, scenario.secondary);
  const ids = playbook.personas.map((p) => p.id);
  if (!scenario.secondary) return { scenario, choices: pick(right, ids.map((id) => personaChoice(id)), seed), answer: right.key };
  const secondary = scenario.secondary;
  const third = ids.filter((id) => id !== primary && id !== secondary);
  const others = [personaChoice(secondary, primary), personaChoice(primary), ...third.map((id) => personaChoice(primary, id)), ...third.map((id) => personaChoice(id, secondary))];
  return { scenario, choices: pick(right, others, seed), answer: right.key };
}

export const isRight = (question: QuizQuestion, key: string) => question.answer === key;
