/**
 * Run after `wxt build`: fails when a content-script bundle contains zod, and
 * reports every content script's gzip size against its budget (reported, not
 * failed on: the bench tracks size; this check guards the rule).
 *
 *   tsx scripts/check-bundles.ts [extension dir, default .output/chrome-mv3]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const CONTENT_SCRIPT_BUDGET_KB = 20;

/**
 * zod's fingerprints that survive minification: zod 4 names every class through
 * `$constructor("$ZodType", ...)` (`$ZodObject`, `$ZodString`...), and zod 3 tags
 * its types and errors by string (`"ZodObject"`, `ZodError`). Minifiers rename
 * identifiers, never string literals.
 */
const ZOD_MARKER = /\$?Zod(?:Type|Object|String|Error|Number|Array|Union|Enum)\b/g;

/** The distinct zod markers in a bundle's source; empty when it is zod-free. */
export function zodMarkersIn(source: string): string[] {
  return [...new Set(source.match(ZOD_MARKER) ?? [])].sort();
}

export interface ContentScriptReport {
  /** Path inside the extension directory, `content-scripts/gmail.js`. */
  file: string;
  gzipKb: number;
  zodMarkers: string[];
}

/**
 * Every content-script bundle: those the manifest declares and those registered
 * at run time (the custom-host reader), which WXT writes to `content-scripts/` too.
 */
export function contentScriptFiles(extensionDir: string): string[] {
  const files = new Set<string>();
  const scriptsDir = join(extensionDir, 'content-scripts');
  if (existsSync(scriptsDir)) for (const file of readdirSync(scriptsDir)) if (file.endsWith('.js')) files.add(`content-scripts/${file}`);
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  for (const script of manifest.content_scripts ?? []) for (const file of script.js ?? []) files.add(file.replace(/^\//, ''));
  return [...files].sort();
}

export function checkContentScripts(extensionDir: string): ContentScriptReport[] {
  return contentScriptFiles(extensionDir).map((file) => {
    const bytes = readFileSync(join(extensionDir, file));
    return { file, gzipKb: gzipSync(bytes, { level: 9 }).length / 1024, zodMarkers: zodMarkersIn(bytes.toString('utf8')) };
  });
}

function main(): void {
  const dir = process.argv[2] ?? '.output/chrome-mv3';
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`No built extension in ${dir}: run \`npm run build\` first.`);
    process.exit(1);
  }
  const reports = checkContentScripts(dir);
  if (reports.length === 0) {
    console.error(`No content scripts found in ${relative(process.cwd(), dir) || dir}.`);
    process.exit(1);
  }
  console.log(`Content scripts in ${dir} (gzip -9, budget ${CONTENT_SCRIPT_BUDGET_KB} KB each):`);
  for (const { file, gzipKb, zodMarkers } of reports) {
    const size = `${gzipKb.toFixed(1).padStart(5)} KB${gzipKb > CONTENT_SCRIPT_BUDGET_KB ? '  OVER BUDGET (reported, not failed)' : ''}`;
    console.log(`  ${file.padEnd(36)} ${size}${zodMarkers.length ? `  ZOD: ${zodMarkers.join(', ')}` : ''}`);
  }
  const withZod = reports.filter((report) => report.zodMarkers.length > 0);
  if (withZod.length > 0) {
    console.error(
      `\n${withZod.length} content script(s) bundle zod: ${withZod.map((r) => r.file).join(', ')}.\n` +
        'Content scripts may import zod types only (`import type`); find the runtime import with `npm run lint`, or a module that imports zod at run time.',
    );
    process.exit(1);
  }
  console.log('No content script bundles zod.');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
