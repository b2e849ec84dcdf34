// `npm run lint:firefox`: web-ext lint (Mozilla's addons-linter, the checks
// addons.mozilla.org runs on upload) on the Firefox build in .output/firefox-mv3.
//
// Fails on any error or notice, and on every warning except the two that
// third-party code in the bundle always raises. Each of those is accepted only
// where the flagged code is the library construct named below, so the same
// warning code from anything else (our own code, another library) still fails.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD = join(ROOT, '.output/firefox-mv3');

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}

interface LintOutput {
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  notices: LintMessage[];
  warnings: LintMessage[];
}

interface KnownWarning {
  code: string;
  library: string;
  why: string;
  /** The minified construct the linter points at. */
  flagged: RegExp;
}

const KNOWN_WARNINGS: KnownWarning[] = [
  {
    code: 'DANGEROUS_EVAL',
    library: 'zod',
    why: "zod's allowsEval probe, try { Function('') } catch, tests whether the page's CSP allows its compiled parsers. The extension CSP forbids eval, so the probe throws and zod parses with its interpreter; no string is ever evaluated.",
    flagged: /try\{return Function\(``\),!0\}catch\{return!1\}/,
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    library: 'preact',
    why: "preact's renderer implements the dangerouslySetInnerHTML prop. Playcard never passes that prop (this script checks its sources), so the assignment never runs.",
    flagged: /\.innerHTML=\w+\.__html/,
  },
];

/** Where the prop that would reach preact's innerHTML assignment is written in our own sources. */
function usesOfDangerousHtml(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(entry.name) && readFileSync(path, 'utf8').includes('dangerouslySetInnerHTML')) found.push(relative(ROOT, path));
    }
  };
  for (const dir of ['components', 'entrypoints', 'lib']) walk(join(ROOT, dir));
  return found;
}

/** The flagged code with some context either side: minified bundles put a whole library on one line. */
function codeAround(message: LintMessage): string {
  if (!message.file || message.line === undefined) return '';
  const line = readFileSync(join(BUILD, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const column = message.column ?? 0;
  return line.slice(Math.max(0, column - 200), column + 200);
}

function knownFor(message: LintMessage): KnownWarning | undefined {
  return KNOWN_WARNINGS.find((known) => known.code === message.code && known.flagged.test(codeAround(message)));
}

function describe(message: LintMessage): string {
  const where = message.file ? ` (${message.file}${message.line === undefined ? '' : `:${message.line}:${message.column ?? 0}`})` : '';
  return `${message.code}${where}: ${message.message}${message.description ? `\n    ${message.description}` : ''}`;
}

function runWebExtLint(): LintOutput {
  // The package exports only its Node API, which has no types; its CLI file is not exported.
  const webExt = join(ROOT, 'node_modules/web-ext/bin/web-ext.js');
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [webExt, 'lint', '--source-dir', BUILD, '--output', 'json', '--no-input'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // web-ext exits non-zero when there are errors; the report is still on stdout.
    stdout = (error as { stdout?: string }).stdout ?? '';
    if (!stdout.trim()) throw error;
  }
  return JSON.parse(stdout) as LintOutput;
}

if (!existsSync(join(BUILD, 'manifest.json'))) {
  console.error(`lint:firefox: no Firefox build at ${relative(ROOT, BUILD)}; run npm run build:firefox first.`);
  process.exit(1);
}

const output = runWebExtLint();
const problems: string[] = [...output.errors.map((m) => `error ${describe(m)}`), ...output.notices.map((m) => `notice ${describe(m)}`)];
const accepted: string[] = [];
for (const warning of output.warnings) {
  const known = knownFor(warning);
  if (known) accepted.push(`${warning.code} in ${warning.file}: ${known.library}. ${known.why}`);
  else problems.push(`warning ${describe(warning)}`);
}
const dangerousHtml = usesOfDangerousHtml();
if (dangerousHtml.length > 0) problems.push(`dangerouslySetInnerHTML is used in ${dangerousHtml.join(', ')}: page and playbook text must be rendered as text.`);

console.log(`web-ext lint ${relative(ROOT, BUILD)}: ${output.summary.errors} errors, ${output.summary.notices} notices, ${output.summary.warnings} warnings.`);
for (const line of accepted) console.log(`  accepted, third-party: ${line}`);
if (problems.length > 0) {
  for (const line of problems) console.error(`  ${line}`);
  console.error(`lint:firefox: ${problems.length} problem(s).`);
  process.exit(1);
}
console.log('lint:firefox: clean.');
