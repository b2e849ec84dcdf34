import { describe, expect, test } from 'vitest';
import { assessAccount, rememberingSegment, scoreSegmentAndPersona, type AssessInput, type PersonaSuggestionLike } from '../../lib/core/assess';
import { assessSegment } from '../../lib/core/segment';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';

// The book scores with scoreSegmentAndPersona, the panel with assessAccount: an account must
// land in the same segment with the same persona in both. Expected values worked out by hand
// from the default playbook (key ≥ 20 points, growth ≥ 14, standard ≥ 7, else low-touch; the
// potential × share-of-wallet matrix decides when both are answered; minConfidence 0.35).
const playbook = DEFAULT_PLAYBOOK;
const confident: PersonaSuggestionLike = { primary: 'expert', confidence: 0.8 };
// Below the playbook's minConfidence (0.35) suggestPersona names no primary.
const unsure: PersonaSuggestionLike = { confidence: 0.2 };
const big = { employees: 2400, annualRevenue: 400_000_000, wonDeals: 12, openDeals: 3 }; // 4 + 4 + 3 + 2 = 13 points

describe('scoreSegmentAndPersona gives the segment and persona assessAccount gives', () => {
  test.each<[string, AssessInput, PersonaSuggestionLike, { segment: string; points: number; persona: { primary?: string; secondary?: string }; chosenBy: string }]>([
    ['large firm, 90 M revenue, nothing answered: 6 points', { facts: { employees: 600, annualRevenue: 90_000_000 }, answers: {}, text: '' }, confident, { segment: 'low-touch', points: 6, persona: { primary: 'expert' }, chosenBy: 'suggestion' }],
    ['13 points from facts: standard', { facts: big, answers: {}, text: '' }, confident, { segment: 'standard', points: 13, persona: { primary: 'expert' }, chosenBy: 'suggestion' }],
    ['13 + ongoing cooperation (3): growth', { facts: big, answers: { cooperation: 'ongoing' }, text: '' }, unsure, { segment: 'growth', points: 16, persona: {}, chosenBy: 'none' }],
    [
      'exactly 20 points: key',
      { facts: big, answers: { cooperation: 'ongoing', 'product-breadth': 'wide', 'referral-value': 'strong' }, text: '' },
      confident,
      { segment: 'key', points: 20, persona: { primary: 'expert' }, chosenBy: 'suggestion' },
    ],
    ['a micro firm with high potential and medium share of wallet: the matrix says key', { facts: { employees: 8 }, answers: { potential: 'high', 'share-of-wallet': 'medium' }, text: '' }, unsure, { segment: 'key', points: 6, persona: {}, chosenBy: 'none' }],
    [
      '25 points but low potential, high share: the matrix says low-touch',
      { facts: big, answers: { cooperation: 'ongoing', 'product-breadth': 'wide', 'referral-value': 'strong', 'local-decision': 'local', potential: 'low', 'share-of-wallet': 'high' }, text: '' },
      confident,
      { segment: 'low-touch', points: 25, persona: { primary: 'expert' }, chosenBy: 'suggestion' },
    ],
    ['an answer naming no option of its criterion is ignored', { facts: big, answers: { cooperation: 'forever' }, text: '' }, confident, { segment: 'standard', points: 13, persona: { primary: 'expert' }, chosenBy: 'suggestion' }],
    ['no facts, the rep chose burned with novice', { facts: {}, answers: {}, text: '', personaOverride: { primary: 'burned', secondary: 'novice' } }, confident, { segment: 'low-touch', points: 0, persona: { primary: 'burned', secondary: 'novice' }, chosenBy: 'rep' }],
    ['the rep chose a persona the playbook dropped: the suggestion, when confident', { facts: {}, answers: {}, text: '', personaOverride: { primary: 'ghost' } }, confident, { segment: 'low-touch', points: 0, persona: { primary: 'expert' }, chosenBy: 'suggestion' }],
    ['a suggestion naming an unknown persona: none', { facts: {}, answers: {}, text: '' }, { primary: 'ghost', confidence: 0.9 }, { segment: 'low-touch', points: 0, persona: {}, chosenBy: 'none' }],
  ])('%s', (_name, input, suggestion, expected) => {
    const scored = scoreSegmentAndPersona(input, playbook, () => suggestion);
    expect(scored).toEqual(expected);
    const assessed = assessAccount(input, playbook, () => suggestion);
    const { suggestion: _made, chosenBy, ...persona } = assessed.persona;
    expect({ segment: assessed.segment.segment.id, points: assessed.segment.points, persona, chosenBy }).toEqual(expected);
  });

  test('the suggester is asked with the account text, facts and playbook', () => {
    const asked: unknown[] = [];
    scoreSegmentAndPersona({ facts: { employees: 30 }, answers: {}, text: 'We need the delivery record.' }, playbook, (...args) => {
      asked.push(args);
      return confident;
    });
    expect(asked).toEqual([['We need the delivery record.', { employees: 30 }, playbook]]);
  });
});

