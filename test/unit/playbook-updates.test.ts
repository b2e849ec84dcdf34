import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installBuiltinPlaybook, openDb, type PlaycardDb } from '../../lib/db';
import { updateStatus } from '../../lib/db';
import { pollPlaybook } from '../../lib/playbook/runtime/poll';
import { createPlaybookService, PLAYBOOK_ALARM } from '../../lib/playbook/runtime/service';
import { applyIncoming, rollBack } from '../../lib/playbook/runtime/store';
import { playbookFile, playbookOptions } from '../../lib/storage-items';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { decodeBase64, encodeBase64, generateKeyPair, signPlaybook } from '../../lib/playbook/signature';
import type { CheckOutcome } from '../../lib/playbook/runtime/outcome';
import { describeOutcome } from '../../components/playbook-outcome';

// The same playbook is installed in a fresh database for each case: its persona model is trained once per file.
vi.mock('../../lib/core/persona', async (original) => (await import('./train-once')).trainOncePerPlaybook(await original()));

const URL_ = 'https://playbooks.example.com/team.json';
const small = readFileSync(new URL('../fixtures/playbooks/small.json', import.meta.url), 'utf8');
const team = JSON.parse(small) as Record<string, unknown>;
const v2 = JSON.stringify({ ...team, version: '2026.12-1' }, null, 2);
const bytes = (text: string) => new TextEncoder().encode(text);

type Answer = Response | 'hang' | 'network-error';
/** A fetch that answers from a table by URL and records what was asked. */
function fakeFetch(answers: Record<string, () => Answer>) {
  const calls: { url: string; headers: Record<string, string>; cache?: RequestCache }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, headers: (init?.headers ?? {}) as Record<string, string>, cache: init?.cache });
    const answer = answers[url]?.() ?? new Response('not found', { status: 404 });
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    if (answer === 'hang')
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    return answer;
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function json(text: string, headers: Record<string, string> = {}) {
  return new Response(text, { status: 200, headers: { 'content-type': 'application/json', ...headers } });
}

let db: PlaycardDb;
let n = 0;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`updates-${++n}`);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK);
  // The team's first version is applied, so every failure below has a last good one to keep.
  await applyIncoming(db, { bytes: bytes(small), source: 'url', origin: URL_ });
});

const activeVersion = async () => (await db.playbooks.get('active'))?.version;

