import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ownContext } from '../lib/content/context';
import { startPageReader } from '../lib/content/start';
import { generic } from '../lib/sites/generic';
import { grantedHostReader } from '../lib/sites/reader';

/**
 * The generic reader (schema.org Organization, label/value pairs), for CRM
 * hosts the user added as "another CRM". The background registers it at run
 * time for exactly those hosts; a host assigned to a known CRM gets that
 * site's own script instead (see registrationsFor).
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  // A context the page cannot end (lib/content/context.ts), not WXT's.
  main: (ctx) =>
    startPageReader(ownContext({ name: 'custom', extensionAlive: () => browser.runtime?.id != null, host: ctx }), grantedHostReader(generic), { site: { id: 'custom' } }),
});
