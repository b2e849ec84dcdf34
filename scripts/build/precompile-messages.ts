import { parse } from '@formatjs/icu-messageformat-parser';
import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/** The UI catalogues: shared English in lib/i18n/messages.ts, the other languages in lib/i18n/catalogues/, pages' own in lib/i18n/areas/. */
export const CATALOGUE_FILE = /[\\/]lib[\\/]i18n[\\/](messages|catalogues[\\/][a-z]{2,3}|areas[\\/][a-z]+[\\/][a-z]{2,3})\.ts$/;

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/**
 * Pre-compiles the UI catalogues at build time, as formatjs recommends: each ICU message
 * (`{n, plural, one {# change} other {# changes}}`) is shipped as the syntax tree
 * intl-messageformat would parse it into, so extension pages ship without the ICU parser and
 * never parse a message at run time. A message that does not parse fails the build, naming
 * its key. Unit tests run on the source strings (lib/i18n/index.ts formats both).
 */
export function precompileMessages(): Plugin {
  return {
    name: 'playcard:precompile-messages',
    transform(code, id) {
      if (!CATALOGUE_FILE.test(id)) return null;
      const program = this.parse(code) as unknown as { body: Node[] };
      const edits = new MagicString(code);
      let compiled = 0;
      for (const statement of program.body) {
        const declaration = statement.type === 'ExportNamedDeclaration' ? (statement.declaration as Node | null) : null;
        if (declaration?.type !== 'VariableDeclaration') continue;
        for (const declarator of declaration.declarations as Node[]) {
          const object = declarator.init as Node | null;
          if (object?.type !== 'ObjectExpression') continue;
          for (const property of object.properties as Node[]) {
            const key = property.key as Node & { value?: unknown; name?: string };
            const value = property.value as Node & { value?: unknown };
            if (property.type !== 'Property' || value.type !== 'Literal' || typeof value.value !== 'string') continue;
            let tree: unknown;
            try {
              // The options lib/i18n/index.ts formats with: tags stay literal text.
              tree = parse(value.value, { ignoreTag: true });
            } catch (error) {
              this.error(`${id}: message ${String(key.value ?? key.name)} is not valid ICU MessageFormat: ${String(error)}`);
            }
            edits.overwrite(value.start, value.end, JSON.stringify(tree));
            compiled++;
          }
        }
      }
      if (!compiled) return null;
      return { code: edits.toString(), map: edits.generateMap({ hires: true }) };
    },
  };
}
