import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageReader } from '../lib/content/start';
import { salesforce, SELECTORS } from '../lib/sites/salesforce';
import { siteReader } from '../lib/sites/reader';

export default defineContentScript({
  matches: salesforce.hosts,
  runAt: 'document_idle',
  // WXT's start-up postMessage would reach the CRM's own message listeners.
  noScriptStartedPostMessage: true,
  main: (ctx) => startPageReader(ctx, siteReader(salesforce), { site: { id: salesforce.id, examples: salesforce.examples, selectors: SELECTORS } }),
});
