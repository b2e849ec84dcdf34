import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ownContext } from '../lib/content/context';
import { startPageReader } from '../lib/content/start';
import { linkedin, SELECTORS } from '../lib/sites/linkedin';
import { siteReader } from '../lib/sites/reader';

export default defineContentScript({
  matches: linkedin.hosts,
  runAt: 'document_idle',
  // WXT's start-up postMessage would reach the page's own message listeners.
  noScriptStartedPostMessage: true,
  // A context the page cannot end (lib/content/context.ts), not WXT's.
  main: (ctx) => startPageReader(ownContext({ name: 'linkedin', extensionAlive: () => browser.runtime?.id != null, host: ctx }), siteReader(linkedin), { site: { id: linkedin.id, examples: linkedin.examples, selectors: SELECTORS } }),
});
