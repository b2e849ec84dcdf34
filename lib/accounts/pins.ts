import type { Playbook } from '../playbook/schema';
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

/**
 * The segment an account is treated as: the pin's, while the playbook allows pins and still
 * has that segment; otherwise the scored one. A pin the playbook set aside is kept, not
 * deleted, so a rollback or a later playbook can honour it again.
 */
export function effectiveSegment(scored: string, pin: Pick<Pin, 'segment'> | undefined, playbook: Playbook): { segment: string; pinned: boolean } {
  if (pin && pinRule(playbook) !== 'forbidden' && playbook.segmentation.segments.some((s) => s.id === pin.segment))
    return { segment: pin.segment, pinned: true };
  return { segment: scored, pinned: false };
}
