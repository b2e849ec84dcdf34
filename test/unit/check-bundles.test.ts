import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkContentScripts } from '../../scripts/check-bundles';

// A fake built extension whose content scripts are bundled the way a build bundles them
// (minified, one file each): one uses zod at run time, one only its types.
let dir: string;

async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, loader: 'ts', resolveDir: process.cwd() },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'playcard-bundles-'));
  mkdirSync(join(dir, 'content-scripts'));
  writeFileSync(
    join(dir, 'content-scripts', 'with-zod.js'),
    await bundle("import { z } from 'zod';\nconsole.log(z.object({ name: z.string() }).safeParse(JSON.parse(document.title)).success);"),
  );
  writeFileSync(
    join(dir, 'content-scripts', 'types-only.js'),
    await bundle("import type { PageSnapshotInput } from './lib/snapshot';\nconst input: Partial<PageSnapshotInput> = { site: 'gmail' };\nconsole.log(input);"),
  );
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ content_scripts: [{ matches: ['https://example.com/*'], js: ['content-scripts/types-only.js'] }] }));
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a content script that bundles zod is caught; one that imports its types only is not', () => {
  const reports = checkContentScripts(dir);
  expect(reports.map((r) => r.file)).toEqual(['content-scripts/types-only.js', 'content-scripts/with-zod.js']);
  expect(reports[0]!.zodMarkers).toEqual([]);
  expect(reports[1]!.zodMarkers).toContain('$ZodObject');
  expect(reports[1]!.zodMarkers).toContain('$ZodString');
});
