import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ownContext } from '../lib/content/context';
import { startPageReader } from '../lib/content/start';
import { dynamics, SELECTORS } from '../lib/sites/dynamics';
import { siteReader } from '../lib/sites/reader';

export default defineContentScript({
  matches: dynamics.hosts,
  runAt: 'document_idle',
  // WXT's start-up postMessage would reach the CRM's own message listeners.
  noScriptStartedPostMessage: true,
  // A context the page cannot end (lib/content/context.ts), not WXT's.
  main: (ctx) =>
    startPageReader(ownContext({ name: 'dynamics', extensionAlive: () => browser.runtime?.id != null, host: ctx }), siteReader(dynamics), { site: { id: dynamics.id, examples: dynamics.examples, selectors: SELECTORS } }),
});
