/**
 * What a recognised page lacks, as data: the panel words it through i18n
 * (components/unreadable-notice.tsx), the background validates it
 * (lib/snapshot.ts), the content script builds it. No zod, no sentences.
 */
import type { CompanyFacts } from '../snapshot';

/**
 * What kind of page the adapter recognised:
 * - `record`: the company record (or the email thread) is open; `facts` are the ones not found;
 *   none listed means the company itself was not found;
 * - a page of the site that is not one Playcard reads: `contact`, `deal` (deal or opportunity),
 *   `lead`, `list` (a list of records), `new-record` (a form for a record not saved yet),
 *   `classic` (a UI version not read: Salesforce Classic), `inbox` (a mail list or settings),
 *   `other` (home, reports, any other page);
 * - `loading`: the open email has not rendered yet;
 * - `internal`: everyone in the thread is from the user's own company;
 * - `no-company`: a page read by the generic reader names no company.
 */
export const MISSING_KINDS = ['record', 'contact', 'deal', 'lead', 'list', 'new-record', 'classic', 'inbox', 'loading', 'internal', 'no-company', 'other'] as const;
export type MissingKind = (typeof MISSING_KINDS)[number];

/** The company facts the panel shows, in the order they are listed when absent. */
export const COMPANY_FACT_KEYS = ['name', 'domain', 'industry', 'employees', 'annualRevenue', 'country', 'city', 'type', 'owner'] as const;

/** Facts that can be missing: the company's, and `text` (a thread's own words). */
export const FACT_CODES = [...COMPANY_FACT_KEYS, 'text'] as const;
export type FactCode = (typeof FACT_CODES)[number];

export interface Missing {
  kind: MissingKind;
  facts: FactCode[];
}

/** The company was not found, and nothing more precise is known. */
export const COMPANY_NOT_FOUND: Missing = { kind: 'record', facts: [] };

/** A recognised page of the wrong kind (a contact, a list, ...). */
export function wrongPage(kind: Exclude<MissingKind, 'record'>): Missing {
  return { kind, facts: [] };
}

/** The record's company facts that were not found, in display order. */
export function missingFacts(company: Partial<CompanyFacts>): FactCode[] {
  return COMPANY_FACT_KEYS.filter((key) => company[key] === undefined);
}

/**
 * The one shape of a CRM adapter's `describeMissing`: the URL says whether the
 * page is a company record (`pageKind` undefined) or which other page it is;
 * on a record, the facts its read did not find. Never throws.
 */
export function describeRecord<Read extends { company: Partial<CompanyFacts> }>(
  pageKind: (url: URL) => Exclude<MissingKind, 'record'> | undefined,
  read: (doc: Document, url: URL) => Read,
): (doc: Document, url: URL) => Missing {
  return (doc, url) => {
    try {
      const kind = pageKind(url);
      if (kind) return wrongPage(kind);
      return { kind: 'record', facts: missingFacts(read(doc, url).company) };
    } catch {
      return COMPANY_NOT_FOUND;
    }
  };
}

const KINDS: ReadonlySet<string> = new Set(MISSING_KINDS);
const FACTS: ReadonlySet<string> = new Set(FACT_CODES);

/** `value` as a `Missing` the background's schema accepts: unknown codes dropped, each fact once. */
export function tidyMissing(value: unknown): Missing {
  if (!value || typeof value !== 'object') return COMPANY_NOT_FOUND;
  const { kind, facts } = value as { kind?: unknown; facts?: unknown };
  if (typeof kind !== 'string' || !KINDS.has(kind)) return COMPANY_NOT_FOUND;
  const codes = Array.isArray(facts) ? facts.filter((fact): fact is FactCode => typeof fact === 'string' && FACTS.has(fact)) : [];
  return { kind: kind as MissingKind, facts: [...new Set(codes)] };
}
