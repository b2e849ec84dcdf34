import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageReader } from '../lib/content/start';
import { dynamics, SELECTORS } from '../lib/sites/dynamics';
import { siteReader } from '../lib/sites/reader';

export default defineContentScript({
  matches: dynamics.hosts,
  runAt: 'document_idle',
  // WXT's start-up postMessage would reach the CRM's own message listeners.
  noScriptStartedPostMessage: true,
  main: (ctx) => startPageReader(ctx, siteReader(dynamics), { site: { id: dynamics.id, examples: dynamics.examples, selectors: SELECTORS } }),
});
