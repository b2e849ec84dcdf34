import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageReader } from '../lib/content/start';
import { hubspot, SELECTORS } from '../lib/sites/hubspot';
import { siteReader } from '../lib/sites/reader';

export default defineContentScript({
  matches: hubspot.hosts,
  runAt: 'document_idle',
  // WXT's start-up postMessage would reach the CRM's own message listeners.
  noScriptStartedPostMessage: true,
  main: (ctx) => startPageReader(ctx, siteReader(hubspot), { site: { id: hubspot.id, examples: hubspot.examples, selectors: SELECTORS } }),
});
