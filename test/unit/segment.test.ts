import { describe, expect, test } from 'vitest';
import type { Facts } from '../../lib/core/facts';
import { assessSegment, type Answers, type SegmentAssessment } from '../../lib/core/segment';
import { parsePlaybook, type Playbook } from '../../lib/playbook/schema';
import smallJson from '../fixtures/playbooks/small.json';

function load(json: unknown): Playbook {
  const result = parsePlaybook(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.playbook;
}

const playbook = load(smallJson);

/** The decision in a form a table can state. */
function summary(a: SegmentAssessment) {
  return {
    segment: a.segment.id,
    points: a.points,
    decidedBy: a.decidedBy,
    cell: a.matrixCell ? `${a.matrixCell.row.id}×${a.matrixCell.column.id}` : undefined,
  };
}

const reasonOf = (a: SegmentAssessment, id: string) => a.reasons.find((r) => r.criterionId === id);

describe('assessSegment on the small fixture', () => {
  test('the fixture passes parsePlaybook', () => {
    expect(parsePlaybook(smallJson).ok).toBe(true);
  });

  test.each<[string, Facts, Answers, ReturnType<typeof summary>]>([
    ['nothing known: 0 points is below every minimum → lowest segment', {}, {}, { segment: 'small', points: 0, decidedBy: 'points', cell: undefined }],
    [
      'negative points below every minimum → lowest segment',
      { employees: 10 },
      { wallet: 'low' },
      { segment: 'small', points: -5, decidedBy: 'points', cell: undefined },
    ],
    [
      'exactly the key minimum (70) is key',
      { employees: 1000, annualRevenue: 10_000_000, industry: 'Logistics', wonDeals: 0 },
      {},
      { segment: 'key', points: 70, decidedBy: 'points', cell: undefined },
    ],
    [
      'one band lower on employees (999) drops below key',
      { employees: 999, annualRevenue: 10_000_000, industry: 'Logistics', wonDeals: 0 },
      {},
      { segment: 'standard', points: 55, decidedBy: 'points', cell: undefined },
    ],
    [
      'exactly the standard minimum (40)',
      { employees: 50, annualRevenue: 1_000_000, industry: 'logistics' },
      {},
      { segment: 'standard', points: 40, decidedBy: 'points', cell: undefined },
    ],
    [
      'one employee under the medium band (49)',
      { employees: 49, annualRevenue: 1_000_000, industry: 'logistics' },
      {},
      { segment: 'small', points: 25, decidedBy: 'points', cell: undefined },
    ],
    [
      'contains rule and won-deal band',
      { employees: 999, annualRevenue: 10_000_000, industry: 'Cloud SaaS platform', wonDeals: 1 },
      {},
      { segment: 'standard', points: 60, decidedBy: 'points', cell: undefined },
    ],
    [
      'numeric strings from a page compare as numbers',
      { employees: '250', annualRevenue: '20000000', wonDeals: '3' },
      {},
      { segment: 'standard', points: 15 + 30 + 20, decidedBy: 'points', cell: undefined },
    ],
    [
      'matrix lifts a low-points account to key (high potential × low wallet)',
      { employees: 10, annualRevenue: 20_000_000 },
      { wallet: 'low' },
      { segment: 'key', points: 25, decidedBy: 'matrix', cell: 'high×low' },
    ],
    [
      'matrix lowers a high-points account to small (low potential × medium wallet)',
      { employees: 5000, annualRevenue: 500_000, industry: 'Manufacturing', wonDeals: 5 },
      { wallet: 'medium' },
      { segment: 'small', points: 70, decidedBy: 'matrix', cell: 'low×medium' },
    ],
    [
      'only the potential axis known: points decide',
      { employees: 5000, annualRevenue: 20_000_000 },
      {},
      { segment: 'standard', points: 60, decidedBy: 'points', cell: undefined },
    ],
    [
      'only the wallet axis known: points decide',
      { employees: 5000 },
      { wallet: 'high' },
      { segment: 'standard', points: 50, decidedBy: 'points', cell: undefined },
    ],
    [
      'both axes known but the matrix has no such cell (low × low): points decide',
      { employees: 5000, annualRevenue: 500_000, industry: 'Manufacturing', wonDeals: 5 },
      { wallet: 'low' },
      { segment: 'standard', points: 55, decidedBy: 'points', cell: undefined },
    ],
    [
      'a matrix axis answered by the rep beats its fact',
      { annualRevenue: 20_000_000 },
      { potential: 'low', wallet: 'medium' },
      { segment: 'small', points: 10, decidedBy: 'matrix', cell: 'low×medium' },
    ],
    [
      'answer beats fact for points (20 employees, but the rep says large: 30 + 10)',
      { employees: 20 },
      { size: 'large', industry: 'target' },
      { segment: 'standard', points: 40, decidedBy: 'points', cell: undefined },
    ],
    [
      'unknown criteria and options in answers are ignored',
      { employees: 2000, industry: 'Manufacturing' },
      { size: 'huge', industry: 'repeat', nope: 'x', wallet: 'high' },
      { segment: 'standard', points: 60, decidedBy: 'points', cell: undefined },
    ],
  ])('%s', (_name, facts, answers, expected) => {
    expect(summary(assessSegment(facts, answers, playbook))).toEqual(expected);
  });

  test.each<[string, Facts, Answers, string, Partial<ReturnType<typeof describeReason>>]>([
    ['fact in band', { employees: 250 }, {}, 'size', { source: 'fact', option: 'medium', points: 15, factValue: 250 }],
    ['answer beats fact, fact value kept', { employees: 20 }, { size: 'large' }, 'size', { source: 'answer', option: 'large', points: 30, factValue: 20 }],
    ['answer without a fact', {}, { wallet: 'low' }, 'wallet', { source: 'answer', option: 'low', points: -5, factValue: undefined }],
    ['fact present, no option fits', { industry: 'Retail' }, {}, 'industry', { source: 'unmatched', option: undefined, points: 0, factValue: 'Retail' }],
    ['fact absent', {}, {}, 'industry', { source: 'missing', option: undefined, points: 0, factValue: undefined }],
    ['blank fact counts as absent', { industry: '  ' }, {}, 'industry', { source: 'missing', option: undefined, points: 0, factValue: undefined }],
    ['unknown option falls back to the fact', { industry: 'Logistics' }, { industry: 'nonsense' }, 'industry', { source: 'fact', option: 'target', points: 10 }],
    ['option with no `when` only by answer', { industry: 'Retail' }, { industry: 'other' }, 'industry', { source: 'answer', option: 'other', points: 0, factValue: 'Retail' }],
  ])('reason: %s', (_name, facts, answers, criterionId, expected) => {
    const reason = reasonOf(assessSegment(facts, answers, playbook), criterionId);
    expect(reason).toBeDefined();
    expect(describeReason(reason!)).toMatchObject(expected);
  });

  test.each<[string, Facts, Answers, string[], string[]]>([
    ['nothing known', {}, {}, ['size', 'potential', 'wallet', 'industry', 'history'], ['size', 'potential', 'wallet', 'industry']],
    [
      'facts decide size and potential, so they are not asked; history is never asked',
      { employees: 2000, annualRevenue: 5_000_000 },
      {},
      ['wallet', 'industry', 'history'],
      ['wallet', 'industry'],
    ],
    [
      'an unmatched fact is not missing but is still asked',
      { employees: 2000, annualRevenue: 5_000_000, industry: 'Retail', wonDeals: 0 },
      {},
      ['wallet'],
      ['wallet', 'industry'],
    ],
    [
      'answered criteria stay in the questions (to change the answer) and leave missing',
      { employees: 2000 },
      { potential: 'high', wallet: 'medium' },
      ['industry', 'history'],
      ['potential', 'wallet', 'industry'],
    ],
    [
      'an answer overriding a fact keeps its question',
      { employees: 2000, annualRevenue: 5_000_000, industry: 'Logistics', wonDeals: 4 },
      { size: 'small' },
      ['wallet'],
      ['size', 'wallet'],
    ],
  ])('missing and questions: %s', (_name, facts, answers, missing, questions) => {
    const a = assessSegment(facts, answers, playbook);
    expect(a.missing.map((c) => c.id)).toEqual(missing);
    expect(a.questions.map((q) => q.criterion.id)).toEqual(questions);
  });

  test('questions carry the current answer', () => {
    const a = assessSegment({ employees: 2000 }, { wallet: 'medium', size: 'small' }, playbook);
    expect(a.questions.map((q) => [q.criterion.id, q.answer?.id])).toEqual([
      ['size', 'small'],
      ['potential', undefined],
      ['wallet', 'medium'],
      ['industry', undefined],
    ]);
  });

  test('reasons follow playbook order and sum to the points; service level is the segment’s', () => {
    const a = assessSegment({ employees: 1200, annualRevenue: 3_000_000, wonDeals: 2 }, { wallet: 'high' }, playbook);
    expect(a.reasons.map((r) => r.criterionId)).toEqual(['size', 'potential', 'wallet', 'industry', 'history']);
    expect(a.reasons.reduce((s, r) => s + r.points, 0)).toBe(a.points);
    expect(a.points).toBe(30 + 15 + 20 + 0 + 10);
    expect(a.segment.id).toBe('key'); // matrix medium × high
    expect(a.decidedBy).toBe('matrix');
    expect(a.serviceLevel).toEqual(a.segment.serviceLevel);
    expect(a.serviceLevel.touch).toBe('high');
  });
});

function describeReason(r: NonNullable<ReturnType<typeof reasonOf>>) {
  return { source: r.source, option: r.option?.id, points: r.points, factValue: r.factValue };
}

describe('assessSegment on unusual but valid playbooks', () => {
  const variant = (edit: (json: any) => void): Playbook => {
    const json = structuredClone(smallJson) as any;
    edit(json);
    return load(json);
  };

  test.each<[string, Playbook, Facts, Answers, string]>([
    [
      'no criteria at all → 0 points → the segment with the lowest minimum',
      variant((j) => {
        j.segmentation.criteria = [];
        delete j.segmentation.matrix;
      }),
      { employees: 5000 },
      {},
      'small',
    ],
    [
      'a single segment is always chosen',
      variant((j) => {
        j.segmentation.segments = [j.segmentation.segments[0]];
        j.segmentation.matrix.cells = [{ row: 'high', column: 'high', segment: 'key' }];
      }),
      {},
      {},
      'key',
    ],
    [
      'segments listed in ascending order pick the same way',
      variant((j) => j.segmentation.segments.reverse()),
      { employees: 1000, annualRevenue: 10_000_000, industry: 'Logistics' },
      {},
      'key',
    ],
    [
      'equal minimums: the first listed wins',
      variant((j) => {
        j.segmentation.segments[1].minPoints = 70;
      }),
      { employees: 1000, annualRevenue: 10_000_000, industry: 'Logistics' },
      {},
      'key',
    ],
    [
      'answers keyed like Object.prototype members are just unknown answers',
      playbook,
      {},
      JSON.parse('{"constructor":"x","__proto__":"y","toString":"z"}') as Answers,
      'small',
    ],
  ])('%s', (_name, pb, facts, answers, segmentId) => {
    expect(() => assessSegment(facts, answers, pb)).not.toThrow();
    expect(assessSegment(facts, answers, pb).segment.id).toBe(segmentId);
  });
});
