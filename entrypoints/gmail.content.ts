import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageReader } from '../lib/content/start';
import { gmail, SELECTORS } from '../lib/sites/gmail';
import { siteReader } from '../lib/sites/reader';

export default defineContentScript({
  matches: gmail.hosts,
  runAt: 'document_idle',
  // WXT's start-up postMessage would reach the CRM's own message listeners.
  noScriptStartedPostMessage: true,
  main: (ctx) => startPageReader(ctx, siteReader(gmail), { site: { id: gmail.id, examples: gmail.examples, selectors: SELECTORS } }),
});
