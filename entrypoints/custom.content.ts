import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageReader } from '../lib/content/start';
import { CUSTOM_HOSTS_KEY, hostFor, readHosts } from '../lib/custom-hosts';
import { ADAPTERS, GENERIC_ADAPTER, createReader } from '../lib/sites';

/**
 * Reads CRM hosts the user added in the options page. The background registers
 * it at run time for exactly the hosts the user granted, so it carries every
 * adapter: the user says which CRM a host runs, or "any CRM" for the generic reader.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const stored = await browser.storage.local.get(CUSTOM_HOSTS_KEY);
    const host = hostFor(readHosts(stored[CUSTOM_HOSTS_KEY]), location.origin);
    const adapter = ADAPTERS.find((candidate) => candidate.id === host?.site);
    // The chosen adapter reads this host whatever its name; its own URL rules are for the vendor's cloud hosts.
    const reader = adapter ? createReader([{ ...adapter, matches: () => true }], GENERIC_ADAPTER) : createReader([], GENERIC_ADAPTER);
    startPageReader(ctx, reader, browser.runtime, { generic: true });
  },
});
