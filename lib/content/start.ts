import type { PageReader, PageReportInput } from '../sites/reader';
import type { MissingKind } from '../sites/missing';
import { watchPage } from '../page-watch';
import { onMessage, sendMessage, type PageReading } from '../messages';
import { diagnosePage, type DiagnosticsSite, type PageDiagnostics } from '../diagnostics/page';

/** The parts of WXT's content-script context and of the extension API this needs (injected, so lib stays browser-free). */
export interface ContentContext {
  signal: AbortSignal;
  isInvalid: boolean;
  addEventListener(target: Window, type: 'wxt:locationchange', handler: () => void): void;
  onInvalidated(callback: () => void): void;
}

/** How a content script talks to the extension (lib/messages.ts; injected so tests can listen in). */
export interface ContentMessaging {
  sendReport(report: PageReportInput): Promise<unknown>;
  /** Returns the function that stops listening. */
  onReadAgain(listener: () => PageReading): () => void;
  /** The panel's "report this page". Returns the function that stops listening. */
  onDiagnose(listener: () => PageDiagnostics): () => void;
}

export const extensionMessaging: ContentMessaging = {
  sendReport: (report) => sendMessage('pageReport', report),
  onReadAgain: (listener) => onMessage('readAgain', () => listener()),
  onDiagnose: (listener) => onMessage('diagnose', () => listener()),
};

export interface PageReaderOptions {
  /** The site read, for "report this page": its id, example URLs and selectors. */
  site?: DiagnosticsSite;
  messaging?: ContentMessaging;
}

/**
 * Pages whose kind the adapter tells from the URL alone (lib/sites/*: `pageKind`): a contact,
 * a list, an inbox is that from the first read, so it is reported at once rather than after
 * the settling window, during which the panel would show the previous page or nothing.
 * `record`, `loading`, `internal` and `no-company` depend on what has rendered: they wait.
 */
const KIND_FROM_URL: ReadonlySet<MissingKind> = new Set(['contact', 'deal', 'lead', 'list', 'new-record', 'classic', 'inbox', 'other']);

/** A report the page will not improve on: a record, or a page of a kind no record will appear on. */
export function isSettled(report: PageReportInput): boolean {
  return report.status === 'ok' || (report.status === 'unreadable' && KIND_FROM_URL.has(report.missing.kind));
}

/** What a report says apart from where it is: another record, or another kind of page. */
export function identityOf(report: PageReportInput): string {
  if (report.status === 'ok') return JSON.stringify({ ...report.snapshot, url: '', recordId: '' });
  return report.status === 'unreadable' ? `unreadable:${report.missing.kind}` : report.status;
}

/**
 * Everything a content script does: read the page with `reader`, report to
 * the background when the result changes, follow SPA navigation, answer the
 * panel's "read again" and "report this page", and stop when the extension is
 * updated or removed.
 */
export function startPageReader(ctx: ContentContext, reader: PageReader, { site, messaging = extensionMessaging }: PageReaderOptions = {}): void {
  let sent = false;
  const watch = watchPage<PageReportInput>({
    root: () => document.body,
    scope: () => reader.observeRoot(document),
    identity: identityOf,
    inspect: () => {
      // A mark per read lets `npm run bench` measure the read's main-thread cost on real pages.
      const started = performance.now();
      const report = reader.inspectPage(document, location.href);
      performance.measure('playcard:read', { start: started, end: performance.now() });
      return report;
    },
    isFound: isSettled,
    send: (report) => {
      sent = true;
      if (ctx.isInvalid) return;
      // The background may be restarting; the next change reports again.
      messaging.sendReport(report).catch(() => {});
    },
    signal: ctx.signal,
  });
  // The event fires inside pushState, before the URL changes; by the next microtask the URL is
  // new, and a router that renders in the same task has rendered too.
  ctx.addEventListener(window, 'wxt:locationchange', () => queueMicrotask(() => watch.navigated()));
  const stopReading = messaging.onReadAgain(() => {
    sent = false;
    watch.readNow();
    if (sent) return { reading: false };
    // Still settling: the report comes when the page has rendered. Say which site is being read.
    const now = reader.inspectPage(document, location.href);
    return now.status === 'unreadable' ? { reading: true, siteLabel: now.siteLabel } : { reading: true };
  });
  const stopDiagnosing = messaging.onDiagnose(() =>
    diagnosePage(document, location.href, reader.inspectPage(document, location.href), reader.observeRoot(document), site),
  );
  ctx.onInvalidated(() => {
    stopReading();
    stopDiagnosing();
  });
}
