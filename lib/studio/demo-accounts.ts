// Accounts every studio can preview with, so a lead sees the effect of an edit before any rep
// has browsed a CRM in this browser. Facts only (names are made up; the numbers span the
// built-in playbook's ranges so each of its segments is reached by at least one).
import type { Answers } from '../core/segment';
import type { Facts } from '../core/facts';

export interface DemoAccount {
  key: string;
  name: string;
  facts: Facts;
  answers: Answers;
  /** A line of the buyer's email, for the persona preview. */
  text: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    key: 'demo:northwind',
    name: 'Northwind Logistics',
    facts: { employees: 1200, annualRevenue: 180_000_000, wonDeals: 6, openDeals: 2, industry: 'Logistics', country: 'Poland' },
    answers: { cooperation: 'ongoing', 'product-breadth': 'some', 'referral-value': 'some' },
    text: 'Last time the supplier missed the delivery date and nobody called us. What guarantees do you offer?',
  },
  {
    key: 'demo:brightline',
    name: 'Brightline Dental',
    facts: { employees: 45, annualRevenue: 4_000_000, wonDeals: 1, openDeals: 1, industry: 'Healthcare', country: 'Italy' },
    answers: {},
    text: 'We are new to this and not sure what we need. Could you explain the options in simple terms?',
  },
  {
    key: 'demo:kestrel',
    name: 'Kestrel Engineering',
    facts: { employees: 320, annualRevenue: 42_000_000, wonDeals: 3, openDeals: 1, industry: 'Manufacturing', country: 'Romania' },
    answers: {},
    text: 'Please send the full technical specification, tolerances and the test reports for the 400 series.',
  },
  {
    key: 'demo:orbis',
    name: 'Orbis Retail Group',
    facts: { employees: 5400, annualRevenue: 900_000_000, wonDeals: 12, openDeals: 4, industry: 'Retail', country: 'Germany' },
    answers: { cooperation: 'ongoing', 'product-breadth': 'wide', 'referral-value': 'strong', 'local-decision': 'local' },
    text: 'We need a quote by Friday. Keep it short, price and delivery date only.',
  },
  {
    key: 'demo:pinecrest',
    name: 'Pinecrest Studio',
    facts: { employees: 8, annualRevenue: 600_000, wonDeals: 0, openDeals: 0, industry: 'Design', country: 'Poland' },
    answers: {},
    text: 'Can you send the invoice again? The PDF did not open.',
  },
  {
    key: 'demo:volga',
    name: 'Volga Foods',
    facts: { employees: 150, annualRevenue: 25_000_000, wonDeals: 2, openDeals: 3, industry: 'Food', country: 'Russia' },
    answers: {},
    text: 'We need the offer today, the decision is this week.',
  },
  {
    key: 'demo:marenostrum',
    name: 'Mare Nostrum Hotels',
    facts: { employees: 700, annualRevenue: 75_000_000, wonDeals: 1, openDeals: 2, industry: 'Hospitality', country: 'Italy' },
    answers: { potential: 'high', 'share-of-wallet': 'low' },
    text: 'Our previous vendor promised a lot and delivered nothing. This time we want penalties in the contract.',
  },
  {
    key: 'demo:alder',
    name: 'Alder & Finch Accounting',
    facts: { employees: 60, annualRevenue: 9_000_000, wonDeals: 4, openDeals: 0, industry: 'Professional services', country: 'Romania' },
    answers: {},
    text: 'Which certifications does the product have, and how does it integrate with our ERP?',
  },
];
