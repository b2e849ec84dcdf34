// ESLint flat config: the recommended rules plus the import boundaries the
// architecture relies on (DESIGN.md). The boundaries are tested in
// test/unit/lint-boundaries.test.ts so they cannot silently stop firing.
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Files that run in the CRM's page: every byte counts and zod must never ship there. */
export const CONTENT_SCRIPT_FILES = ['lib/sites/**/*.ts', 'lib/content/**/*.ts', 'lib/diagnostics/**/*.ts', 'lib/page-watch.ts', 'entrypoints/*.content.ts'];

/** Pure logic, run in the background, the panel, tests and scripts alike. */
export const PURE_FILES = ['lib/core/**/*.ts', 'lib/playbook/**/*.ts'];
/** The part of lib/playbook that runs in the background with the database: outside the pure zone. */
export const PLAYBOOK_RUNTIME_FILES = ['lib/playbook/runtime/**/*.ts'];

/**
 * The content scripts' import rule. Type imports stay allowed: they vanish at build time.
 * zod and the snapshot schema (which builds zod objects at import) are runtime weight;
 * scripts/check-bundles.ts catches what a transitive import would still bring in.
 */
const contentScriptImports = {
  paths: [
    { name: 'zod', message: 'Content scripts must not bundle zod; import types only (`import type`).', allowTypeImports: true },
  ],
  patterns: [
    { group: ['zod/*'], message: 'Content scripts must not bundle zod; import types only (`import type`).', allowTypeImports: true },
    {
      group: ['**/snapshot', '**/snapshot.ts', '**/playbook/schema', '**/playbook/schema.ts'],
      message: 'This module builds zod schemas at import; content scripts may import its types only (`import type`).',
      allowTypeImports: true,
    },
  ],
};

/** The pure modules' import rule: no browser API, no DOM-only module, no Dexie. */
const pureImports = {
  paths: [
    { name: 'dexie', message: 'lib/core and lib/playbook stay free of Dexie: pass data in, return data out.' },
    { name: 'preact', message: 'lib/core and lib/playbook render nothing.' },
    { name: '@preact/signals', message: 'lib/core and lib/playbook hold no UI state.' },
  ],
  patterns: [
    { group: ['wxt', 'wxt/*', 'webextension-polyfill', '@webext-core/*', '@wxt-dev/*'], message: 'lib/core and lib/playbook use no browser extension API.' },
    { group: ['preact/*', 'happy-dom', 'linkedom'], message: 'lib/core and lib/playbook use no DOM.' },
    { group: ['**/db', '**/db.ts', '**/db/*'], message: 'lib/core and lib/playbook stay free of the database: pass data in, return data out.' },
  ],
};

const browserGlobal = (name) => ({ name, message: `lib/core and lib/playbook use no browser or DOM global (${name}); take what you need as a parameter.` });

export default defineConfig(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
    },
    rules: {
      // Unused names are errors, except the deliberate `_name` and rest-sibling omissions.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // `[\x00-\x7f]` ASCII fast paths are deliberate; nothing here parses control characters.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests feed deliberately malformed input (old storage, broken playbooks) through `any`.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: CONTENT_SCRIPT_FILES,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', contentScriptImports] },
  },
  {
    files: PURE_FILES,
    // The playbook runtime (poll, store, service) is the background's: it owns Dexie and alarms.
    ignores: PLAYBOOK_RUNTIME_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', pureImports],
      'no-restricted-globals': [
        'error',
        ...['browser', 'chrome', 'window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'MutationObserver', 'DOMParser'].map(
          browserGlobal,
        ),
      ],
    },
  },
);
