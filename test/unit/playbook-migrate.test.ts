import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { MIGRATIONS, loadPlaybook, loadPlaybookBytes, loadPlaybookText, migratePlaybook } from '../../lib/playbook/migrate';
import { SCHEMA_VERSION } from '../../lib/playbook/schema';
import smallJson from '../fixtures/playbooks/small.json';

const dir = fileURLToPath(new URL('../fixtures/playbooks/', import.meta.url));
/** One fixture per format version that ever shipped: v1.json, v2.json, ... */
const versioned = readdirSync(dir)
  .map((name) => /^v(\d+)\.json$/.exec(name))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ file: m[0], version: Number(m[1]) }))
  .sort((a, b) => a.version - b.version);

describe('format versions', () => {
  test('one migration per older version, one fixture per version', () => {
    expect(MIGRATIONS).toHaveLength(SCHEMA_VERSION - 1);
    expect(versioned.map((v) => v.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  test.each(versioned)('$file migrates to the current format and parses', ({ file, version }) => {
    const json: unknown = JSON.parse(readFileSync(`${dir}${file}`, 'utf8'));
    const migrated = migratePlaybook(json);
    expect(migrated).toMatchObject({ ok: true, from: version });
    const loaded = loadPlaybook(json);
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    expect(loaded.playbook.schemaVersion).toBe(SCHEMA_VERSION);
  });
});

describe('migratePlaybook', () => {
  test.each<[string, unknown, RegExp]>([
    ['a newer format', { ...smallJson, schemaVersion: SCHEMA_VERSION + 1 }, /made for a newer Playcard.*update the extension/],
    ['no schemaVersion', { id: 'x' }, /no "schemaVersion"/],
    ['a text schemaVersion', { schemaVersion: '1' }, /whole number such as 1, not "1"/],
    ['a fractional schemaVersion', { schemaVersion: 1.5 }, /whole number/],
    ['version zero', { schemaVersion: 0 }, /whole number/],
    ['an array', [smallJson], /JSON object/],
    ['null', null, /JSON object/],
  ])('rejects %s', (_name, json, message) => {
    const result = migratePlaybook(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  test('applies each step in order, without touching the input (a pretend version 3)', () => {
    const steps = [
      (pb: Record<string, unknown>) => ({ ...pb, renamed: pb.name, name: undefined, log: ['1→2'] }),
      (pb: Record<string, unknown>) => ({ ...pb, log: [...(pb.log as string[]), '2→3'] }),
    ];
    const input = { schemaVersion: 1, name: 'n' };
    expect(migratePlaybook(input, steps, 3)).toEqual({ ok: true, from: 1, value: { schemaVersion: 3, renamed: 'n', name: undefined, log: ['1→2', '2→3'] } });
    expect(input).toEqual({ schemaVersion: 1, name: 'n' });
    expect(migratePlaybook({ schemaVersion: 2, log: [] }, steps, 3)).toEqual({ ok: true, from: 2, value: { schemaVersion: 3, log: ['2→3'] } });
  });

  test('a step that throws is a clear error, not a crash', () => {
    const steps = [() => { throw new Error('segments is not a list'); }];
    expect(migratePlaybook({ schemaVersion: 1 }, steps, 2)).toEqual({ ok: false, error: 'could not bring format version 1 up to 2: segments is not a list' });
  });
});

describe('loadPlaybook and friends', () => {
  test('migration errors come back as path errors', () => {
    expect(loadPlaybook({ ...smallJson, schemaVersion: 99 })).toEqual({
      ok: false,
      errors: [{ path: 'schemaVersion', message: `made for a newer Playcard (format version 99; this one reads up to ${SCHEMA_VERSION}): update the extension` }],
    });
    expect(loadPlaybook('hello')).toMatchObject({ ok: false, errors: [{ path: '(root)' }] });
  });

  test('schema errors keep their paths', () => {
    const json = structuredClone(smallJson) as any;
    json.personas[0].tactics[1].when = 'lunch';
    expect(loadPlaybook(json)).toMatchObject({ ok: false, errors: [{ path: 'personas[0].tactics[1].when' }] });
  });

  test.each<[string, Uint8Array, RegExp | null]>([
    ['the small fixture', new TextEncoder().encode(JSON.stringify(smallJson)), null],
    ['with a byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(JSON.stringify(smallJson))]), null],
    ['Latin-1 bytes', new Uint8Array([0x7b, 0xe9, 0x7d]), /not UTF-8/],
    ['an HTML error page', new TextEncoder().encode('\n <!doctype html><title>404</title>'), /web page/],
    ['a truncated download', new TextEncoder().encode(JSON.stringify(smallJson).slice(0, 500)), /not valid JSON/],
  ])('loadPlaybookBytes: %s', (_name, bytes, error) => {
    const result = loadPlaybookBytes(bytes);
    if (error === null) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, errors: [{ path: '(root)', message: expect.stringMatching(error) }] });
  });

  test('loadPlaybookText strips a byte-order mark', () => {
    expect(loadPlaybookText(`\uFEFF${JSON.stringify(smallJson)}`).ok).toBe(true);
  });
});
