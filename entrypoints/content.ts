import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { inspectPage } from '../lib/sites';
import { KNOWN_SITE_MATCHES } from '../lib/sites/hosts';
import { watchPage } from '../lib/page-watch';
import { READ_AGAIN, type PageReportMessage } from '../lib/tab-state';

export default defineContentScript({
  matches: KNOWN_SITE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const watch = watchPage({
      root: () => document.body,
      inspect: () => inspectPage(document, location.href),
      isFound: (report) => report.status === 'ok',
      send: (report) => {
        if (ctx.isInvalid) return;
        const message: PageReportMessage = { type: 'playcard:page-report', report };
        // The background may be restarting; the next change reports again.
        browser.runtime.sendMessage(message).catch(() => {});
      },
      signal: ctx.signal,
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => watch.navigated());
    const onMessage = (message: unknown) => {
      if (message === READ_AGAIN) watch.readNow();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
