import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test } from 'vitest';

// The project's own eslint.config.js, run on snippets attributed to files in each area:
// if a glob or a rule option drifts, these fail instead of the boundary silently lapsing.
let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  // Loading the config and the TypeScript parser takes seconds on a busy machine; do it once, outside the tests' time limit.
  await eslint.lintText('export {};\n', { filePath: 'lib/core/warm-up.ts' });
}, 60_000);

/** `rule: import or global` for each problem ESLint reports on `code` as if it were `file`. */
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${code.slice(lineStart(code, m.line) + m.column - 1).match(/^[^;\n]*/)![0]}`);
}

function lineStart(code: string, line: number): number {
  let at = 0;
  for (let i = 1; i < line; i++) at = code.indexOf('\n', at) + 1;
  return at;
}

describe('lib/core and lib/playbook import no browser API, DOM or Dexie', () => {
  for (const file of ['lib/core/example.ts', 'lib/playbook/example.ts']) {
    test(`${file}: browser API, Dexie and the database module are refused`, async () => {
      const code = [
        "import { browser } from 'wxt/browser';",
        "import Dexie from 'dexie';",
        "import { openDb } from '../db';",
        "import { render } from 'preact';",
        'export const used = [browser, Dexie, openDb, render];',
      ].join('\n');
      expect(await problems(file, code)).toEqual([
        "@typescript-eslint/no-restricted-imports: import { browser } from 'wxt/browser'",
        "@typescript-eslint/no-restricted-imports: import Dexie from 'dexie'",
        "@typescript-eslint/no-restricted-imports: import { openDb } from '../db'",
        "@typescript-eslint/no-restricted-imports: import { render } from 'preact'",
      ]);
    });

    test(`${file}: browser and DOM globals are refused`, async () => {
      const code = 'export const title = () => document.title;\nexport const id = () => chrome.runtime.id;\nexport const lang = () => navigator.language;';
      expect(await problems(file, code)).toEqual([
        'no-restricted-globals: document.title',
        'no-restricted-globals: chrome.runtime.id',
        'no-restricted-globals: navigator.language',
      ]);
    });
  }

  test('the same imports are fine outside those folders (the panel state may use the database)', async () => {
    expect(await problems('lib/panel/example.ts', "import { openDb } from '../db';\nexport const used = openDb;")).toEqual([]);
  });

  test('pure code may import types and pure helpers', async () => {
    const code = "import type { Playbook } from '../playbook/schema';\nimport { localise } from '../i18n/local-text';\nexport const f = (p: Playbook) => localise(p.meta.name, 'en');";
    expect(await problems('lib/core/example.ts', code)).toEqual([]);
  });
});

describe('content-script code never imports zod or the snapshot schema at run time', () => {
  for (const file of ['lib/sites/example.ts', 'lib/content/start.ts', 'lib/page-watch.ts', 'entrypoints/example.content.ts']) {
    test(`${file}: runtime imports are refused, type imports pass`, async () => {
      const code = [
        "import { z } from 'zod';",
        "import { PageSnapshot } from '../snapshot';",
        "import type { PageSnapshotInput } from '../snapshot';",
        "import type { ZodType } from 'zod';",
        'export const used: [unknown, unknown, PageSnapshotInput?, ZodType?] = [z, PageSnapshot];',
      ].join('\n');
      expect(await problems(file, code)).toEqual([
        "@typescript-eslint/no-restricted-imports: import { z } from 'zod'",
        "@typescript-eslint/no-restricted-imports: import { PageSnapshot } from '../snapshot'",
      ]);
    });
  }

  test('the background may import zod', async () => {
    expect(await problems('entrypoints/background.ts', "import { z } from 'zod';\nexport const used = z;")).toEqual([]);
  });
});
