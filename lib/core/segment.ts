import type { Criterion, CriterionOption, Playbook, Segment, ServiceLevel } from '../playbook/schema';
import { hasValue, matchesCondition } from './condition';
import type { Facts } from './facts';

/** The rep's answers: criterion id → option id. */
export type Answers = Record<string /* criterion id */, string /* option id */>;

export interface SegmentReason {
  criterionId: string;
  criterion: Criterion;
  /** The option that scored, if any. */
  option?: CriterionOption;
  points: number;
  /**
   * `answer`: the rep chose the option (wins over a fact);
   * `fact`: the page's fact satisfied the option's `when`;
   * `unmatched`: the page has the fact but no option's `when` fits it;
   * `missing`: neither a usable answer nor the fact.
   */
  source: 'answer' | 'fact' | 'missing' | 'unmatched';
  /** The page's value for the criterion's fact, when the page has one. */
  factValue?: number | string;
}

export interface SegmentAssessment {
  segment: Segment;
  points: number;
  decidedBy: 'points' | 'matrix';
  matrixCell?: { row: CriterionOption; column: CriterionOption };
  /** One per criterion, in playbook order. */
  reasons: SegmentReason[];
  /** Criteria the rep can answer (ask: true and not decided by a fact), in playbook order, with the current answer. */
  questions: { criterion: Criterion; answer?: CriterionOption }[];
  /** Criteria with neither fact nor answer. */
  missing: Criterion[];
  serviceLevel: ServiceLevel;
}

/**
 * Scores an account against the playbook's segmentation.
 *
 * Per criterion: the rep's answer (when it names one of the criterion's options)
 * wins over the page's fact; otherwise the first option whose `when` matches the
 * fact. Points are summed and pick the segment with the highest `minPoints` not
 * above them (the lowest segment when points are below every minimum). When the
 * playbook has a matrix and both of its criteria have an option, the matrix cell
 * decides instead. Answers naming unknown criteria or options are ignored.
 */
export function assessSegment(facts: Facts, answers: Answers, playbook: Playbook): SegmentAssessment {
  const { criteria, segments, matrix } = playbook.segmentation;

  const reasons = criteria.map((criterion) => reasonFor(criterion, facts, answers));
  const points = reasons.reduce((sum, reason) => sum + reason.points, 0);

  let segment = segmentForPoints(points, segments);
  let decidedBy: SegmentAssessment['decidedBy'] = 'points';
  let matrixCell: SegmentAssessment['matrixCell'];
  if (matrix) {
    const row = reasons.find((r) => r.criterionId === matrix.rows)?.option;
    const column = reasons.find((r) => r.criterionId === matrix.columns)?.option;
    if (row && column) {
      const cell = matrix.cells.find((c) => c.row === row.id && c.column === column.id);
      const cellSegment = cell && segments.find((s) => s.id === cell.segment);
      // A matrix without this combination leaves the decision to the points.
      if (cellSegment) {
        segment = cellSegment;
        decidedBy = 'matrix';
        matrixCell = { row, column };
      }
    }
  }

  const questions: SegmentAssessment['questions'] = [];
  const missing: Criterion[] = [];
  for (const reason of reasons) {
    if (reason.criterion.ask && reason.source !== 'fact')
      questions.push(reason.source === 'answer' ? { criterion: reason.criterion, answer: reason.option } : { criterion: reason.criterion });
    if (reason.source === 'missing') missing.push(reason.criterion);
  }

  return {
    segment,
    points,
    decidedBy,
    ...(matrixCell ? { matrixCell } : {}),
    reasons,
    questions,
    missing,
    serviceLevel: segment.serviceLevel,
  };
}

function reasonFor(criterion: Criterion, facts: Facts, answers: Answers): SegmentReason {
  const base = { criterionId: criterion.id, criterion };
  const rawFact = criterion.fact !== undefined ? facts[criterion.fact] : undefined;
  const factValue = hasValue(rawFact) ? rawFact : undefined;
  const withFact = factValue !== undefined ? { factValue } : {};

  const answerId = Object.hasOwn(answers, criterion.id) ? answers[criterion.id] : undefined;
  const answered = typeof answerId === 'string' ? criterion.options.find((o) => o.id === answerId) : undefined;
  if (answered) return { ...base, option: answered, points: answered.points, source: 'answer', ...withFact };

  if (factValue === undefined) return { ...base, points: 0, source: 'missing' };
  const matched = criterion.options.find((o) => o.when !== undefined && matchesCondition(factValue, o.when));
  if (matched) return { ...base, option: matched, points: matched.points, source: 'fact', factValue };
  return { ...base, points: 0, source: 'unmatched', factValue };
}

/** The segment with the highest `minPoints` ≤ points (the first such in playbook order on a tie), else the lowest. */
function segmentForPoints(points: number, segments: readonly Segment[]): Segment {
  let reached: Segment | undefined;
  let lowest: Segment | undefined;
  for (const segment of segments) {
    if (segment.minPoints <= points && (!reached || segment.minPoints > reached.minPoints)) reached = segment;
    if (!lowest || segment.minPoints < lowest.minPoints) lowest = segment;
  }
  const chosen = reached ?? lowest;
  // parsePlaybook requires at least one segment.
  if (!chosen) throw new Error('playbook has no segments');
  return chosen;
}
