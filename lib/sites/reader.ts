/**
 * Reading a page with a given set of adapters. Each content script builds a
 * reader from only the adapters of its site, so its bundle carries no other
 * site's code; the registry (./index.ts) builds one from all of them.
 *
 * Runs in the content script: types only from ../snapshot (no zod here), and
 * nothing here may throw into the page.
 */
import type { PageSnapshotInput } from '../snapshot';
import { CAPS } from './normalise';
import type { SiteAdapter } from './types';

export interface ReadOptions {
  /** Read pages no adapter claims with the fallback reader (the user granted this host). */
  generic?: boolean;
}

/** `PageReport` of lib/snapshot.ts as the content script builds it (not validated here). */
export type PageReportInput =
  | { status: 'ok'; snapshot: PageSnapshotInput }
  | { status: 'unreadable'; site: string; siteLabel: string; url: string; missing: string[] }
  | { status: 'unrecognised'; url: string };

function toUrl(url: string | URL): URL | undefined {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

const { text: TEXT_CAP, people: PEOPLE_CAP, shortText: SHORT_TEXT_CAP } = CAPS;

function short(value: string | undefined, cap: number = SHORT_TEXT_CAP): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().slice(0, cap).trim();
  return text || undefined;
}

const MONEY_OK = (m: { amount: number; currency?: string } | undefined) =>
  m && Number.isFinite(m.amount) && m.amount >= 0 ? (m.currency && /^[A-Z]{3}$/.test(m.currency) ? m : { amount: m.amount }) : undefined;
const COUNT_OK = (n: number | undefined) => (n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined);

function without<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}

/**
 * Trims a snapshot to what the background's zod schema accepts (caps, empty
 * strings, bad numbers), so one odd field never loses the whole page.
 */
export function tidySnapshot(snapshot: PageSnapshotInput): PageSnapshotInput {
  const c = snapshot.company;
  const company = without({
    name: short(c.name),
    domain: c.domain && /^[a-z0-9.-]+\.[a-z]{2,}$/.test(c.domain) ? c.domain : undefined,
    industry: short(c.industry),
    employees: COUNT_OK(c.employees),
    annualRevenue: MONEY_OK(c.annualRevenue),
    country: short(c.country),
    city: short(c.city),
    type: short(c.type),
    owner: short(c.owner),
  });
  const tidy: PageSnapshotInput = {
    site: snapshot.site,
    kind: snapshot.kind,
    url: snapshot.url,
    company,
    people: (snapshot.people ?? [])
      .map((p) => without({ name: short(p.name), email: short(p.email, CAPS.email), title: short(p.title) }))
      .filter((p) => Object.keys(p).length > 0)
      .slice(0, PEOPLE_CAP),
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
  const text = snapshot.text?.slice(0, TEXT_CAP).trim();
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

export interface PageReader {
  adapterFor(url: string | URL): SiteAdapter | undefined;
  /** The page's company or thread, or null (unrecognised page, or nothing to read yet). Never throws. */
  readPage(doc: Document, url: string | URL, options?: ReadOptions): PageSnapshotInput | null;
  /** What the content script reports for a tab (see `PageReport` in lib/snapshot.ts). Never throws. */
  inspectPage(doc: Document, url: string | URL, options?: ReadOptions): PageReportInput;
  /** The record or thread shown, for SPA change detection; undefined off a known site. */
  recordKeyFor(url: string | URL): string | undefined;
}

/**
 * `adapters` are chosen by URL, first match wins; `fallback` reads pages none
 * of them claims, when the caller says the user granted the host.
 */
export function createReader(adapters: readonly SiteAdapter[], fallback?: SiteAdapter): PageReader {
  function adapterFor(url: string | URL): SiteAdapter | undefined {
    const parsed = toUrl(url);
    if (!parsed) return undefined;
    return adapters.find((adapter) => {
      try {
        return adapter.matches(parsed);
      } catch {
        return false;
      }
    });
  }

  function readPage(doc: Document, url: string | URL, options: ReadOptions = {}): PageSnapshotInput | null {
    try {
      const parsed = toUrl(url);
      if (!parsed) return null;
      const adapter = adapterFor(parsed);
      if (adapter) return safeRead(adapter, doc, parsed);
      if (!options.generic || !fallback) return null;
      return safeRead(fallback, doc, parsed);
    } catch {
      return null;
    }
  }

  function inspectPage(doc: Document, url: string | URL, options: ReadOptions = {}): PageReportInput {
    const href = typeof url === 'string' ? url : url.href;
    try {
      const parsed = toUrl(url);
      if (!parsed) return { status: 'unrecognised', url: href.slice(0, 4000) };
      const adapter = adapterFor(parsed);
      if (!adapter) {
        const snapshot = options.generic ? readPage(doc, parsed, options) : null;
        return snapshot ? { status: 'ok', snapshot } : { status: 'unrecognised', url: href.slice(0, 4000) };
      }
      const snapshot = safeRead(adapter, doc, parsed);
      if (snapshot) return { status: 'ok', snapshot };
      let missing: string[];
      try {
        missing = adapter.describeMissing(doc, parsed);
      } catch {
        missing = [];
      }
      missing = missing.map((m) => m.slice(0, 80)).filter(Boolean).slice(0, 20);
      return { status: 'unreadable', site: adapter.id, siteLabel: adapter.label, url: parsed.href, missing: missing.length ? missing : ['company'] };
    } catch {
      return { status: 'unrecognised', url: href.slice(0, 4000) };
    }
  }

  function recordKeyFor(url: string | URL): string | undefined {
    const parsed = toUrl(url);
    const adapter = parsed && adapterFor(parsed);
    try {
      return adapter && parsed ? adapter.recordKey(parsed) : undefined;
    } catch {
      return undefined;
    }
  }

  return { adapterFor, readPage, inspectPage, recordKeyFor };
}

/**
 * The reader of one site's content script. That script runs only where it was
 * injected: the site's own hosts (manifest) or a CRM host the user assigned to
 * this site (registered at run time), so the adapter reads whatever page it is
 * on, whatever the host is called.
 */
export function siteReader(adapter: SiteAdapter): PageReader {
  return createReader([{ ...adapter, matches: () => true }]);
}
