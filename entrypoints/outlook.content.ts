import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageReader } from '../lib/content/start';
import { outlook, SELECTORS } from '../lib/sites/outlook';
import { siteReader } from '../lib/sites/reader';

export default defineContentScript({
  matches: outlook.hosts,
  runAt: 'document_idle',
  // WXT's start-up postMessage would reach the CRM's own message listeners.
  noScriptStartedPostMessage: true,
  main: (ctx) => startPageReader(ctx, siteReader(outlook), { site: { id: outlook.id, examples: outlook.examples, selectors: SELECTORS } }),
});
