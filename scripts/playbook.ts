/**
 * `npm run playbook -- <command>`: a team lead's tools for the playbook file.
 *
 *   check <file>                          validate; every error with its JSON path
 *   diff <old> <new>                      what changed, as the extension will report it
 *   keygen [--out <prefix>]               a signing key pair: <prefix>.private.key, <prefix>.public.key
 *   sign <file> --key <private key file>  writes <file>.sig, the detached signature (format 2: binds id and version)
 *   schema [--check]                      rewrites lib/playbook/playbook.schema.json (or checks it)
 *
 * Exit codes: 0 ok, 1 invalid or failed, 2 usage.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { translate } from '../lib/i18n';
import type { PlaybookChange } from '../lib/playbook/changes';
import { describeChange, namesById, type ChangeMessage } from '../lib/playbook/change-text';
import { diffPlaybooks } from '../lib/playbook/diff';
import { JSON_SCHEMA_FILE, playbookJsonSchemaText } from '../lib/playbook/json-schema';
import { loadPlaybookBytes, migratePlaybook } from '../lib/playbook/migrate';
import { MAX_PLAYBOOK_BYTES } from '../lib/playbook/fetch-rules';
import type { ParseResult, Playbook } from '../lib/playbook/schema';
import { generateKeyPair, keyIdOf, publicKeyOf, signPlaybookFile, verifySignatureFile } from '../lib/playbook/signature';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Relative paths resolve against this (npm runs scripts in the package root; INIT_CWD is where you typed). */
  cwd: string;
}

const USAGE = `Usage: npm run playbook -- <command>
  check <file>                          validate a playbook; lists every error with its JSON path
  diff <old> <new>                      list what changed between two versions
  keygen [--out <prefix>]               create <prefix>.private.key and <prefix>.public.key (prefix: playbook)
  sign <file> --key <private key file>  write <file>.sig, the signature the extension checks
  schema [--check]                      regenerate ${JSON_SCHEMA_FILE} (--check: only compare)
`;

class Usage extends Error {}

/** `--name value` options and the remaining positional arguments. */
function parseArgs(args: readonly string[], known: readonly string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!known.includes(name)) throw new Usage(`unknown option --${name}`);
    if (inline !== undefined) flags.set(name, inline);
    else if (name === 'check') flags.set(name, true);
    else {
      const value = args[++i];
      if (value === undefined) throw new Usage(`--${name} needs a value`);
      flags.set(name, value);
    }
  }
  return { positional, flags };
}

function expect(positional: string[], count: number, what: string): string[] {
  if (positional.length !== count) throw new Usage(`${what}`);
  return positional;
}

function readBytes(io: CliIo, file: string): Uint8Array {
  const bytes = readFileSync(resolve(io.cwd, file));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function describeErrors(file: string, result: Extract<ParseResult, { ok: false }>): string {
  const lines = result.errors.map((e) => `  ${e.path}: ${e.message}`);
  const noun = result.errors.length === 1 ? 'error' : 'errors';
  return `${file}: ${result.errors.length} ${noun}\n${lines.join('\n')}\n`;
}

/** Reads and validates a playbook, or reports why not; `null` when it failed (already reported). */
function load(io: CliIo, file: string): Playbook | null {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(io, file);
  } catch (error) {
    io.err(`${file}: cannot read: ${(error as Error).message}\n`);
    return null;
  }
  // Size first: the extension refuses a larger file before reading it, and so does this.
  if (bytes.byteLength > MAX_PLAYBOOK_BYTES) {
    io.err(`${file}: the playbook is ${bytes.byteLength} bytes; the limit is ${MAX_PLAYBOOK_BYTES} bytes (the extension refuses larger files)\n`);
    return null;
  }
  const result = loadPlaybookBytes(bytes);
  if (!result.ok) {
    io.err(describeErrors(file, result));
    return null;
  }
  return result.playbook;
}

function check(io: CliIo, args: string[]): number {
  const [file] = expect(parseArgs(args, []).positional, 1, 'check takes one file');
  const playbook = load(io, file!);
  if (!playbook) return 1;
  const raw = JSON.parse(new TextDecoder().decode(readBytes(io, file!))) as unknown;
  const migrated = migratePlaybook(raw);
  const from = migrated.ok && migrated.from !== playbook.schemaVersion ? ` (migrated from format ${migrated.from})` : '';
  const tactics =
    playbook.segmentation.segments.reduce((n, s) => n + s.tactics.length, 0) + playbook.personas.reduce((n, p) => n + p.tactics.length, 0);
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const counts = [
    count(playbook.segmentation.criteria.length, 'criterion', 'criteria'),
    count(playbook.segmentation.segments.length, 'segment'),
    count(playbook.personas.length, 'persona'),
    count(tactics, 'tactic'),
  ];
  io.out(`${file}: valid${from}: "${playbook.id}" version ${playbook.version}, ${counts.join(', ')}\n`);
  return 0;
}

const english: ChangeMessage = (key, params) => translate('en', key, params);
const SYMBOL: Record<PlaybookChange['kind'], string> = { added: '+', removed: '-', changed: '~' };

