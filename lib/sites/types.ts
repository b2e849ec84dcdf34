import type { PageSnapshotInput } from '../snapshot';
import type { Missing } from './missing';

/**
 * One CRM or mail client. Each lives in its own file (`lib/sites/<id>.ts`) with
 * its match patterns, its selectors and example URLs, and is listed once in
 * `lib/sites/index.ts`.
 *
 * Only types come from `lib/snapshot.ts`: this code runs in the content
 * script, whose bundle has no room for zod.
 *
 * There is no record key from the URL: after an SPA navigation the URL changes
 * before the DOM does, so the content script tells a new record from a stale
 * page by what the page shows (`identity` in lib/content/start.ts), and the
 * snapshot carries the CRM's record id for storage.
 */
export interface SiteAdapter {
  /** Stable id, stored with snapshots: `hubspot`, `gmail`, ... */
  id: string;
  /** What the panel calls the site: `HubSpot`, `Gmail`. */
  label: string;
  /**
   * Match patterns of the hosts it reads out of the box: its content script's
   * `matches` and the manifest's host permissions. Empty for the generic reader.
   */
  hosts: string[];
  /**
   * Cheap URL test: is this tab on the adapter's site? True for every page of
   * the site, not only the ones it reads, so that a contact record or an inbox
   * is reported as `unreadable` (with `describeMissing`) rather than falling
   * through to the generic reader.
   */
  matches(url: URL): boolean;
  /** The page's company or thread; null when it is not one (yet). Never throws. */
  read(doc: Document, url: URL): PageSnapshotInput | null;
  /**
   * What is missing, for the panel, when `read()` is null: the kind of page
   * (a contact, a list, ... or the company `record` itself) and the fact codes
   * not found on a record. Codes only: the panel words them. Never throws.
   */
  describeMissing(doc: Document, url: URL): Missing;
  /**
   * The element that holds the record, so the content script watches only it
   * for late-rendered fields (a CRM's chrome and other panels keep mutating).
   * Undefined or null: the whole body.
   */
  observeRoot?(doc: Document): Element | null;
  /** Example URLs: pages it reads, and pages on its host that are not company pages. */
  examples: { company: string[]; other: string[] };
}
