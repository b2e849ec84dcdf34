import { scoreSegmentAndPersona, type SegmentScorer, type SuggestPersona } from '../core/assess';
import { matchesCondition } from '../core/condition';
import { factsOf, type Facts } from '../core/facts';
import type { Answers } from '../core/segment';
import { FACT_KEYS } from '../playbook/constants';
import type { Playbook } from '../playbook/schema';
import type { PageSnapshot } from '../snapshot';
import { importedPartOf } from './import-only';
import type { AccountScore, AnswerChange, ChangeCause, FactChange, HistoryEntry, PersonaIds, ThresholdChange } from './types';

/** What scoring needs of a stored account (an AccountRecord). */
export interface ScoredAccount {
  key: string;
  name: string;
  domain?: string;
  site: string;
  seenAt: number;
  firstSeenAt: number;
  snapshot: PageSnapshot;
  suggested?: unknown;
}

/** What scoring needs of the rep's input (a RepInput). */
export interface ScoredInput {
  answers: Answers;
  persona?: PersonaIds;
}

/** The active playbook with what tells its versions apart. */
export interface ScoringPlaybook {
  playbook: Playbook;
  hash: string;
  /** The playbook's segment scorer, remembering outcomes across a round (rememberingSegment); assessSegment when absent. */
  segmentOf?: SegmentScorer;
}

/**
 * Scores one account by the rules the panel's assessAccount applies (scoreSegmentAndPersona:
 * the segment and persona without the panel's checklist and standing), keeping only ids and the
 * inputs. An account known only from imports keeps in its row what its record held (`imported`):
 * the row can then stand for the record.
 */
export function scoreAccount(
  account: ScoredAccount,
  input: ScoredInput | undefined,
  { playbook, hash, segmentOf }: ScoringPlaybook,
  suggest: SuggestPersona,
  now: number,
): AccountScore {
  const facts = factsOf(account.snapshot);
  const answers = { ...(input?.answers ?? {}) };
  const assessed = scoreSegmentAndPersona({ facts, answers, text: account.snapshot.text ?? '', personaOverride: input?.persona }, playbook, suggest, segmentOf);
  const { primary, secondary } = assessed.persona;
  const imported = importedPartOf(account);
  return {
    key: account.key,
    name: account.name,
    ...(account.domain ? { domain: account.domain } : {}),
    site: account.site,
    seenAt: account.seenAt,
    segment: assessed.segment,
    points: assessed.points,
    ...(primary ? { persona: secondary ? { primary, secondary } : { primary } } : {}),
    personaBy: assessed.chosenBy,
    facts,
    answers,
    playbookVersion: playbook.version,
    playbookHash: hash,
    scoredAt: now,
    ...(imported ? { imported } : {}),
  };
}

const samePersona = (a: PersonaIds | undefined, b: PersonaIds | undefined) => a?.primary === b?.primary && a?.secondary === b?.secondary;

/** Facts whose value differs, in the playbook format's fact order. */
export function factChanges(before: AccountScore['facts'], after: AccountScore['facts']): FactChange[] {
  const changes: FactChange[] = [];
  for (const fact of FACT_KEYS) {
    const from = before[fact];
    const to = after[fact];
    if (from === to) continue;
    changes.push({ fact, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  }
  return changes;
}

/** Answers given, changed or cleared, sorted by criterion id. */
export function answerChanges(before: Answers, after: Answers): AnswerChange[] {
  const criteria = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: AnswerChange[] = [];
  for (const criterion of criteria) {
    const from = Object.hasOwn(before, criterion) ? before[criterion] : undefined;
    const to = Object.hasOwn(after, criterion) ? after[criterion] : undefined;
    if (from !== to) changes.push({ criterion, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  }
  return changes;
}

/** Segments whose `minPoints` a new playbook changed, in the new playbook's order. */
export function thresholdChanges(previous: Playbook | undefined, next: Playbook): ThresholdChange[] {
  if (!previous) return [];
  const changes: ThresholdChange[] = [];
  for (const segment of next.segmentation.segments) {
    const old = previous.segmentation.segments.find((s) => s.id === segment.id);
    if (old && old.minPoints !== segment.minPoints) changes.push({ segment: segment.id, from: old.minPoints, to: segment.minPoints });
  }
  return changes;
}

/**
 * The history entry for a re-scored account, or undefined when neither its segment nor its
 * persona moved. The first score of an account is its starting point, not a move. When the
 * playbook differs from the one of the previous score, the move is the playbook's (with the
 * facts and answers that changed too, if any): the rep must see that the rules moved.
 */
export function describeMove(
  before: AccountScore | undefined,
  after: AccountScore,
  cause: ChangeCause,
  context: { previousPlaybook?: Playbook; playbook: Playbook },
): HistoryEntry | undefined {
  if (!before) return undefined;
  const segmentMoved = before.segment !== after.segment;
  const personaMoved = !samePersona(before.persona, after.persona);
  if (!segmentMoved && !personaMoved) return undefined;
  const byPlaybook = before.playbookHash !== after.playbookHash;
  return {
    key: after.key,
    at: after.scoredAt,
    cause: byPlaybook ? 'playbook' : cause.kind,
    ...(segmentMoved ? { segment: { from: before.segment, to: after.segment } } : {}),
    ...(personaMoved
      ? { persona: { ...(before.persona ? { from: before.persona } : {}), ...(after.persona ? { to: after.persona } : {}) } }
      : {}),
    facts: factChanges(before.facts, after.facts),
    answers: answerChanges(before.answers, after.answers),
    ...(byPlaybook
      ? {
          playbook: {
            ...(before.playbookVersion ? { from: before.playbookVersion } : {}),
            to: after.playbookVersion,
            thresholds: thresholdChanges(context.previousPlaybook, context.playbook),
          },
        }
      : {}),
  };
}

/**
 * The persona suggestion, remembered for accounts without text (imported ones, CRM records
 * without notes). Without text, the suggestion can only come from the playbook's fact signals,
 * so accounts whose facts satisfy the same fact signals get the same suggestion: a 10,000-row
 * import asks the classifier a handful of times instead of 10,000.
 */
export function rememberingSuggest<S extends ReturnType<SuggestPersona>>(
  playbook: Playbook,
  suggest: (text: string, facts: Facts, playbook: Playbook) => S,
): (text: string, facts: Facts, playbook: Playbook) => S {
  const signals = playbook.personas.flatMap((persona) => persona.signals.flatMap((signal) => (signal.fact ? [signal.fact] : [])));
  const known = new Map<string, S>();
  return (text: string, facts: Facts, rules: Playbook) => {
    if (text.trim() !== '' || rules !== playbook) return suggest(text, facts, rules);
    let signature = '';
    for (const signal of signals) signature += matchesCondition(facts[signal.key], signal.when) ? '1' : '0';
    let suggestion = known.get(signature);
    if (!suggestion) {
      suggestion = suggest(text, facts, rules);
      known.set(signature, suggestion);
    }
    return suggestion;
  };
}