describe('a poll of the team URL', () => {
  test('200 with a new version applies it, keeps history, and leaves a notice with the diff', async () => {
    const { fetch } = fakeFetch({ [URL_]: () => json(v2, { etag: '"v2"' }) });
    expect(await pollPlaybook({ db, fetch }, { url: URL_, source: 'url' })).toMatchObject({ status: 'applied', version: '2026.12-1' });
    expect(await activeVersion()).toBe('2026.12-1');
    expect((await db.playbookHistory.toArray()).map((v) => v.version)).toEqual([DEFAULT_PLAYBOOK.version, '2026.01-1', '2026.12-1']);
    const notice = await db.meta.get('update-notice');
    expect(notice?.key === 'update-notice' && notice.value).toMatchObject({ from: '2026.01-1', to: '2026.12-1', seen: false });
  });

  test('polls revalidate through the HTTP cache (ETag), without headers that would need a CORS preflight; 304 and an unchanged file change nothing', async () => {
    let calls = 0;
    const { fetch, calls: seen } = fakeFetch({ [URL_]: () => (++calls === 2 ? new Response(null, { status: 304 }) : json(v2, { etag: '"v2"' })) });
    await pollPlaybook({ db, fetch }, { url: URL_, source: 'url' });
    expect(await pollPlaybook({ db, fetch }, { url: URL_, source: 'url' })).toEqual({ status: 'not-modified' });
    expect(await pollPlaybook({ db, fetch }, { url: URL_, source: 'url' })).toMatchObject({ status: 'unchanged', version: '2026.12-1' });
    expect(seen.every((call) => call.cache === 'no-cache' && Object.keys(call.headers).length === 0)).toBe(true);
    expect(await activeVersion()).toBe('2026.12-1');
    expect((await db.playbookHistory.toArray()).filter((v) => v.version === '2026.12-1')).toHaveLength(1);
  });

  const oversized = 'x'.repeat(2 * 1024 * 1024 + 10);
  test.each<[string, () => Answer, RegExp]>([
    ['404', () => new Response('gone', { status: 404 }), /no playbook at this address \(HTTP 404\)/],
    ['500', () => new Response('oops', { status: 500 }), /server failed \(HTTP 500\)/],
    ['a network error', () => 'network-error', /could not be reached/],
    ['a timeout', () => 'hang', /did not answer within 1 s/],
    ['HTML instead of JSON', () => new Response('<!doctype html><title>Login</title>', { status: 200, headers: { 'content-type': 'text/html' } }), /web page/],
    ['HTML labelled as JSON', () => json('  <html><body>Sign in</body></html>'), /web page/],
    ['an oversized body (no length header)', () => new Response(oversized, { status: 200 }), /the playbook is 2,097,153 bytes; the limit is 2,097,152 bytes/],
    ['an oversized body (length header)', () => json('{}', { 'content-length': String(3 * 1024 * 1024) }), /limit is 2\.0 MB/],
    ['invalid JSON', () => json('{"schemaVersion": 1,'), /not valid JSON/],
    ['an invalid playbook', () => json(JSON.stringify({ ...team, personas: [] })), /personas: .*/],
    ['a playbook from a newer Playcard', () => json(JSON.stringify({ ...team, schemaVersion: 99 })), /newer Playcard/],
    ['a redirect to plain http', () => Object.defineProperty(json(v2), 'url', { value: 'http://playbooks.example.com/team.json' }), /not allowed/],
  ])('%s keeps the last good playbook and records what failed', async (_, answer, message) => {
    const { fetch } = fakeFetch({ [URL_]: answer });
    const outcome = await pollPlaybook({ db, fetch, timeoutMs: 1000 }, { url: URL_, source: 'url' });
    expect(outcome).toMatchObject({ status: 'rejected' });
    expect(await activeVersion()).toBe('2026.01-1');
    expect((await updateStatus(db)).lastError?.message).toMatch(message);
  });

  test('a later good poll clears the recorded error', async () => {
    await pollPlaybook({ db, fetch: fakeFetch({ [URL_]: () => new Response('', { status: 500 }) }).fetch }, { url: URL_, source: 'url' });
    expect((await updateStatus(db)).lastError).toBeDefined();
    await pollPlaybook({ db, fetch: fakeFetch({ [URL_]: () => json(v2) }).fetch }, { url: URL_, source: 'url' });
    expect((await updateStatus(db)).lastError).toBeUndefined();
  });
});

describe('signed playbooks', () => {
  test('with a key, only a valid signature at <url>.sig applies; a bad or missing one is refused', async () => {
    const keys = await generateKeyPair();
    const other = await generateKeyPair();
    const good = await signPlaybook(bytes(v2), keys.privateKey);
    const forged = await signPlaybook(bytes(v2), other.privateKey);
    const target = { url: URL_, source: 'policy' as const, publicKey: keys.publicKey };

    const missing = await pollPlaybook({ db, fetch: fakeFetch({ [URL_]: () => json(v2) }).fetch }, target);
    expect(missing).toEqual({ status: 'rejected', reason: { code: 'unsigned', origin: URL_ } });
    const bad = await pollPlaybook({ db, fetch: fakeFetch({ [URL_]: () => json(v2), [`${URL_}.sig`]: () => new Response(forged) }).fetch }, target);
    expect(bad).toEqual({ status: 'rejected', reason: { code: 'bad-signature', origin: URL_ } });
    expect(await activeVersion()).toBe('2026.01-1');

    const ok = await pollPlaybook({ db, fetch: fakeFetch({ [URL_]: () => json(v2), [`${URL_}.sig`]: () => new Response(good) }).fetch }, target);
    expect(ok).toMatchObject({ status: 'applied', version: '2026.12-1' });
  });
});

