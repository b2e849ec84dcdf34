import type { AccountAssessment, PersonaSuggestionLike } from '../core/assess';
import { buildChecklist } from '../core/checklist';
import type { Playbook, Segment } from '../playbook/schema';
import type { Pin } from './types';

export type PinRule = NonNullable<Playbook['segmentation']['pinning']>;

/** A reason shorter than this is not a reason ("ok", "x"). */
export const MIN_REASON_LENGTH = 5;
export const MAX_REASON_LENGTH = 500;

/** What the team's playbook says about pins; a playbook that says nothing asks for a reason. */
export function pinRule(playbook: Playbook): PinRule {
  return playbook.segmentation.pinning ?? 'reason';
}

export type PinCheck =
  | { ok: true; pin: Omit<Pin, 'key' | 'at'> }
  | { ok: false; code: 'forbidden' | 'reason-required' | 'reason-too-long' | 'unknown-segment' };

/** Whether a rep may pin to `segment` with `reason` under the playbook; the reason is trimmed. */
export function checkPin(playbook: Playbook, segment: string, reason: string): PinCheck {
  const rule = pinRule(playbook);
  if (rule === 'forbidden') return { ok: false, code: 'forbidden' };
  if (!playbook.segmentation.segments.some((s) => s.id === segment)) return { ok: false, code: 'unknown-segment' };
  const text = reason.trim().replace(/\s+/g, ' ');
  if (text.length > MAX_REASON_LENGTH) return { ok: false, code: 'reason-too-long' };
  if (rule === 'reason' && text.length < MIN_REASON_LENGTH) return { ok: false, code: 'reason-required' };
  return { ok: true, pin: { segment, reason: text } };
}

/** Whether the playbook applies the pin: it allows pins and still has the pinned segment. */
export function honoursPin(pin: Pick<Pin, 'segment'>, playbook: Playbook): boolean {
  return pinRule(playbook) !== 'forbidden' && playbook.segmentation.segments.some((s) => s.id === pin.segment);
}

/**
 * The segment an account is treated as: the pin's, while the playbook allows pins and still
 * has that segment; otherwise the scored one. A pin the playbook set aside is kept, not
 * deleted, so a rollback or a later playbook can honour it again.
 */
export function effectiveSegment(scored: string, pin: Pick<Pin, 'segment'> | undefined, playbook: Playbook): { segment: string; pinned: boolean } {
  if (pin && honoursPin(pin, playbook)) return { segment: pin.segment, pinned: true };
  return { segment: scored, pinned: false };
}

/**
 * The assessment the panel shows for an account the rep pinned: the pinned segment, its service
 * level and its tactics in the checklist, counted as a verdict (the rep decided it). The points,
 * reasons and questions stay the score's, so the segment's story still says what the facts give.
 * Without a pin the playbook honours, the assessment is returned as it is.
 */
export function applyPin<S extends PersonaSuggestionLike>(
  assessment: AccountAssessment<S>,
  pin: Pick<Pin, 'segment'> | undefined,
  playbook: Playbook,
): AccountAssessment<S> & { scoredSegment?: Segment } {
  const { segment: id, pinned } = effectiveSegment(assessment.segment.segment.id, pin, playbook);
  if (!pinned) return assessment;
  const segment = playbook.segmentation.segments.find((s) => s.id === id)!;
  const standing = { ...assessment.standing, scored: true };
  delete standing.unscoredBecause;
  return {
    ...assessment,
    /** What the score gives, shown beside the pin ("Scored: Standard"). */
    scoredSegment: assessment.segment.segment,
    segment: { ...assessment.segment, segment, serviceLevel: segment.serviceLevel },
    standing,
    checklist: buildChecklist(id, assessment.persona, playbook),
  };
}
