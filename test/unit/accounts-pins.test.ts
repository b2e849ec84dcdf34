import { expect, test } from 'vitest';
import { applyPin } from '../../lib/accounts/pins';
import { assessAccount } from '../../lib/core/assess';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import type { Playbook } from '../../lib/playbook/schema';

// A Gmail thread with no facts: the default playbook cannot score it ("Not scored yet").
const unscored = assessAccount({ facts: {}, answers: {}, text: '' }, DEFAULT_PLAYBOOK, () => ({ confidence: 0 }));

test('a pin makes an unscored account a verdict: the pinned segment, its service level and its tactics', () => {
  expect(unscored.standing.scored).toBe(false);
  const pinned = applyPin(unscored, { segment: 'growth' }, DEFAULT_PLAYBOOK);
  expect(pinned.segment.segment.id).toBe('growth');
  expect(pinned.standing.scored).toBe(true);
  expect(pinned.standing.unscoredBecause).toBeUndefined();
  expect(pinned.scoredSegment?.id).toBe('low-touch');
  expect(pinned.checklist.map((item) => item.id)).toEqual(['growth-share-plan', 'growth-trial-to-volume', 'growth-manage-moves', 'growth-relevant-content']);
  expect(pinned.segment.serviceLevel).toBe(DEFAULT_PLAYBOOK.segmentation.segments.find((s) => s.id === 'growth')!.serviceLevel);
});

test('without a pin, or with one the playbook forbids or no longer has, the assessment is the score', () => {
  expect(applyPin(unscored, undefined, DEFAULT_PLAYBOOK)).toBe(unscored);
  const forbidding: Playbook = { ...DEFAULT_PLAYBOOK, segmentation: { ...DEFAULT_PLAYBOOK.segmentation, pinning: 'forbidden' } };
  expect(applyPin(unscored, { segment: 'growth' }, forbidding)).toBe(unscored);
  expect(applyPin(unscored, { segment: 'strategic' }, DEFAULT_PLAYBOOK)).toBe(unscored);
});
