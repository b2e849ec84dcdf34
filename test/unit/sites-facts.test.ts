import { expect, test } from 'vitest';
import { personOf, tallyDeals } from '../../lib/sites/facts';
import { missingFacts } from '../../lib/sites/missing';

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

test('a person is what a row shows: an address is not a name, a placeholder is no title', () => {
  expect(personOf('Dana Whitfield', 'dana@northwind.com', 'COO')).toEqual({ name: 'Dana Whitfield', email: 'dana@northwind.com', title: 'COO' });
  expect(personOf('dana@northwind.com', undefined, '—')).toBeUndefined();
  expect(personOf('', 'dana@northwind.com', '--None--', (t) => t === '--None--')).toEqual({ email: 'dana@northwind.com' });
});

test('missingFacts lists the absent company facts in display order', () => {
  expect(missingFacts({ name: 'Acme', employees: 10, country: 'PL' })).toEqual(['domain', 'industry', 'annualRevenue', 'city', 'type', 'owner']);
});
