import { defineConfig } from 'wxt';

// Host patterns for the CRMs and mail clients the content script reads out of the box.
// Anything else is granted by the user at run time (optional_host_permissions).
export const KNOWN_SITE_MATCHES = [
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  'https://mail.google.com/*',
];

export default defineConfig({
  // Each file's imports show what it depends on.
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Playcard',
    description: 'Segment, persona and tactic checklist for the account open in your CRM or inbox.',
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'sidePanel'],
    host_permissions: KNOWN_SITE_MATCHES,
    action: { default_title: 'Open Playcard' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'playcard@playcard.app', strict_min_version: '128.0' },
          },
        }
      : { minimum_chrome_version: '116' }),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    resolve: {
      alias: { react: 'preact/compat', 'react-dom': 'preact/compat' },
    },
  }),
});