test('rollback makes an earlier version active, polls do not undo it, and a newer publication replaces it', async () => {
  let published = v2;
  const { fetch } = fakeFetch({ [URL_]: () => json(published) });
  await pollPlaybook({ db, fetch }, { url: URL_, source: 'url' });
  const first = (await db.playbookHistory.toArray()).find((v) => v.version === '2026.01-1')!;
  expect(await rollBack(db, first.seq!)).toMatchObject({ status: 'applied', version: '2026.01-1' });
  expect(await activeVersion()).toBe('2026.01-1');
  expect((await db.playbookHistory.toArray()).map((v) => v.version)).toEqual([DEFAULT_PLAYBOOK.version, '2026.01-1', '2026.12-1', '2026.01-1']);

  expect(await pollPlaybook({ db, fetch }, { url: URL_, source: 'url' })).toMatchObject({ status: 'unchanged' });
  expect(await activeVersion()).toBe('2026.01-1');
  published = JSON.stringify({ ...team, version: '2026.12-2' });
  expect(await pollPlaybook({ db, fetch }, { url: URL_, source: 'url' })).toMatchObject({ status: 'applied', version: '2026.12-2' });
});

describe('the service in the background', () => {
  function service(fetch: typeof globalThis.fetch) {
    return createPlaybookService({ db, alarms: fakeBrowser.alarms, fetch, builtin: DEFAULT_PLAYBOOK });
  }

  test('a rep URL is polled at start, an alarm is set, and the alarm polls again', async () => {
    await playbookOptions.setValue({ url: URL_ });
    let version = '2026.12-1';
    const { fetch, calls } = fakeFetch({ [URL_]: () => json(JSON.stringify({ ...team, version })) });
    const playbooks = service(fetch);
    expect(await playbooks.start()).toMatchObject({ status: 'applied', version: '2026.12-1' });
    expect(await fakeBrowser.alarms.get(PLAYBOOK_ALARM)).toMatchObject({ periodInMinutes: 60 });

    version = '2027.01-1';
    await fakeBrowser.alarms.onAlarm.trigger({ name: PLAYBOOK_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false });
    for (let i = 0; i < 50 && (await activeVersion()) !== '2027.01-1'; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await activeVersion()).toBe('2027.01-1');
    expect(calls.length).toBe(2);
  });

  test('a policy URL wins over the rep URL and its poll interval is used', async () => {
    const POLICY = 'https://cdn.example.com/team.json';
    await playbookOptions.setValue({ url: URL_ });
    await fakeBrowser.storage.managed.set({ playbookUrl: POLICY, pollMinutes: 15 });
    const { fetch, calls } = fakeFetch({ [POLICY]: () => json(v2) });
    expect(await service(fetch).checkNow()).toMatchObject({ status: 'applied' });
    expect(calls.map((c) => c.url)).toEqual([POLICY]);
    expect((await db.playbooks.get('active'))?.source).toBe('policy');
    expect(await fakeBrowser.alarms.get(PLAYBOOK_ALARM)).toMatchObject({ periodInMinutes: 15 });
  });

  test('removing the URL goes back to the built-in playbook, with no request and no alarm', async () => {
    const { fetch, calls } = fakeFetch({});
    expect(await service(fetch).checkNow()).toEqual({ status: 'no-url', source: 'builtin' });
    expect(calls).toEqual([]);
    expect(await activeVersion()).toBe(DEFAULT_PLAYBOOK.version);
    expect(await fakeBrowser.alarms.get(PLAYBOOK_ALARM)).toBeUndefined();
  });

  test('an import waits for a poll in progress and then wins: one writer at a time, in order', async () => {
    await playbookOptions.setValue({ url: URL_ });
    let answer: (response: Response) => void = () => {};
    const fetch = (async () => new Promise<Response>((resolve) => (answer = resolve))) as typeof globalThis.fetch;
    const playbooks = service(fetch);
    const poll = playbooks.checkNow();
    const file = JSON.stringify({ ...team, version: '2027.03-file' });
    const imported = playbooks.importFile({ name: 'team.json', bytes: bytes(file), signature: null });
    await new Promise((r) => setTimeout(r, 30));
    // The poll holds the queue: the file is not applied yet.
    expect(await activeVersion()).toBe('2026.01-1');
    answer(json(v2));
    expect(await poll).toMatchObject({ status: 'applied', version: '2026.12-1' });
    expect(await imported).toMatchObject({ status: 'applied', version: '2027.03-file' });
    expect(await activeVersion()).toBe('2027.03-file');
    expect(await playbookFile.getValue()).toEqual({ name: 'team.json' });
  });

  test('an imported file keeps its exact bytes through the message (base64): a signed file with a byte-order mark applies', async () => {
    const keys = await generateKeyPair();
    await playbookOptions.setValue({ publicKey: keys.publicKey });
    // A BOM and CRLF line ends: decoding to text and encoding again would change the signed bytes.
    const exact = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(JSON.stringify({ ...team, version: '2027.04-signed' }, null, 2).replace(/\n/g, '\r\n'))]);
    const signature = await signPlaybook(exact, keys.privateKey);
    const arrived = decodeBase64(encodeBase64(exact))!;
    expect(await service(fakeFetch({}).fetch).importFile({ name: 'signed.json', bytes: arrived, signature })).toMatchObject({ status: 'applied', version: '2027.04-signed' });
    const tampered = decodeBase64(encodeBase64(bytes(JSON.stringify({ ...team, version: '2027.04-forged' }))))!;
    expect(await service(fakeFetch({}).fetch).importFile({ name: 'forged.json', bytes: tampered, signature })).toEqual({
      status: 'rejected',
      reason: { code: 'bad-signature', origin: 'forged.json' },
    });
    expect(await activeVersion()).toBe('2027.04-signed');
  });

  test('an import over the size limit is refused without touching the playbook', async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    expect(await service(fakeFetch({}).fetch).importFile({ name: 'big.json', bytes: big, signature: null })).toEqual({
      status: 'rejected',
      reason: { code: 'too-large', bytes: 2 * 1024 * 1024 + 1, limit: 2 * 1024 * 1024 },
    });
    expect(await activeVersion()).toBe('2026.01-1');
  });

  test('a rollback asked of the service makes the version active; an unknown one is refused', async () => {
    const playbooks = service(fakeFetch({}).fetch);
    const builtin = (await db.playbookHistory.toArray()).find((v) => v.source === 'builtin')!;
    expect(await playbooks.rollBack(builtin.seq!)).toMatchObject({ status: 'applied', version: DEFAULT_PLAYBOOK.version });
    expect(await playbooks.rollBack(999)).toEqual({ status: 'rejected', reason: { code: 'unknown-version', seq: 999 } });
  });
});

