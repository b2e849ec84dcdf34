import { defineExtensionMessaging, type GetDataType, type GetReturnType } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { CheckOutcome } from './playbook/runtime/outcome';
import type { SourceResolution } from './playbook/fetch-rules';
import type { PageDiagnostics } from './diagnostics/page';
import type { PageReportInput } from './sites/reader';
import type { TabState } from './tab-state';

/** A playbook file as the options page sends it to the background. */
export interface PlaybookFileMessage {
  name: string;
  /** The file's exact bytes, base64: the signature covers bytes, and extension messages are JSON. */
  base64: string;
  /** The detached signature (.sig) picked with it, or null. */
  signature: string | null;
}

/** A content script's answer to "read again": whether its report is still to come (the page is settling). */
export interface PageReading {
  reading: boolean;
  /** The site being read (`HubSpot`), when the reader knows it. */
  siteLabel?: string;
}

/**
 * Every message between the extension's contexts, with its payload and its reply. Content
 * scripts import this module too, so it imports types only (no zod, no Dexie).
 */
export interface ProtocolMap {
  /**
   * Content script → background: what the page shows. Typed for the sender only: the page's
   * world is untrusted, so the background validates it with zod (lib/reports.ts).
   */
  pageReport(report: PageReportInput): void;
  /** Panel → a tab's content script: read the page again and report (or say it is still reading). */
  readAgain(): PageReading;
  /** Panel → a tab's content script: the page's shape for "report this page", without its content. */
  diagnose(): PageDiagnostics;
  /** Options page → background: which source is in force and what the rep may change. */
  resolvePlaybookSource(): SourceResolution;
  /** Options page → background: poll the playbook source now. */
  checkPlaybook(): CheckOutcome;
  /** Options page → background: apply an imported playbook file. */
  importPlaybook(file: PlaybookFileMessage): CheckOutcome;
  /** Options page → background: make an earlier version (history `seq`) active again. */
  rollBackPlaybook(seq: number): CheckOutcome;
  /** Studio → background: apply the lead's exported playbook (and its signature) to this browser. */
  publishPlaybook(file: PlaybookFileMessage): CheckOutcome;
  /**
   * Background → open panels: what a tab shows now, sent as soon as a report is read. The same
   * state is saved in `storage.session` (tabState), which a panel opened later reads; this is the
   * fast path, a few ms instead of a storage write and its change event.
   */
  tabStateChanged(update: { tabId: number; state: TabState }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** Messages the panel sends to a tab's content script. */
type TabMessage = 'readAgain' | 'diagnose';
let tabMessageId = 0;

/**
 * Sends a message to a tab's content script, where `onMessage` receives it like any other.
 * @webext-core/messaging 4.0.0 sends to tabs with a callback that never reads
 * `runtime.lastError`, so each tab without our content script (a new tab, a site Playcard does
 * not read) logs "Unchecked runtime.lastError" in the panel. The promise form rejects instead;
 * the message has the library's shape ({ id, type, data, timestamp }, answered with { res } or { err }).
 */
export async function sendToTab<T extends TabMessage>(tabId: number, type: T, data?: GetDataType<ProtocolMap[T]>): Promise<GetReturnType<ProtocolMap[T]>> {
  const reply = (await browser.tabs.sendMessage(tabId, { id: ++tabMessageId, type, data, timestamp: Date.now() })) as
    | { res: GetReturnType<ProtocolMap[T]>; err?: undefined }
    | { err: unknown }
    | undefined;
  if (!reply || reply.err !== undefined) throw new Error(`the tab did not handle ${type}`);
  return (reply as { res: GetReturnType<ProtocolMap[T]> }).res;
}
