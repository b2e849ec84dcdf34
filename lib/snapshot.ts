import { z } from 'zod';
import { CAPS, CURRENCY_PATTERN, DOMAIN_PATTERN } from './limits';
import { FACT_CODES, MISSING_KINDS } from './sites/missing';

const shortText = z.string().trim().min(1).max(CAPS.shortText);
/** A count: a safe integer (2^53 and above are not counts but noise, and lose precision). */
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
/**
 * The address of a read page. Only http(s): the panel links to it, and a
 * `javascript:` URL would run script in the extension's page when clicked.
 */
const pageUrl = z
  .string()
  .url()
  .refine((url) => /^https?:\/\//i.test(url), { message: 'only http and https pages are read' });

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
  /** The head count, or the lower bound of `employeesRange`: scoring compares this (it never overstates a company's size). */
  employees: count.optional(),
  /**
   * The head count as a range, as LinkedIn shows it ("51-200 employees";
   * "10,001+": no `max`). Stored as shown so the panel can say "51-200".
   */
  employeesRange: z
    .object({ min: count, max: count.optional() })
    .refine((range) => range.max === undefined || range.max >= range.min, { message: 'max is below min' })
    .optional(),
  /** The year the company was founded, when the page says it. */
  founded: z.number().int().min(1000).max(2200).optional(),
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
  openCount: count.optional(),
  openAmount: Money.optional(),
  wonCount: count.optional(),
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
  url: pageUrl,
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
    url: pageUrl,
    /** What kind of page it is and which facts were not found: codes the panel words (lib/sites/missing.ts). */
    missing: z.object({ kind: z.enum(MISSING_KINDS), facts: z.array(z.enum(FACT_CODES)).max(FACT_CODES.length) }),
  }),
  z.object({ status: z.literal('unrecognised'), url: z.string().max(CAPS.url) }),
]);
export type PageReport = z.infer<typeof PageReport>;
