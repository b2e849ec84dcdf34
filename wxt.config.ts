import { defineConfig } from 'wxt';
import { KNOWN_SITE_MATCHES } from './lib/sites';

export default defineConfig({
  // Each file's imports show what it depends on.
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Playcard',
    description: 'Segment, persona and tactic checklist for the account open in your CRM or inbox.',
    // contextMenus: "Learn the playbook" on the toolbar button (no install warning; action context only).
    permissions: browser === 'firefox' ? ['storage', 'scripting', 'alarms', 'contextMenus'] : ['storage', 'scripting', 'alarms', 'sidePanel', 'contextMenus'],
    // Enterprise policy for team playbooks (Chrome/Edge policy; Firefox reads policies.json "3rdparty").
    storage: { managed_schema: 'managed-schema.json' },
    host_permissions: KNOWN_SITE_MATCHES,
    // A CRM on the team's own domain is granted by the user, one host at a time, from the options page.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Open Playcard' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing leaves the browser but the team playbook request: no data collection to declare.
            gecko: { id: 'playcard@playcard.app', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : { minimum_chrome_version: '116' }),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
