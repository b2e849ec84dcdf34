import type { StorageProblem } from './db/storage-errors';
import type { Missing } from './sites/missing';

/**
 * What the panel needs to know about a tab. The background keeps it per tab in
 * `storage.session` (the `tabState(tabId)` item in lib/storage-items.ts).
 */
export type TabState =
  | { status: 'ok'; accountKey: string; site: string; url: string; at: number }
  | { status: 'unreadable'; site: string; siteLabel: string; url: string; missing: Missing; at: number }
  | { status: 'unrecognised'; url: string; at: number }
  /** The page was read but the database refused to store it (a full disk): the panel says so instead of "Reading…". */
  | { status: 'storage'; problem: StorageProblem; at: number };
