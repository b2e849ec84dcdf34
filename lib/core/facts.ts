import type { FactKey } from '../playbook/schema';
import type { PageSnapshot } from '../snapshot';

/** The page's facts flattened to what playbook rules compare against. */
export type Facts = Partial<Record<FactKey, number | string>>;

export function factsOf(snapshot: Pick<PageSnapshot, 'company' | 'deals'> | undefined): Facts {
  if (!snapshot) return {};
  const { company, deals } = snapshot;
  const facts: Facts = {
    employees: company.employees,
    annualRevenue: company.annualRevenue?.amount,
    country: company.country,
    city: company.city,
    industry: company.industry,
    type: company.type,
    openDeals: deals?.openCount,
    openAmount: deals?.openAmount?.amount,
    wonDeals: deals?.wonCount,
    wonAmount: deals?.wonAmount?.amount,
  };
  for (const key of Object.keys(facts) as FactKey[]) if (facts[key] === undefined) delete facts[key];
  return facts;
}