describe('rememberingSegment: one scorer for a whole import gives each account its own segment', () => {
  test('accounts that differ only in an answer, or in a fact within one option, are told apart or not as assessSegment does', () => {
    const segmentOf = rememberingSegment(playbook);
    const asked: [AssessInput['facts'], AssessInput['answers'], { segment: string; points: number }][] = [
      // large (3) + 50–250 M (3) = 6: low-touch
      [{ employees: 600, annualRevenue: 90_000_000 }, {}, { segment: 'low-touch', points: 6 }],
      // the same facts and ongoing cooperation (3) = 9: standard
      [{ employees: 600, annualRevenue: 90_000_000 }, { cooperation: 'ongoing' }, { segment: 'standard', points: 9 }],
      [{ employees: 600, annualRevenue: 90_000_000 }, {}, { segment: 'low-touch', points: 6 }],
      // 700 employees is still "large"
      [{ employees: 700, annualRevenue: 90_000_000 }, {}, { segment: 'low-touch', points: 6 }],
      // 1,000 employees is "enterprise" (4): 7 points, standard
      [{ employees: 1000, annualRevenue: 90_000_000 }, {}, { segment: 'standard', points: 7 }],
      [big, {}, { segment: 'standard', points: 13 }],
      [big, { cooperation: 'forever' }, { segment: 'standard', points: 13 }],
      // the matrix decides once both of its criteria are answered
      [{ employees: 8 }, { potential: 'high', 'share-of-wallet': 'medium' }, { segment: 'key', points: 6 }],
      [{ employees: 8 }, { potential: 'high' }, { segment: 'low-touch', points: 4 }],
      // a numeric string counts as its number
      [{ employees: '600', annualRevenue: 90_000_000 }, {}, { segment: 'low-touch', points: 6 }],
      [{}, {}, { segment: 'low-touch', points: 0 }],
    ];
    expect(asked.map(([facts, answers]) => segmentOf(facts, answers))).toEqual(asked.map(([, , expected]) => expected));
  });

  test('over 2,000 accounts sharing few signatures, every segment and point total is the one assessSegment gives', () => {
    const segmentOf = rememberingSegment(playbook);
    const options = { cooperation: ['one-off', 'ongoing'], potential: ['high', 'low'], 'share-of-wallet': ['high', 'medium', 'low'] } as const;
    for (let i = 0; i < 2000; i++) {
      const facts = { employees: [8, 30, 120, 600, 2400][i % 5]!, annualRevenue: [400_000, 3_000_000, 22_000_000, 90_000_000, 400_000_000][(i * 7) % 5]!, ...(i % 3 ? { wonDeals: i % 13 } : {}) };
      const answers: Record<string, string> = {};
      if (i % 4 === 1) answers.cooperation = options.cooperation[i % 2]!;
      if (i % 6 === 2) answers.potential = options.potential[(i >> 1) % 2]!;
      if (i % 5 === 3) answers['share-of-wallet'] = options['share-of-wallet'][i % 3]!;
      const assessed = assessSegment(facts, answers, playbook);
      expect(segmentOf(facts, answers)).toEqual({ segment: assessed.segment.id, points: assessed.points });
    }
  });
});
