import { defineConfig } from 'wxt';
import { KNOWN_SITE_MATCHES } from './lib/sites';
import { inlinePageCss } from './scripts/build/inline-page-css';
import { precompileMessages } from './scripts/build/precompile-messages';

export default defineConfig({
  // Each file's imports show what it depends on.
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // Store listings and the browser's extension list read these from public/_locales/<lang>/messages.json.
    name: '__MSG_name__',
    description: '__MSG_description__',
    default_locale: 'en',
    // contextMenus: "Learn the playbook" on the toolbar button (no install warning; action context only).
    permissions: browser === 'firefox' ? ['storage', 'scripting', 'alarms', 'contextMenus'] : ['storage', 'scripting', 'alarms', 'sidePanel', 'contextMenus'],
    // Enterprise policy for team playbooks (Chrome/Edge policy; Firefox reads policies.json "3rdparty").
    storage: { managed_schema: 'managed-schema.json' },
    host_permissions: KNOWN_SITE_MATCHES,
    // A CRM on the team's own domain is granted by the user, one host at a time, from the options page.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    // A shortcut that opens the panel. Chrome: the action opens the side panel (background's
    // setPanelBehavior), so executing the action is enough; Firefox toggles its sidebar.
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_actionTitle__' } }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_actionTitle__' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing leaves the browser but the team playbook request: no data collection to declare.
            // AMO requires that declaration; Firefox understands it from 140 (142 on Android), so
            // that is the oldest version the add-on claims (web-ext lint warns about anything lower).
            gecko: { id: 'playcard@playcard.app', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '116' }),
  }),
  hooks: {
    // Each extension page builds alone. Built together, the bundler split what the pages share
    // into some 25 small chunks, which a page fetched one by one before its first render (the
    // side panel's module loading took about twice as long). Alone, a page's first script is
    // one file; what it loads on demand stays in chunks of its own.
    'entrypoints:grouped': (_wxt, groups) => {
      groups.forEach((group, i) => {
        if (!Array.isArray(group) || group.length < 2 || !group.every((entrypoint) => entrypoint.type !== 'background')) return;
        const [first, ...rest] = group;
        groups[i] = [first!];
        for (const page of rest) groups.push([page]);
      });
    },
  },
  vite: () => ({
    // Catalogues ship as pre-parsed ICU trees, so no page carries the ICU parser (about 8 KB gzip).
    // Each page's stylesheet is inlined into its HTML, so its first script does not wait for a second file.
    plugins: [precompileMessages(), inlinePageCss()],
    resolve: { alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }] },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
