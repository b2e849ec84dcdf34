// Older playbook formats, brought up to the one this build reads. Every source (policy URL,
// subscription URL, imported file, built-in) goes through `loadPlaybook`, never straight
// through `parsePlaybook`, so a team's file written for an older Playcard keeps working.
import { SCHEMA_VERSION } from './constants';
import { formatPath, parsePlaybook, type ParseResult, type PlaybookError } from './schema';

/**
 * The deepest nesting a playbook may have. The real format is about 7 levels deep
 * (`personas[0].signals[0].fact.when.equals[0]`); 32 leaves room for later formats while
 * keeping every recursive step after this check (structuredClone, migrations, zod, the diff)
 * far from the engine's stack limit.
 */
export const MAX_PLAYBOOK_DEPTH = 32;

/**
 * Problems no schema should meet, found without recursion so a hostile file cannot exhaust the
 * stack: nesting deeper than MAX_PLAYBOOK_DEPTH (one error, at the first path that goes too deep)
 * and `__proto__` keys anywhere (zod's records skip them silently; here they are reported like
 * any other bad key). Returns at most one depth error and the first few key errors.
 */
export function checkStructure(json: unknown, maxDepth = MAX_PLAYBOOK_DEPTH): PlaybookError[] {
  type Frame = { value: unknown; depth: number; parent?: Frame; key?: string | number };
  const pathOf = (frame: Frame): string => {
    const keys: (string | number)[] = [];
    for (let at: Frame | undefined = frame; at?.parent; at = at.parent) keys.push(at.key!);
    return formatPath(keys.reverse());
  };
  const errors: PlaybookError[] = [];
  const stack: Frame[] = [{ value: json, depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth) {
      errors.unshift({ path: pathOf(frame), message: `nested more than ${maxDepth} levels deep; a playbook is never this deep` });
      break;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: depth + 1, parent: frame, key: i });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (key === '__proto__') {
        if (errors.length < 5) errors.push({ path: pathOf({ value: null, depth, parent: frame, key }), message: 'the key "__proto__" is not allowed' });
        continue;
      }
      stack.push({ value: (value as JsonObject)[key], depth: depth + 1, parent: frame, key });
    }
  }
  return errors;
}

type JsonObject = Record<string, unknown>;

/**
 * `MIGRATIONS[n - 1]` turns a version-n playbook into version n + 1 (it need not set
 * `schemaVersion`: the runner does). Adding format version 2 is: bump SCHEMA_VERSION, change
 * the schema, append one function here, add `test/fixtures/playbooks/v2.json`. A migration
 * returns a new object (the input is a private deep copy, so it may also edit in place) and
 * may throw on a shape it cannot handle; the schema checks the result anyway.
 */
export const MIGRATIONS: readonly ((playbook: JsonObject) => JsonObject)[] = [
  // 1 → 2 goes here.
];

export type MigrateResult = { ok: true; value: unknown; from: number } | { ok: false; error: string };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Reads `schemaVersion` and applies the steps up to SCHEMA_VERSION. Run before parsePlaybook. */
export function migratePlaybook(json: unknown, migrations = MIGRATIONS, current = SCHEMA_VERSION): MigrateResult {
  if (!isObject(json)) return { ok: false, error: `a playbook is a JSON object ({...}), not ${show(json)}` };
  const version = json.schemaVersion;
  if (version === undefined)
    return { ok: false, error: `no "schemaVersion": a playbook starts with "schemaVersion": ${current}` };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, error: `"schemaVersion" must be a whole number such as ${current}, not ${show(version)}` };
  if (version > current)
    return {
      ok: false,
      error: `made for a newer Playcard (format version ${version}; this one reads up to ${current}): update the extension`,
    };
  if (version === current) return { ok: true, value: json, from: version };

  let value: JsonObject = structuredClone(json);
  for (let step = version; step < current; step++) {
    const migrate = migrations[step - 1];
    if (!migrate) return { ok: false, error: `no migration from format version ${step} to ${step + 1}` };
    try {
      value = { ...migrate(value), schemaVersion: step + 1 };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: `could not bring format version ${step} up to ${step + 1}: ${reason}` };
    }
  }
  return { ok: true, value, from: version };
}

/** What every source uses: migrate, then validate. Errors carry JSON paths, as parsePlaybook's do. */
export function loadPlaybook(json: unknown): ParseResult {
  // Before any recursive step (the migrations' clone, zod, error formatting).
  const structure = checkStructure(json);
  if (structure.length > 0) return { ok: false, errors: structure };
  const migrated = migratePlaybook(json);
  if (!migrated.ok) {
    const path = isObject(json) ? 'schemaVersion' : '(root)';
    return { ok: false, errors: [{ path, message: migrated.error }] };
  }
  return parsePlaybook(migrated.value);
}

/**
 * The exact bytes of a file or response (the bytes a signature covers): strict UTF-8, an
 * optional byte-order mark, JSON, then `loadPlaybook`.
 */
export function loadPlaybookBytes(bytes: Uint8Array): ParseResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, errors: [{ path: '(root)', message: 'not UTF-8 text: save the playbook as UTF-8' }] };
  }
  return loadPlaybookText(text);
}

/** Text → JSON → `loadPlaybook`; a syntax error is reported at `(root)` with the parser's message. */
export function loadPlaybookText(text: string): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/^\s*</.test(body))
    return { ok: false, errors: [{ path: '(root)', message: 'this is a web page (HTML), not a JSON playbook' }] };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ path: '(root)', message: `not valid JSON: ${reason}` }] };
  }
  return loadPlaybook(json);
}
