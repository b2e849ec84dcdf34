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
export function scoreSegmentAndPersona(input: AssessInput, playbook: Playbook, suggest: SuggestPersona): AccountScoring {
  const { segment, points } = assessSegment(input.facts, input.answers, playbook);
  const { persona, chosenBy } = choosePersona(input.personaOverride, suggest(input.text, input.facts, playbook), playbook);
  return { segment: segment.id, points, persona, chosenBy };
}
