import { expect, test } from 'vitest';
import { choosePrimary, chooseSecondary, personaCertainty, type PersonaShown } from '../../lib/panel/persona-choice';

const suggested: PersonaShown = { primary: 'burned', secondary: 'expert', chosenBy: 'suggestion', suggestion: { confidence: 0.46 } };
const repChose: PersonaShown = { primary: 'novice', secondary: 'fast', chosenBy: 'rep', suggestion: { confidence: 0.46 } };

test.each([
  { case: 'over a suggestion, the rep’s primary comes alone: the suggested secondary goes', current: suggested, pick: 'novice', expected: { primary: 'novice' } },
  { case: 'picking the suggested secondary as primary keeps nothing else', current: suggested, pick: 'expert', expected: { primary: 'expert' } },
  { case: 'a secondary the rep set stays with their new primary', current: repChose, pick: 'burned', expected: { primary: 'burned', secondary: 'fast' } },
  { case: 'the rep’s secondary picked as primary is not also the secondary', current: repChose, pick: 'fast', expected: { primary: 'fast' } },
])('$case', ({ current, pick, expected }) => {
  expect(choosePrimary(current, pick)).toEqual(expected);
});

test('setting a secondary confirms the primary on screen; clearing it leaves the primary alone', () => {
  expect(chooseSecondary(suggested, 'fast')).toEqual({ primary: 'burned', secondary: 'fast' });
  expect(chooseSecondary(repChose, undefined)).toEqual({ primary: 'novice' });
  expect(chooseSecondary({ chosenBy: 'none', suggestion: { confidence: 0.1 } }, 'fast')).toBeUndefined();
});

test.each([
  // Calibrated confidences: the weakest suggestion shown reads about 69 %.
  { confidence: 0.69, chosenBy: 'suggestion' as const, expected: 'likely' },
  { confidence: 0.79, chosenBy: 'suggestion' as const, expected: 'likely' },
  { confidence: 0.8, chosenBy: 'suggestion' as const, expected: 'confident' },
  { confidence: 0.95, chosenBy: 'suggestion' as const, expected: 'confident' },
  { confidence: 0.2, chosenBy: 'rep' as const, expected: 'rep' },
  { confidence: 0.2, chosenBy: 'none' as const, expected: 'none' },
])('confidence $confidence chosen by $chosenBy reads as $expected', ({ confidence, chosenBy, expected }) => {
  expect(personaCertainty({ primary: chosenBy === 'none' ? undefined : 'burned', chosenBy, suggestion: { confidence } })).toBe(expected);
});
