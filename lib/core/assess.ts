import type { Playbook } from '../playbook/schema';
import { buildChecklist, type ChecklistItem } from './checklist';
import type { Facts } from './facts';
import { assessSegment, type Answers, type SegmentAssessment } from './segment';
import { segmentStanding, type SegmentStanding } from './segment-standing';

/**
 * What `suggestPersona` (lib/core/persona/) returns, as far as this module needs it. A primary
 * is there only when the suggester found the text clear enough: suggestPersona applies the
 * playbook's `minConfidence` to its raw confidence, before calibration. `confidence` is the
 * calibrated one (how often such a suggestion is right), on another scale, so it is shown, not
 * compared with `minConfidence` again.
 */
export type PersonaSuggestionLike = { primary?: string; secondary?: string; confidence: number };

export type SuggestPersona = (text: string, facts: Facts, playbook: Playbook) => PersonaSuggestionLike;

export interface AssessInput {
  facts: Facts;
  answers: Answers;
  /** Email thread or notes the persona suggestion reads. */
  text: string;
  /** The rep's own choice; wins over the suggestion while its primary persona exists in the playbook. */
  personaOverride?: { primary: string; secondary?: string };
}

export interface AccountAssessment<S extends PersonaSuggestionLike = PersonaSuggestionLike> {
  segment: SegmentAssessment;
  /** Whether the segment is a verdict ("Not scored yet" when the facts are too few) and what would decide it. */
  standing: SegmentStanding;
  persona: {
    primary?: string;
    secondary?: string;
    /** `rep`: the override; `suggestion`: the suggestion, confident enough; `none`: neither. */
    chosenBy: 'rep' | 'suggestion' | 'none';
    /** The suggestion as made, even when the rep's choice or low confidence set it aside. */
    suggestion: S;
  };
  /** The tactics for the account: the persona's, and the segment's once the segment is scored. */
  checklist: ChecklistItem[];
}

/**
 * Everything the panel shows for an account: segment, persona and checklist.
 *
 * The persona is the rep's override when its primary persona still exists in the
 * playbook (an unknown secondary is dropped); otherwise the suggestion, when it has a
 * primary (the suggester applied `personaSuggestion.minConfidence`) that exists in the
 * playbook; otherwise none.
 *
 * An unscored segment is no verdict: the lowest segment it falls back to only echoes the
 * missing facts, so its tactics are not in the checklist until the segment is scored.
 */
export function assessAccount<S extends PersonaSuggestionLike>(
  input: AssessInput,
  playbook: Playbook,
  suggest: (text: string, facts: Facts, playbook: Playbook) => S,
): AccountAssessment<S> {
  const segment = assessSegment(input.facts, input.answers, playbook);
  const standing = segmentStanding(segment, playbook);
  const suggestion = suggest(input.text, input.facts, playbook);
  const { persona, chosenBy } = choosePersona(input.personaOverride, suggestion, playbook);

  return {
    segment,
    standing,
    persona: { ...persona, chosenBy, suggestion },
    checklist: buildChecklist(standing.scored ? segment.segment.id : undefined, persona, playbook),
  };
}

/**
 * The persona rule assessAccount states: the rep's known override, else the suggestion's known
 * primary, else none. The calibrated confidence is not checked against `minConfidence` here:
 * the cut-off is on the raw confidence (suggest.ts), and re-checking the calibrated value
 * could only drop a suggestion the suggester made (a playbook whose calibration maps its
 * `minConfidence` lower), leaving its primary in the suggestion but not on screen.
 */
function choosePersona(
  override: AssessInput['personaOverride'],
  suggestion: PersonaSuggestionLike,
  playbook: Playbook,
): { persona: { primary?: string; secondary?: string }; chosenBy: AccountAssessment['persona']['chosenBy'] } {
  const known = (id: string | undefined): id is string => id !== undefined && playbook.personas.some((p) => p.id === id);
  const pick = (primary: string, secondary: string | undefined) =>
    known(secondary) && secondary !== primary ? { primary, secondary } : { primary };
  if (override && known(override.primary)) return { persona: pick(override.primary, override.secondary), chosenBy: 'rep' };
  if (known(suggestion.primary))
    return { persona: pick(suggestion.primary, suggestion.secondary), chosenBy: 'suggestion' };
  return { persona: {}, chosenBy: 'none' };
}

/** What scoring a whole book keeps of an account: its segment and persona, by the rules assessAccount applies. */
export interface AccountScoring {
  /** The segment's id. */
  segment: string;
  points: number;
  persona: { primary?: string; secondary?: string };
  chosenBy: AccountAssessment['persona']['chosenBy'];
}

/**
 * The segment and persona assessAccount gives, without what only the panel shows: the
 * standing (what would decide an unscored segment) and the checklist. Scoring a 10,000-row
 * import threw those away for every account, and they were most of its CPU time. Same rules
 * (assessSegment, the same persona choice), so the book and the panel never disagree.
 */
export function scoreSegmentAndPersona(input: AssessInput, playbook: Playbook, suggest: SuggestPersona, segmentOf: SegmentScorer = segmentScorer(playbook)): AccountScoring {
  const { segment, points } = segmentOf(input.facts, input.answers);
  const { persona, chosenBy } = choosePersona(input.personaOverride, suggest(input.text, input.facts, playbook), playbook);
  return { segment, points, persona, chosenBy };
}

/** An account's segment id and points under one playbook (assessSegment's, without its reasons). */
export type SegmentScorer = (facts: Facts, answers: Answers) => { segment: string; points: number };

function segmentScorer(playbook: Playbook): SegmentScorer {
  return (facts, answers) => {
    const { segment, points } = assessSegment(facts, answers, playbook);
    return { segment: segment.id, points };
  };
}

/** Each signature's segment kept at most; a book of 50,000 different accounts must not keep 50,000. */
const REMEMBERED_SEGMENTS = 5000;

/**
 * assessSegment for many accounts under one playbook (a CSV import, a re-scored book), with
 * each outcome remembered by what it reads: per criterion, the rep's answer and the value of the
 * criterion's fact (with its type: "250" and 250 are told apart). Two accounts alike in those
 * get the same segment and points by construction. An import's rows mostly share a handful of
 * such signatures, and matching a fact against a criterion's options (case folding every
 * `equals`/`contains` entry) was most of the time scoring took.
 */
export function rememberingSegment(playbook: Playbook): SegmentScorer {
  const score = segmentScorer(playbook);
  const criteria = playbook.segmentation.criteria;
  const known = new Map<string, { segment: string; points: number }>();
  const part = (value: unknown) =>
    typeof value === 'string' ? `s${value.length}:${value}` : typeof value === 'number' ? `n${value}` : typeof value === 'undefined' ? 'u' : undefined;
  return (facts, answers) => {
    let signature = '';
    for (const criterion of criteria) {
      const answer = Object.hasOwn(answers, criterion.id) ? part(answers[criterion.id]) : 'u';
      const fact = criterion.fact !== undefined ? part(facts[criterion.fact]) : 'u';
      // A value of another type (not from a CSV or a page) is scored, not remembered.
      if (answer === undefined || fact === undefined) return score(facts, answers);
      signature += `${answer}|${fact}|`;
    }
    let outcome = known.get(signature);
    if (!outcome) {
      outcome = score(facts, answers);
      if (known.size >= REMEMBERED_SEGMENTS) known.clear();
      known.set(signature, outcome);
    }
    return outcome;
  };
}
