/**
 * The adapter registry. A new CRM, mail client or research site (Salesforce,
 * Pipedrive, Zoho, Dynamics, Outlook, LinkedIn) is one file or folder here, one line in ADAPTERS, and a
 * two-line content script `entrypoints/<id>.content.ts` that runs
 * `siteReader(<adapter>)`.
 *
 * Not for content scripts: this module holds every adapter.
 */
import { dynamics } from './dynamics';
import { generic } from './generic';
import { gmail } from './gmail';
import { hubspot } from './hubspot';
import { linkedin } from './linkedin';
import { outlook } from './outlook';
import { pipedrive } from './pipedrive';
import { grantedHostReader, siteReader, toUrl, type PageReader, type PageReportInput } from './reader';
import { salesforce } from './salesforce';
import { zoho } from './zoho';
import { CAPS } from '../limits';
import type { PageSnapshotInput } from '../snapshot';
import type { SiteAdapter } from './types';

export type { SiteAdapter } from './types';
export type { Missing, MissingKind, FactCode } from './missing';
export { readGeneric } from './generic';
export { grantedHostReader, siteReader, tidySnapshot, type PageReader, type PageReportInput } from './reader';

/** Adapters chosen by URL, first match wins. */
export const ADAPTERS: SiteAdapter[] = [hubspot, gmail, dynamics, zoho, salesforce, pipedrive, outlook, linkedin];

/** The fallback reader, for hosts the user granted that no adapter claims. */
export const GENERIC_ADAPTER: SiteAdapter = generic;

/** Host match patterns read out of the box: exactly the manifest's host permissions. */
export const KNOWN_SITE_MATCHES: string[] = ADAPTERS.flatMap((adapter) => adapter.hosts);

/** The adapter whose site `url` is on (whose content script runs there), if any. */
export function adapterFor(url: string | URL): SiteAdapter | undefined {
  const parsed = toUrl(url);
  if (!parsed) return undefined;
  return ADAPTERS.find((adapter) => {
    try {
      return adapter.matches(parsed);
    } catch {
      return false;
    }
  });
}

const readers = new Map<string, PageReader>();

/**
 * The reader the content script of `site` runs: `siteReader(<adapter>)` as in
 * entrypoints/<site>.content.ts, or for `generic` the granted-host reader of
 * entrypoints/custom.content.ts. Undefined for an unknown id.
 */
export function contentReader(site: string): PageReader | undefined {
  let reader = readers.get(site);
  if (reader) return reader;
  if (site === GENERIC_ADAPTER.id) reader = grantedHostReader(GENERIC_ADAPTER);
  else {
    const adapter = ADAPTERS.find((candidate) => candidate.id === site);
    reader = adapter && siteReader(adapter);
  }
  if (reader) readers.set(site, reader);
  return reader;
}

export interface ReadOptions {
  /** The user granted this host as "another CRM": the custom-host script runs on it. */
  generic?: boolean;
}

/**
 * The reader that runs on `url` in the browser: its site's content script, or
 * on a granted host no adapter claims the custom-host script. Undefined where
 * no content script runs.
 */
export function readerFor(url: string | URL, options: ReadOptions = {}): PageReader | undefined {
  const adapter = adapterFor(url);
  if (adapter) return contentReader(adapter.id);
  return options.generic ? contentReader(GENERIC_ADAPTER.id) : undefined;
}

/** What the content script running on `url` reads there; null where none runs. Never throws. */
export function readPage(doc: Document, url: string | URL, options: ReadOptions = {}): PageSnapshotInput | null {
  return readerFor(url, options)?.readPage(doc, url) ?? null;
}

/** What the content script running on `url` reports; `unrecognised` where none runs. Never throws. */
export function inspectPage(doc: Document, url: string | URL, options: ReadOptions = {}): PageReportInput {
  const reader = readerFor(url, options);
  if (reader) return reader.inspectPage(doc, url);
  return { status: 'unrecognised', url: (typeof url === 'string' ? url : url.href).slice(0, CAPS.url) };
}
