import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CheckOutcome } from './playbook/runtime/outcome';
import type { SourceResolution } from './playbook/fetch-rules';
import type { PageReportInput } from './sites/reader';

/** A playbook file as the options page sends it to the background. */
export interface PlaybookFileMessage {
  name: string;
  /** The file's exact bytes, base64: the signature covers bytes, and extension messages are JSON. */
  base64: string;
  /** The detached signature (.sig) picked with it, or null. */
  signature: string | null;
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
  /** Panel → a tab's content script: read the page again and report. */
  readAgain(): void;
  /** Options page → background: which source is in force and what the rep may change. */
  resolvePlaybookSource(): SourceResolution;
  /** Options page → background: poll the playbook source now. */
  checkPlaybook(): CheckOutcome;
  /** Options page → background: apply an imported playbook file. */
  importPlaybook(file: PlaybookFileMessage): CheckOutcome;
  /** Options page → background: make an earlier version (history `seq`) active again. */
  rollBackPlaybook(seq: number): CheckOutcome;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
