import 'fake-indexeddb/auto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeOutcome } from '../../components/playbook-outcome';
import { installBuiltinPlaybook, openDb, updateStatus, type PlaycardDb } from '../../lib/db';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { pollPlaybook } from '../../lib/playbook/runtime/poll';
import { createPlaybookService } from '../../lib/playbook/runtime/service';
import { applyIncoming } from '../../lib/playbook/runtime/store';
import { generateKeyPair, signPlaybookFile } from '../../lib/playbook/signature';
import { main } from '../../scripts/playbook';

// Each case still gets a fresh database with the built-in playbook installed; its persona model is trained once per file (test/unit/train-once.ts).
vi.mock('../../lib/core/persona', async (original) => (await import('./train-once')).trainOncePerPlaybook(await original()));

// The hostile corpus (issue 14): every file goes through the background's load path as an
// import and as a poll, and through the lead's CLI; each must end in the error its sidecar
// names (written by hand in make-hostile.ts), with the last good playbook still in use.
const DIR = new URL('../fixtures/playbooks/hostile/', import.meta.url);
const URL_ = 'https://playbooks.example.com/team.json';
const small = readFileSync(new URL('../fixtures/playbooks/small.json', import.meta.url));

interface Expected {
  why: string;
  path: string;
  message: string;
  rejection?: string;
  poll?: string;
}
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => {
    const name = f.replace(/\.expected\.json$/, '');
    return { name, bytes: new Uint8Array(readFileSync(new URL(`${name}.json`, DIR))), expected: JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as Expected };
  });
const unsigned = cases.filter((c) => !c.expected.rejection);
const signed = cases.filter((c) => c.expected.rejection);

test('the corpus holds at least 100 hostile playbooks, each with its expected error', () => {
  expect(cases.length).toBeGreaterThanOrEqual(100);
  expect(signed.map((c) => c.name).sort()).toEqual(['signed-cross-team', 'signed-downgrade']);
});

let db: PlaycardDb;
let n = 0;
/** A fresh database where the small team playbook (2026.01-1) replaced the built-in one: the last good playbook. */
async function withLastGoodPlaybook(): Promise<void> {
  fakeBrowser.reset();
  db = openDb(`hostile-${++n}`);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK);
  await applyIncoming(db, { bytes: small, source: 'url', origin: URL_ });
}

const alarms = { create: () => undefined, clear: async () => true, onAlarm: { addListener: () => undefined } };
const serve = (bytes: Uint8Array) => (async () => new Response(new Uint8Array(bytes), { status: 200 })) as unknown as typeof fetch;
/** What the rep reads names the path (a depth error goes on below it) unless the whole file is refused for its size. */
const shown = (expected: Expected) => (/bytes/.test(expected.message) ? expected.message : expected.path);

describe.each(unsigned)('$name', ({ bytes, expected }) => {
  test(`${expected.why}: refused as an import and as a poll, with the path and the reason; the last good playbook stays`, async () => {
    await withLastGoodPlaybook();
    const service = createPlaybookService({ db, alarms, fetch: serve(bytes), builtin: DEFAULT_PLAYBOOK });
    const imported = describeOutcome(await service.importFile({ name: 'hostile.json', bytes, signature: null }));
    expect(imported).toContain(shown(expected));
    expect(imported).toContain(expected.message);

    const polled = await pollPlaybook({ db, fetch: serve(bytes) }, { url: URL_, source: 'url' });
    expect(polled.status).toBe('rejected');
    const recorded = (await updateStatus(db)).lastError?.message ?? '';
    expect(recorded).toContain(expected.poll ?? expected.message);
    expect((await db.playbooks.get('active'))?.version).toBe('2026.01-1');
  });

  test(`${expected.why}: the CLI exits 1 with the path and the reason, no stack trace`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
    const out: string[] = [];
    const err: string[] = [];
    const file = join(DIR.pathname, 'x.json').replace(/x\.json$/, '');
    const code = await main(['check', `${file}${cases.find((c) => c.expected === expected)!.name}.json`], { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
    expect(code).toBe(1);
    const text = err.join('');
    if (!/bytes/.test(expected.message)) expect(text).toContain(`  ${expected.path}`);
    expect(text).toContain(expected.message.replace('2,097,152', '2097152'));
    expect(text).not.toMatch(/\n\s+at /);
  });
});

describe('signed replays', () => {
  test.each(signed)('$name: $expected.why is refused, recorded, and the newer playbook stays', async ({ bytes, expected }) => {
    fakeBrowser.reset();
    const keys = await generateKeyPair();
    db = openDb(`hostile-signed-${++n}`);
    await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK);
    const first = await applyIncoming(db, {
      bytes: small,
      source: 'url',
      origin: URL_,
      publicKey: keys.publicKey,
      signature: await signPlaybookFile(small, keys.privateKey, { id: 'small-test', version: '2026.01-1' }),
    });
    expect(first.status).toBe('applied');
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as { id: string; version: string };
    const signature = await signPlaybookFile(bytes, keys.privateKey, parsed);
    const outcome = await applyIncoming(db, { bytes, source: 'url', origin: URL_, publicKey: keys.publicKey, signature });
    expect(outcome).toMatchObject({ status: 'rejected', reason: { code: expected.rejection } });
    expect(describeOutcome(outcome)).toContain(expected.message);
    expect((await updateStatus(db)).lastError?.reason?.code).toBe(expected.rejection);
    expect((await db.playbooks.get('active'))?.version).toBe('2026.01-1');
  });
});