describe('what the options page says', () => {
  test.each<[string, CheckOutcome, string]>([
    ['unchanged', { status: 'not-modified' }, 'Checked: the playbook has not changed.'],
    ['a file source', { status: 'no-url', source: 'file' }, 'Using the imported file: there is no address to check.'],
    [
      'a missing signature',
      { status: 'rejected', reason: { code: 'unsigned', origin: 'team.json' } },
      'Not applied: no signature was found for team.json, and your team requires signed playbooks. The last good playbook stays in use.',
    ],
    [
      'an invalid file',
      { status: 'rejected', reason: { code: 'invalid', errors: ['personas: too small', 'version: required'], more: 2 } },
      'Not applied: the playbook is not valid: personas: too small; version: required (and 2 more). The last good playbook stays in use.',
    ],
    [
      'a timeout',
      { status: 'rejected', reason: { code: 'timeout', url: URL_, seconds: 20 } },
      `Not applied: ${URL_}: the server did not answer within 20 s. The last good playbook stays in use.`,
    ],
    [
      'a file over the limit',
      { status: 'rejected', reason: { code: 'too-large', bytes: 3 * 1024 * 1024, limit: 2 * 1024 * 1024 } },
      'Not applied: the playbook is 3.0 MB; the limit is 2.0 MB. The last good playbook stays in use.',
    ],
  ])('%s', (_, outcome, line) => {
    expect(describeOutcome(outcome)).toBe(line);
  });
});
