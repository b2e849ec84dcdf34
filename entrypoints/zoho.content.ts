import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageReader } from '../lib/content/start';
import { zoho, SELECTORS } from '../lib/sites/zoho';
import { siteReader } from '../lib/sites/reader';

export default defineContentScript({
  matches: zoho.hosts,
  runAt: 'document_idle',
  // WXT's start-up postMessage would reach the CRM's own message listeners.
  noScriptStartedPostMessage: true,
  main: (ctx) => startPageReader(ctx, siteReader(zoho), { site: { id: zoho.id, examples: zoho.examples, selectors: SELECTORS } }),
});
