import { z } from 'zod';
import { CAPS, CURRENCY_PATTERN, DOMAIN_PATTERN } from './limits';
import { FACT_CODES, MISSING_KINDS } from './sites/missing';

const shortText = z.string().trim().min(1).max(CAPS.shortText);

export const Money = z.object({
  amount: z.number().finite().nonnegative(),
  /** ISO 4217 where the page says it (USD, EUR, PLN, ...). */
  currency: z.string().regex(CURRENCY_PATTERN).optional(),
});
export type Money = z.infer<typeof Money>;

export const CompanyFacts = z.object({
  name: shortText.optional(),
  /** Registrable domain in lower case, without www (acme.com). */
  domain: z.string().regex(DOMAIN_PATTERN).optional(),
  industry: shortText.optional(),
  employees: z.number().int().nonnegative().optional(),
  annualRevenue: Money.optional(),
  /** ISO 3166-1 alpha-2 when it could be resolved, otherwise the page's text. */
  country: shortText.optional(),
  city: shortText.optional(),
  /** Lifecycle stage, account type or relationship (customer, prospect, partner, ...). */
  type: shortText.optional(),
  owner: shortText.optional(),
});
export type CompanyFacts = z.infer<typeof CompanyFacts>;

export const Deals = z.object({
  openCount: z.number().int().nonnegative().optional(),
  openAmount: Money.optional(),
  wonCount: z.number().int().nonnegative().optional(),
  wonAmount: Money.optional(),
});
export type Deals = z.infer<typeof Deals>;

export const Person = z.object({
  name: shortText.optional(),
  email: z.string().max(CAPS.email).optional(),
  title: shortText.optional(),
});
export type Person = z.infer<typeof Person>;

export const PageSnapshot = z.object({
  /** Adapter id: hubspot, gmail, generic, ... */
  site: z.string().min(1).max(CAPS.siteId),
  kind: z.enum(['company', 'email']),
  url: z.string().url(),
  /** The CRM's own id for the record, or the mail thread id. */
  recordId: z.string().max(CAPS.recordId).optional(),
  company: CompanyFacts,
  deals: Deals.optional(),
  people: z.array(Person).max(CAPS.people).default([]),
  /** Email thread without quoted history, or the record's notes; capped. */
  text: z.string().max(CAPS.text).optional(),
});
export type PageSnapshot = z.infer<typeof PageSnapshot>;
/** What adapters build: `people` may be omitted. */
export type PageSnapshotInput = z.input<typeof PageSnapshot>;

/**
 * What the content script reports for a tab. `unreadable` means an adapter
 * recognised the URL but could not find the company, so the panel can say
 * which site it saw instead of going blank.
 */
export const PageReport = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), snapshot: PageSnapshot }),
  z.object({
    status: z.literal('unreadable'),
    site: z.string().min(1).max(CAPS.siteId),
    siteLabel: z.string().min(1).max(CAPS.siteLabel),
    url: z.string().url(),
    /** What kind of page it is and which facts were not found: codes the panel words (lib/sites/missing.ts). */
    missing: z.object({ kind: z.enum(MISSING_KINDS), facts: z.array(z.enum(FACT_CODES)).max(FACT_CODES.length) }),
  }),
  z.object({ status: z.literal('unrecognised'), url: z.string().max(CAPS.url) }),
]);
export type PageReport = z.infer<typeof PageReport>;
