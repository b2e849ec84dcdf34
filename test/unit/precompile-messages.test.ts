import { IntlMessageFormat } from 'intl-messageformat';
import { parseAst, type Plugin } from 'vite';
import { expect, test } from 'vitest';
import { precompileMessages } from '../../scripts/build/precompile-messages';

// The build ships catalogues as pre-parsed ICU trees (no parser in any page). What a rep reads
// must not change: a tree formats exactly as its source string did.

type Transform = (this: unknown, code: string, id: string) => { code: string } | null;
const transform = (precompileMessages() as Plugin & { transform: Transform }).transform;
const context = {
  parse: (code: string) => parseAst(code),
  error: (message: string) => {
    throw new Error(message);
  },
};

/** The module's exported object after the build's transform, read back as data. */
function built(code: string, id = '/repo/lib/i18n/catalogues/pl.ts'): Record<string, unknown> {
  const out = transform.call(context, code, id);
  const literal = (out?.code ?? code).replace(/^export const \w+ = /, '').replace(/;\s*$/, '');
  return JSON.parse(literal.replace(/'([^']*)':/g, '"$1":')) as Record<string, unknown>;
}

test('a Polish plural and a plain message format the same from the shipped tree as from the source', () => {
  const source = {
    'update.title': 'Playbook zaktualizowany do {version}: {n, plural, one {# zmiana} few {# zmiany} many {# zmian} other {# zmiany}}',
    'panel.loading': 'Czytam stronę…',
  };
  const catalogue = built(`export const pl = ${JSON.stringify(source)};`);
  const format = (message: unknown, params?: Record<string, string | number>) =>
    new IntlMessageFormat(message as string, 'pl', undefined, { ignoreTag: true }).format(params);
  expect(Array.isArray(catalogue['update.title'])).toBe(true);
  expect(format(catalogue['update.title'], { version: '2026.12.1', n: 5 })).toBe('Playbook zaktualizowany do 2026.12.1: 5 zmian');
  expect(format(catalogue['update.title'], { version: '2026.12.1', n: 2 })).toBe('Playbook zaktualizowany do 2026.12.1: 2 zmiany');
  expect(format(catalogue['panel.loading'])).toBe('Czytam stronę…');
});

test('a message that is not valid ICU fails the build and names its key', () => {
  expect(() => built(`export const pl = { "update.title": "Playbook {version: {n, plural, one {# zmiana}" };`)).toThrow(/update\.title/);
});

test('files that are not catalogues are left alone', () => {
  expect(transform.call(context, `export const x = { "a": "{n}" };`, '/repo/lib/panel/state.ts')).toBeNull();
});
