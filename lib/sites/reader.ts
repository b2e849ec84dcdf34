/**
 * The readers the content scripts run. Each site's script builds one from
 * only its own adapter (`siteReader`), so its bundle carries no other site's
 * code; the script for hosts the user added as "another CRM" runs
 * `grantedHostReader`. Tests, fixtures, e2e and the bench reach pages through
 * these same functions (see `contentReader` in ./index.ts).
 *
 * Runs in the content script: types only from ../snapshot (no zod here), and
 * nothing here may throw into the page.
 */
import { CAPS, CURRENCY_PATTERN, DOMAIN_PATTERN } from '../limits';
import type { PageSnapshotInput } from '../snapshot';
import { COMPANY_NOT_FOUND, tidyMissing, type Missing } from './missing';
import { crmFieldForLabel, type CrmField } from './normalise';
import type { SiteAdapter } from './types';

/** `PageReport` of lib/snapshot.ts as the content script builds it (not validated here). */
export type PageReportInput =
  | { status: 'ok'; snapshot: PageSnapshotInput }
  | { status: 'unreadable'; site: string; siteLabel: string; url: string; missing: Missing }
  | { status: 'unrecognised'; url: string };

export interface PageReader {
  /** The page's company or thread, or null (not one, or nothing to read yet). Never throws. */
  readPage(doc: Document, url: string | URL): PageSnapshotInput | null;
  /** What the content script reports for the tab (see `PageReport` in lib/snapshot.ts). Never throws. */
  inspectPage(doc: Document, url: string | URL): PageReportInput;
  /** The element that holds the record, to watch for late fields; null: the whole body. Never throws. */
  observeRoot(doc: Document): Element | null;
}

/** The URL, or undefined when it is not one. */
export function toUrl(url: string | URL): URL | undefined {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function short(value: string | undefined, cap: number = CAPS.shortText): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().slice(0, cap).trim();
  return text || undefined;
}

/** Amounts beyond 2^53 are not a company's revenue but a page's noise. */
const AMOUNT_LIMIT = Number.MAX_SAFE_INTEGER;
const MONEY_OK = (m: { amount: number; currency?: string } | undefined) =>
  m && Number.isFinite(m.amount) && m.amount >= 0 && m.amount <= AMOUNT_LIMIT ? (m.currency && CURRENCY_PATTERN.test(m.currency) ? m : { amount: m.amount }) : undefined;
/** A count the background accepts: a safe integer (2^53 and above lose precision and fail its schema). */
const COUNT_OK = (n: number | undefined) => (n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined);

const RANGE_OK = (r: { min: number; max?: number | undefined } | undefined) => {
  const min = COUNT_OK(r?.min);
  if (min === undefined) return undefined;
  const max = COUNT_OK(r?.max);
  return max !== undefined && max >= min ? { min, max } : { min };
};

function without<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}

/**
 * A fact that is its own field's label ("Industry: Industry", "Branża"): a
 * reader took the label for the value. Checked for every adapter here,
 * against the field labels CRMs show in the languages read.
 */
function notALabel(value: string | undefined, field: CrmField): string | undefined {
  return value !== undefined && crmFieldForLabel(value) === field ? undefined : value;
}

/**
 * Trims a snapshot to what the background's zod schema accepts (caps, empty
 * strings, bad numbers), so one odd field never loses the whole page.
 */
