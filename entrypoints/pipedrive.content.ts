import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageReader } from '../lib/content/start';
import { pipedrive, SELECTORS } from '../lib/sites/pipedrive';
import { siteReader } from '../lib/sites/reader';

export default defineContentScript({
  matches: pipedrive.hosts,
  runAt: 'document_idle',
  // WXT's start-up postMessage would reach the CRM's own message listeners.
  noScriptStartedPostMessage: true,
  main: (ctx) => startPageReader(ctx, siteReader(pipedrive), { site: { id: pipedrive.id, examples: pipedrive.examples, selectors: SELECTORS } }),
});
