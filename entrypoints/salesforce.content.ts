import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ownContext } from '../lib/content/context';
import { startPageReader } from '../lib/content/start';
import { salesforce, SELECTORS } from '../lib/sites/salesforce';
import { siteReader } from '../lib/sites/reader';

export default defineContentScript({
  matches: salesforce.hosts,
  runAt: 'document_idle',
  // WXT's start-up postMessage would reach the CRM's own message listeners.
  noScriptStartedPostMessage: true,
  // A context the page cannot end (lib/content/context.ts), not WXT's.
  main: (ctx) =>
    startPageReader(ownContext({ name: 'salesforce', extensionAlive: () => browser.runtime?.id != null, host: ctx }), siteReader(salesforce), { site: { id: salesforce.id, examples: salesforce.examples, selectors: SELECTORS } }),
});