export function tidySnapshot(snapshot: PageSnapshotInput): PageSnapshotInput {
  const c = snapshot.company;
  const company = without({
    name: notALabel(short(c.name), 'name'),
    domain: c.domain && DOMAIN_PATTERN.test(c.domain) ? c.domain : undefined,
    industry: notALabel(short(c.industry), 'industry'),
    employees: COUNT_OK(c.employees),
    employeesRange: RANGE_OK(c.employeesRange),
    founded: c.founded !== undefined && Number.isInteger(c.founded) && c.founded >= 1000 && c.founded <= 2200 ? c.founded : undefined,
    annualRevenue: MONEY_OK(c.annualRevenue),
    country: notALabel(short(c.country), 'country'),
    city: notALabel(short(c.city), 'city'),
    type: notALabel(short(c.type), 'type'),
    owner: notALabel(short(c.owner), 'owner'),
  });
  const tidy: PageSnapshotInput = {
    site: snapshot.site,
    kind: snapshot.kind,
    url: snapshot.url,
    company,
    people: (snapshot.people ?? [])
      .map((p) => without({ name: short(p.name), email: short(p.email, CAPS.email), title: short(p.title) }))
      .filter((p) => Object.keys(p).length > 0)
      .slice(0, CAPS.people),
  };
  const recordId = short(snapshot.recordId, CAPS.recordId);
  if (recordId) tidy.recordId = recordId;
  if (snapshot.deals) {
    const d = snapshot.deals;
    const deals = without({
      openCount: COUNT_OK(d.openCount),
      openAmount: MONEY_OK(d.openAmount),
      wonCount: COUNT_OK(d.wonCount),
      wonAmount: MONEY_OK(d.wonAmount),
    });
    if (Object.keys(deals).length) tidy.deals = deals;
  }
  const text = snapshot.text?.slice(0, CAPS.text).trim();
  if (text) tidy.text = text;
  return tidy;
}

function safeRead(adapter: SiteAdapter, doc: Document, url: URL): PageSnapshotInput | null {
  try {
    const snapshot = adapter.read(doc, url);
    return snapshot ? tidySnapshot(snapshot) : null;
  } catch {
    return null;
  }
}

function safeObserveRoot(adapter: SiteAdapter, doc: Document): Element | null {
  try {
    return adapter.observeRoot?.(doc) ?? null;
  } catch {
    return null;
  }
}

function unrecognised(url: string | URL): PageReportInput {
  return { status: 'unrecognised', url: (typeof url === 'string' ? url : url.href).slice(0, CAPS.url) };
}

/**
 * The reader of one site's content script. That script runs only where it was
 * injected: the site's own hosts (manifest) or a CRM host the user assigned to
 * this site (registered at run time), so the adapter reads whatever page it is
 * on, whatever the host is called: a page it does not read is `unreadable`,
 * with what the adapter says is missing.
 */
export function siteReader(adapter: SiteAdapter): PageReader {
  return {
    readPage(doc, url) {
      const parsed = toUrl(url);
      return parsed ? safeRead(adapter, doc, parsed) : null;
    },
    inspectPage(doc, url) {
      try {
        const parsed = toUrl(url);
        if (!parsed) return unrecognised(url);
        const snapshot = safeRead(adapter, doc, parsed);
        if (snapshot) return { status: 'ok', snapshot };
        let missing: Missing;
        try {
          missing = tidyMissing(adapter.describeMissing(doc, parsed));
        } catch {
          missing = COMPANY_NOT_FOUND;
        }
        return { status: 'unreadable', site: adapter.id, siteLabel: adapter.label, url: parsed.href, missing };
      } catch {
        return unrecognised(url);
      }
    },
    observeRoot: (doc) => safeObserveRoot(adapter, doc),
  };
}

/**
 * The reader of the script for hosts the user added as "another CRM": the
 * `fallback` (generic) adapter reads any page; a page where it finds no
 * company is `unrecognised`, as on a site Playcard does not know.
 */
export function grantedHostReader(fallback: SiteAdapter): PageReader {
  return {
    readPage(doc, url) {
      const parsed = toUrl(url);
      return parsed ? safeRead(fallback, doc, parsed) : null;
    },
    inspectPage(doc, url) {
      try {
        const parsed = toUrl(url);
        const snapshot = parsed ? safeRead(fallback, doc, parsed) : null;
        return snapshot ? { status: 'ok', snapshot } : unrecognised(url);
      } catch {
        return unrecognised(url);
      }
    },
    observeRoot: (doc) => safeObserveRoot(fallback, doc),
  };
}
