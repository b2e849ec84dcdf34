import { expect, test } from 'vitest';
import type { Facts } from '../../lib/core/facts';
import { assessSegment, type Answers } from '../../lib/core/segment';
import { segmentStanding } from '../../lib/core/segment-standing';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';

const standing = (facts: Facts, answers: Answers = {}) => {
  const assessment = assessSegment(facts, answers, DEFAULT_PLAYBOOK);
  const result = segmentStanding(assessment, DEFAULT_PLAYBOOK);
  return {
    segment: assessment.segment.id,
    points: assessment.points,
    scored: result.scored,
    because: result.unscoredBecause,
    known: `${result.known}/${result.total}`,
    threshold: result.threshold && `${result.threshold.segment.id}@${result.threshold.minPoints}`,
    deciding: result.deciding.map((c) => c.id),
  };
};

test.each<{ case: string; facts: Facts; answers: Answers; expected: ReturnType<typeof standing> }>([
  {
    case: 'a Gmail thread: no fact at all is no verdict, and the matrix axes are asked first',
    facts: {},
    answers: {},
    expected: { segment: 'low-touch', points: 0, scored: false, because: 'no-evidence', known: '0/10', threshold: 'standard@7', deciding: ['potential', 'share-of-wallet', 'employees'] },
  },
  {
    case: 'a sparse record (0 won, 0 open deals): at best 5 points, so Low-touch would only echo the gaps',
    facts: { wonDeals: 0, openDeals: 0, country: 'PL' },
    answers: {},
    expected: { segment: 'low-touch', points: 0, scored: false, because: 'too-little', known: '2/10', threshold: 'standard@7', deciding: ['potential', 'share-of-wallet', 'employees'] },
  },
  {
    case: 'Northwind: four facts could reach Standard, 8 points read against Growth from 14',
    facts: { employees: 420, annualRevenue: 38_000_000, wonDeals: 1, openDeals: 2 },
    answers: {},
    expected: { segment: 'standard', points: 8, scored: true, because: undefined, known: '4/10', threshold: 'growth@14', deciding: ['potential', 'share-of-wallet', 'cooperation'] },
  },
  {
    case: 'the matrix puts 18 points in Key: the threshold shown is Key from 20',
    facts: { employees: 420, annualRevenue: 38_000_000, wonDeals: 1, openDeals: 2 },
    answers: { potential: 'high', 'share-of-wallet': 'medium', cooperation: 'ongoing', 'local-decision': 'local' },
    expected: { segment: 'key', points: 19, scored: true, because: undefined, known: '8/10', threshold: 'key@20', deciding: ['product-breadth', 'referral-value'] },
  },
  {
    case: 'both matrix answers on an empty thread decide it: a verdict without any fact',
    facts: {},
    answers: { potential: 'low', 'share-of-wallet': 'low' },
    expected: { segment: 'low-touch', points: 1, scored: true, because: undefined, known: '2/10', threshold: 'standard@7', deciding: ['employees', 'annual-revenue', 'cooperation'] },
  },
])('$case', ({ facts, answers, expected }) => {
  expect(standing(facts, answers)).toEqual(expected);
});
