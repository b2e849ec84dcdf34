import { expect, test } from 'vitest';
import { missingFacts, tallyDeals } from '../../lib/sites/facts';

test.each([
  ['no deals', [], { openCount: 0, wonCount: 0 }],
  [
    'open and won in one currency, lost ignored',
    [
      { state: 'open' as const, amount: { amount: 1000.5, currency: 'EUR' } },
      { state: 'open' as const, amount: { amount: 250.25, currency: 'EUR' } },
      { state: 'won' as const, amount: { amount: 9000, currency: 'EUR' } },
      { state: 'lost' as const, amount: { amount: 5, currency: 'EUR' } },
    ],
    { openCount: 2, wonCount: 1, openAmount: { amount: 1250.75, currency: 'EUR' }, wonAmount: { amount: 9000, currency: 'EUR' } },
  ],
  [
    'mixed currencies give a total without a currency; deals without amounts still count',
    [
      { state: 'open' as const, amount: { amount: 100, currency: 'EUR' } },
      { state: 'open' as const, amount: { amount: 100, currency: 'PLN' } },
      { state: 'won' as const },
    ],
    { openCount: 2, wonCount: 1, openAmount: { amount: 200 } },
  ],
])('tallyDeals: %s', (_, deals, expected) => {
  expect(tallyDeals(deals)).toEqual(expected);
});

test('missingFacts lists the absent company facts in display order', () => {
  expect(missingFacts({ name: 'Acme', employees: 10, country: 'PL' })).toEqual(['domain', 'industry', 'annualRevenue', 'city', 'type', 'owner']);
});
