import type { Criterion, Playbook, Segment } from '../playbook/schema';
import type { SegmentAssessment } from './segment';

/** How many questions the panel puts at the top when the segment is not scored yet. */
export const DECIDING_QUESTIONS = 3;

export interface SegmentStanding {
  /**
   * False when the facts and answers are too few for a verdict:
   * - `no-evidence`: no criterion is known (a Gmail thread, a custom CRM);
   * - `too-little`: the known criteria could not lift the account above the lowest segment
   *   even with their best options, so the lowest segment would only echo the missing data.
   * A matrix decision is always a verdict: the rep answered both of its axes.
   */
  scored: boolean;
  unscoredBecause?: 'no-evidence' | 'too-little';
  /** Criteria known from a fact or an answer, out of all criteria. */
  known: number;
  total: number;
  /** The threshold the points are read against: the next segment up, or the shown segment when the matrix put it above its points, or the top segment's own. */
  threshold?: { segment: Segment; minPoints: number };
  /** Unanswered questions that would decide the segment soonest, most decisive first (at most `DECIDING_QUESTIONS`). */
  deciding: Criterion[];
}

/**
 * Whether the segment is a verdict or a guess, and what would decide it.
 *
 * "Known" means a criterion has a fact or an answer. The bar for a verdict is that the known
 * criteria, at their best, could reach the second-lowest segment: below that, the lowest
 * segment is the only possible outcome and says nothing about the account. Questions are
 * ranked: the matrix's axes first (answering both decides outright), then by how many points
 * they can swing (best minus worst option), playbook order on ties.
 */
export function segmentStanding(assessment: SegmentAssessment, playbook: Playbook, limit = DECIDING_QUESTIONS): SegmentStanding {
  const { segments, matrix } = playbook.segmentation;
  const knownReasons = assessment.reasons.filter((r) => r.source === 'fact' || r.source === 'answer');
  const knownBest = knownReasons.reduce((sum, r) => sum + Math.max(0, ...r.criterion.options.map((o) => o.points)), 0);
  const bars = [...new Set(segments.map((s) => s.minPoints))].sort((a, b) => a - b);
  const secondBar = bars[1];

  let unscoredBecause: SegmentStanding['unscoredBecause'];
  if (assessment.decidedBy !== 'matrix') {
    if (knownReasons.length === 0) unscoredBecause = 'no-evidence';
    else if (secondBar !== undefined && knownBest < secondBar) unscoredBecause = 'too-little';
  }

  const askable = assessment.questions.filter((q) => !q.answer).map((q) => q.criterion);
  const axes = matrix ? [matrix.rows, matrix.columns] : [];
  const swing = (c: Criterion) => {
    const points = c.options.map((o) => o.points);
    return Math.max(...points) - Math.min(...points);
  };
  const rank = (c: Criterion) => (axes.includes(c.id) ? -1000 + axes.indexOf(c.id) : -swing(c));
  const deciding = askable
    .map((criterion, index) => ({ criterion, index }))
    .sort((a, b) => rank(a.criterion) - rank(b.criterion) || a.index - b.index)
    .slice(0, limit)
    .map(({ criterion }) => criterion);

  return {
    scored: unscoredBecause === undefined,
    ...(unscoredBecause ? { unscoredBecause } : {}),
    known: knownReasons.length,
    total: assessment.reasons.length,
    ...thresholdOf(assessment, segments),
    deciding,
  };
}

function thresholdOf(assessment: SegmentAssessment, segments: readonly Segment[]): Pick<SegmentStanding, 'threshold'> {
  const { segment, points } = assessment;
  if (points < segment.minPoints) return { threshold: { segment, minPoints: segment.minPoints } };
  const next = segments.filter((s) => s.minPoints > points).sort((a, b) => a.minPoints - b.minPoints)[0];
  if (next) return { threshold: { segment: next, minPoints: next.minPoints } };
  const top = [...segments].sort((a, b) => b.minPoints - a.minPoints)[0];
  return top ? { threshold: { segment: top, minPoints: top.minPoints } } : {};
}
