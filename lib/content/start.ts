import type { PageReader, PageReportInput } from '../sites/reader';
import { watchPage } from '../page-watch';
import { onMessage, sendMessage } from '../messages';

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
  onReadAgain(listener: () => void): () => void;
}

export const extensionMessaging: ContentMessaging = {
  sendReport: (report) => sendMessage('pageReport', report),
  onReadAgain: (listener) => onMessage('readAgain', () => listener()),
};

/**
 * Everything a content script does: read the page with `reader`, report to
 * the background when the result changes, follow SPA navigation, answer the
 * panel's "read again", and stop when the extension is updated or removed.
 */
export function startPageReader(ctx: ContentContext, reader: PageReader, messaging: ContentMessaging = extensionMessaging): void {
  const watch = watchPage<PageReportInput>({
    root: () => document.body,
    scope: () => reader.observeRoot(document),
    identity: (report) => (report.status === 'ok' ? JSON.stringify({ ...report.snapshot, url: '', recordId: '' }) : report.status),
    inspect: () => {
      // A mark per read lets `npm run bench` measure the read's main-thread cost on real pages.
      const started = performance.now();
      const report = reader.inspectPage(document, location.href);
      performance.measure('playcard:read', { start: started, end: performance.now() });
      return report;
    },
    isFound: (report) => report.status === 'ok',
    send: (report) => {
      if (ctx.isInvalid) return;
      // The background may be restarting; the next change reports again.
      messaging.sendReport(report).catch(() => {});
    },
    signal: ctx.signal,
  });
  // The event fires inside pushState, before the URL changes; by the next microtask the URL is
  // new, and a router that renders in the same task has rendered too.
  ctx.addEventListener(window, 'wxt:locationchange', () => queueMicrotask(() => watch.navigated()));
  const stopListening = messaging.onReadAgain(() => watch.readNow());
  ctx.onInvalidated(stopListening);
}
