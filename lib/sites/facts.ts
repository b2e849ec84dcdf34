/**
 * What every CRM adapter builds the same way: deal totals, and the list of
 * company facts a page did not show. Content-script code: no zod.
 */
import type { CompanyFacts, Deals } from '../snapshot';
import type { MoneyValue } from './normalise';

/** The company facts the panel shows, in the order `describeMissing` lists the absent ones. */
export const COMPANY_FACT_KEYS = ['name', 'domain', 'industry', 'employees', 'annualRevenue', 'country', 'city', 'type', 'owner'] as const;

export function missingFacts(company: Partial<CompanyFacts>): string[] {
  return COMPANY_FACT_KEYS.filter((key) => company[key] === undefined);
}

/** The total of several amounts; the currency only when they all share one. */
export function sumMoney(values: MoneyValue[]): MoneyValue | undefined {
  if (!values.length) return undefined;
  const currencies = new Set(values.map((v) => v.currency));
  const amount = Math.round(values.reduce((total, v) => total + v.amount, 0) * 100) / 100;
  const [currency] = currencies;
  return currencies.size === 1 && currency ? { amount, currency } : { amount };
}

export type DealState = 'open' | 'won' | 'lost';

/** Counts and totals of the deals a record lists; lost deals count for nothing. */
export function tallyDeals(deals: readonly { state: DealState; amount?: MoneyValue }[]): Deals {
  const amounts = (state: DealState) => deals.filter((d) => d.state === state && d.amount).map((d) => d.amount!);
  const tally: Deals = {
    openCount: deals.filter((d) => d.state === 'open').length,
    wonCount: deals.filter((d) => d.state === 'won').length,
  };
  const openAmount = sumMoney(amounts('open'));
  const wonAmount = sumMoney(amounts('won'));
  if (openAmount) tally.openAmount = openAmount;
  if (wonAmount) tally.wonAmount = wonAmount;
  return tally;
}
