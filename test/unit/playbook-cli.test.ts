import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, test } from 'vitest';
import { keyIdOf, verifySignatureFile } from '../../lib/playbook/signature';
import { main } from '../../scripts/playbook';

const smallPath = fileURLToPath(new URL('../fixtures/playbooks/small.json', import.meta.url));
const smallText = readFileSync(smallPath, 'utf8');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'playcard-cli-'));
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd: dir });
  return { code, out, err };
}

function write(name: string, edit?: (json: any) => void): string {
  const json = JSON.parse(smallText);
  edit?.(json);
  writeFileSync(join(dir, name), `${JSON.stringify(json, null, 2)}\n`);
  return name;
}

describe('check', () => {
  test('a valid file: exit 0 and a one-line summary', async () => {
    expect(await run('check', smallPath)).toEqual({
      code: 0,
      out: `${smallPath}: valid: "small-test" version 2026.01-1, 5 criteria, 3 segments, 2 personas, 9 tactics\n`,
      err: '',
    });
  });

  test('every error with its JSON path: exit 1', async () => {
    const file = write('bad.json', (j) => {
      j.personas[0].tactics[1].when = 'lunch';
      j.personas[1].tactics[0].id = 'expert-before-cases';
      delete j.segmentation.segments[1].serviceLevel;
    });
    const { code, out, err } = await run('check', file);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^bad\.json: 2 errors\n/);
    expect(err).toContain('  personas[0].tactics[1].when: ');
    expect(err).toContain('  segmentation.segments[1].serviceLevel: ');
  });

  test.each<[string, string, RegExp]>([
    ['not JSON', '{"schemaVersion": 1,', /\(root\): not valid JSON/],
    ['a newer format', JSON.stringify({ ...JSON.parse(smallText), schemaVersion: 7 }), /schemaVersion: made for a newer Playcard/],
  ])('%s: exit 1', async (_name, text, message) => {
    writeFileSync(join(dir, 'p.json'), text);
    const { code, err } = await run('check', 'p.json');
    expect(code).toBe(1);
    expect(err).toMatch(message);
  });

  test('a missing file: exit 1', async () => {
    const { code, err } = await run('check', 'nope.json');
    expect(code).toBe(1);
    expect(err).toMatch(/nope\.json: cannot read/);
  });
});

describe('diff', () => {
  test('prints the changes between two files', async () => {
    const old = write('old.json');
    const next = write('new.json', (j) => {
      j.version = '2026.02-1';
      j.segmentation.criteria[0].options[0].points = 35;
      j.personas[1].tactics.push({ id: 'fast-after-confirm', when: 'after', text: { en: 'Confirm the start date in writing.' } });
    });
    expect(await run('diff', old, next)).toEqual({
      code: 0,
      out: [
        'Version 2026.01-1 → 2026.02-1',
        '2 changes',
        '~ Option "large" of criterion "size": points 30 → 35  [segmentation.criteria[0].options[0].points]',
        '+ Tactic "fast-after-confirm" added to persona fast (after)  [personas[1].tactics[2]]',
        '',
      ].join('\n'),
      err: '',
    });
  });

  test('an invalid side: exit 1', async () => {
    const bad = write('bad.json', (j) => delete j.personas);
    expect((await run('diff', write('old.json'), bad)).code).toBe(1);
  });
});

describe('keygen and sign', () => {
  test('keygen writes a key pair, sign writes a format-2 signature naming the playbook, which the extension verifies', async () => {
    const keygen = await run('keygen', '--out', 'team');
    expect(keygen.code).toBe(0);
    const publicKey = readFileSync(join(dir, 'team.public.key'), 'utf8').trim();
    expect(keygen.out).toContain(publicKey);
    expect(readFileSync(join(dir, 'team.private.key'), 'utf8')).toMatch(/^[A-Za-z0-9+/=]+\n$/);

    const file = write('playbook.json');
    const sign = await run('sign', file, '--key', 'team.private.key');
    expect(sign).toMatchObject({ code: 0, err: '' });
    const signature = readFileSync(join(dir, 'playbook.json.sig'), 'utf8');
    const bytes = new Uint8Array(readFileSync(join(dir, file)));
    const keyId = await keyIdOf(publicKey);
    expect(signature.split('\n').slice(0, 4)).toEqual(['playcard-signature: 2', 'playbook: small-test', 'version: 2026.01-1', `key: ${keyId}`]);
    expect(await verifySignatureFile(bytes, signature, [publicKey])).toEqual({ ok: true, keyId, format: 2, claims: { id: 'small-test', version: '2026.01-1' } });
  });

  test('keygen refuses to overwrite a private key', async () => {
    expect((await run('keygen')).code).toBe(0);
    const again = await run('keygen');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/not overwriting/);
  });

  test('sign refuses an invalid playbook and a bad key', async () => {
    await run('keygen');
    const bad = write('bad.json', (j) => (j.schemaVersion = 'one'));
    expect((await run('sign', bad, '--key', 'playbook.private.key')).code).toBe(1);
    writeFileSync(join(dir, 'wrong.key'), 'hello\n');
    const wrongKey = await run('sign', write('ok.json'), '--key', 'wrong.key');
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toMatch(/private key/);
  });
});

describe('usage', () => {
  test.each<[string, string[]]>([
    ['no command', []],
    ['an unknown command', ['publish']],
    ['check without a file', ['check']],
    ['diff with one file', ['diff', 'a.json']],
    ['sign without --key', ['sign', 'a.json']],
    ['--key without a value', ['sign', 'a.json', '--key']],
    ['an unknown option', ['keygen', '--force']],
  ])('%s: exit 2 with the usage', async (_name, argv) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(2);
    expect(out + err).toContain('Usage: npm run playbook -- <command>');
  });

  test('schema --check agrees with the checked-in file', async () => {
    expect(await run('schema', '--check')).toMatchObject({ code: 0, out: 'lib/playbook/playbook.schema.json is up to date\n' });
  });
});
