import type { Missing } from './sites/missing';

/**
 * What the panel needs to know about a tab, kept by the background in
 * `storage.session` under `tabStateKey(tabId)` so it survives a service-worker
 * restart and a panel reload, and is gone when the browser closes.
 */
export type TabState =
  | { status: 'ok'; accountKey: string; site: string; url: string; at: number }
  | { status: 'unreadable'; site: string; siteLabel: string; url: string; missing: Missing; at: number }
  | { status: 'unrecognised'; url: string; at: number };

const PREFIX = 'tab:';

export function tabStateKey(tabId: number): string {
  return `${PREFIX}${tabId}`;
}

export function tabIdOfKey(key: string): number | undefined {
  if (!key.startsWith(PREFIX)) return undefined;
  const id = Number(key.slice(PREFIX.length));
  return Number.isInteger(id) ? id : undefined;
}

/** Message from a content script to the background. */
export interface PageReportMessage {
  type: 'playcard:page-report';
  report: unknown;
}

export function isPageReportMessage(message: unknown): message is PageReportMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'playcard:page-report';
}

/** Message from the panel asking a tab's content script to read the page again. */
export const READ_AGAIN = 'playcard:read-again';
