import type { Playbook } from '../playbook/schema';
import { buildChecklist, type ChecklistItem } from './checklist';
import type { Facts } from './facts';
import { assessSegment, type Answers, type SegmentAssessment } from './segment';

/** What `suggestPersona` (lib/core/persona/) returns, as far as this module needs it. */
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
  persona: {
    primary?: string;
    secondary?: string;
    /** `rep`: the override; `suggestion`: the suggestion, confident enough; `none`: neither. */
    chosenBy: 'rep' | 'suggestion' | 'none';
    /** The suggestion as made, even when the rep's choice or low confidence set it aside. */
    suggestion: S;
  };
  checklist: ChecklistItem[];
}

/**
 * Everything the panel shows for an account: segment, persona and checklist.
 *
 * The persona is the rep's override when its primary persona still exists in the
 * playbook (an unknown secondary is dropped); otherwise the suggestion, when its
 * primary exists and its confidence reaches `personaSuggestion.minConfidence`;
 * otherwise none.
 */
export function assessAccount<S extends PersonaSuggestionLike>(
  input: AssessInput,
  playbook: Playbook,
  suggest: (text: string, facts: Facts, playbook: Playbook) => S,
): AccountAssessment<S> {
  const segment = assessSegment(input.facts, input.answers, playbook);
  const suggestion = suggest(input.text, input.facts, playbook);

  const known = (id: string | undefined): id is string => id !== undefined && playbook.personas.some((p) => p.id === id);
  const pick = (primary: string, secondary: string | undefined) =>
    known(secondary) && secondary !== primary ? { primary, secondary } : { primary };

  let persona: { primary?: string; secondary?: string };
  let chosenBy: AccountAssessment['persona']['chosenBy'];
  const override = input.personaOverride;
  if (override && known(override.primary)) {
    persona = pick(override.primary, override.secondary);
    chosenBy = 'rep';
  } else if (known(suggestion.primary) && suggestion.confidence >= playbook.personaSuggestion.minConfidence) {
    persona = pick(suggestion.primary, suggestion.secondary);
    chosenBy = 'suggestion';
  } else {
    persona = {};
    chosenBy = 'none';
  }

  return {
    segment,
    persona: { ...persona, chosenBy, suggestion },
    checklist: buildChecklist(segment.segment.id, persona, playbook),
  };
}