/** One line per change in English, `+`, `-` or `~` first and the JSON path last; things named by id. */
export function formatDiff(changes: readonly PlaybookChange[]): string {
  if (changes.length === 0) return 'No changes.\n';
  const names = namesById(english);
  const lines = changes.map((c) => `${SYMBOL[c.kind]} ${describeChange(c, english, names)}  [${c.path}]`);
  return `${changes.length} ${changes.length === 1 ? 'change' : 'changes'}\n${lines.join('\n')}\n`;
}

function diff(io: CliIo, args: string[]): number {
  const [oldFile, newFile] = expect(parseArgs(args, []).positional, 2, 'diff takes two files: <old> <new>');
  const old = load(io, oldFile!);
  const next = load(io, newFile!);
  if (!old || !next) return 1;
  const heading = old.version === next.version ? `Version ${next.version} (unchanged)` : `Version ${old.version} → ${next.version}`;
  io.out(`${heading}\n${formatDiff(diffPlaybooks(old, next))}`);
  return 0;
}

async function keygen(io: CliIo, args: string[]): Promise<number> {
  const { positional, flags } = parseArgs(args, ['out']);
  expect(positional, 0, 'keygen takes no file; use --out <prefix>');
  const prefix = resolve(io.cwd, String(flags.get('out') ?? 'playbook'));
  const privateFile = `${prefix}.private.key`;
  const publicFile = `${prefix}.public.key`;
  if (existsSync(privateFile)) {
    io.err(`${privateFile} exists; not overwriting a private key (choose another --out)\n`);
    return 1;
  }
  const pair = await generateKeyPair();
  writeFileSync(privateFile, `${pair.privateKey}\n`, { mode: 0o600 });
  writeFileSync(publicFile, `${pair.publicKey}\n`);
  io.out(
    `Private key: ${privateFile} (keep it secret; anyone holding it can publish a playbook your reps accept)\n` +
      `Public key:  ${publicFile}\n` +
      `Put this public key in the "publicKey" policy (or the options page):\n${pair.publicKey}\n`,
  );
  return 0;
}

async function sign(io: CliIo, args: string[]): Promise<number> {
  const { positional, flags } = parseArgs(args, ['key']);
  const [file] = expect(positional, 1, 'sign takes one file and --key <private key file>');
  const keyFile = flags.get('key');
  if (typeof keyFile !== 'string') throw new Usage('sign needs --key <private key file>');
  // Never sign what the extension would refuse.
  const playbook = load(io, file!);
  if (!playbook) return 1;
  let privateKey: string;
  try {
    privateKey = readFileSync(resolve(io.cwd, keyFile), 'utf8');
  } catch (error) {
    io.err(`${keyFile}: cannot read: ${(error as Error).message}\n`);
    return 1;
  }
  const bytes = readBytes(io, file!);
  let signature: string;
  let publicKey: string;
  try {
    signature = await signPlaybookFile(bytes, privateKey, playbook);
    publicKey = await publicKeyOf(privateKey);
  } catch (error) {
    io.err(`${keyFile}: ${(error as Error).message}\n`);
    return 1;
  }
  if (!(await verifySignatureFile(bytes, signature, [publicKey])).ok) {
    io.err('the signature does not verify; nothing written\n');
    return 1;
  }
  const sigFile = `${resolve(io.cwd, file!)}.sig`;
  writeFileSync(sigFile, signature);
  io.out(
    `Signed ${file} ("${playbook.id}" version ${playbook.version}, key ${await keyIdOf(publicKey)}) → ${sigFile}\n` +
      `Publish both files side by side; reps verify with the public key\n${publicKey}\n`,
  );
  return 0;
}

function schema(io: CliIo, args: string[]): number {
  const { positional, flags } = parseArgs(args, ['check']);
  expect(positional, 0, 'schema takes no file');
  const target = fileURLToPath(new URL(`../${JSON_SCHEMA_FILE}`, import.meta.url));
  const text = playbookJsonSchemaText();
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (flags.has('check')) {
    if (current === text) {
      io.out(`${JSON_SCHEMA_FILE} is up to date\n`);
      return 0;
    }
    io.err(`${JSON_SCHEMA_FILE} is out of date: run npm run playbook -- schema\n`);
    return 1;
  }
  writeFileSync(target, text);
  io.out(current === text ? `${JSON_SCHEMA_FILE} unchanged\n` : `wrote ${JSON_SCHEMA_FILE}\n`);
  return 0;
}

/** Runs one command; returns the exit code. Output goes through `io` so tests can capture it. */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'check':
        return check(io, args);
      case 'diff':
        return diff(io, args);
      case 'keygen':
        return await keygen(io, args);
      case 'sign':
        return await sign(io, args);
      case 'schema':
        return schema(io, args);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new Usage(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof Usage) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    // A lead sees one line, never a stack trace.
    io.err(`${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function defaultIo(): CliIo {
  return { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), cwd: process.env.INIT_CWD ?? process.cwd() };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
