import { describe, expect, test } from 'vitest';
import {
  DEFAULT_POLL_MINUTES,
  MAX_PLAYBOOK_BYTES,
  checkPlaybookUrl,
  checkResponse,
  readPolicy,
  resolveSource,
  signatureUrl,
  type ResponseFacts,
  type SourceInput,
  type SourceResolution,
} from '../../lib/playbook/fetch-rules';

const URL_ = 'https://playbooks.example.com/sales/playbook.json';
const ok: ResponseFacts = { url: URL_, finalUrl: URL_, status: 200, contentType: 'application/json; charset=utf-8', byteLength: 40_000, bodyStart: '{\n  "schemaVersion": 1' };

describe('checkResponse', () => {
  test.each<[string, Partial<ResponseFacts>, string, RegExp?]>([
    ['a good JSON response', {}, 'accept'],
    ['headers only, before the body is read', { byteLength: null, bodyStart: undefined }, 'accept'],
    ['GitHub raw: text/plain', { contentType: 'text/plain; charset=utf-8' }, 'accept'],
    ['S3 default: octet-stream', { contentType: 'application/octet-stream' }, 'accept'],
    ['no content type', { contentType: null }, 'accept'],
    ['a redirect to another HTTPS host', { finalUrl: 'https://cdn.example.net/p.json' }, 'accept'],
    ['exactly 2 MB', { byteLength: MAX_PLAYBOOK_BYTES }, 'accept'],
    ['304 Not Modified', { status: 304, contentType: null, byteLength: 0, bodyStart: '' }, 'not-modified'],
    ['a plain-HTTP URL', { url: 'http://playbooks.example.com/p.json', finalUrl: 'http://playbooks.example.com/p.json' }, 'insecure-url', /HTTPS/],
    ['http://localhost without the test flag', { url: 'http://localhost:8080/p.json', finalUrl: undefined }, 'insecure-url', /HTTPS/],
    ['a file: URL', { url: 'file:///tmp/p.json', finalUrl: undefined }, 'insecure-url', /https:\/\//],
    ['a URL with a password', { url: 'https://lead:secret@example.com/p.json', finalUrl: undefined }, 'insecure-url', /password/],
    ['a redirect to plain HTTP', { finalUrl: 'http://playbooks.example.com/sales/playbook.json' }, 'insecure-redirect', /redirected/],
    ['404', { status: 404 }, 'not-found', /check the URL/],
    ['403 from a private bucket', { status: 403 }, 'denied', /without signing in/],
    ['500', { status: 500 }, 'server-error', /try again/],
    ['204 No Content', { status: 204 }, 'bad-status', /204/],
    ['a login page labelled HTML', { contentType: 'text/html; charset=utf-8' }, 'not-json', /web page \(text\/html\)/],
    ['HTML labelled as JSON', { bodyStart: '\n  <!DOCTYPE html><html>' }, 'not-json', /web page/],
    ['a JSON array, not a playbook', { bodyStart: '[1, 2]' }, 'not-json', /not a JSON playbook/],
    ['over 2 MB by Content-Length', { byteLength: MAX_PLAYBOOK_BYTES + 1, bodyStart: undefined }, 'too-large', /the playbook is 2,097,153 bytes; the limit is 2,097,152 bytes/],
    ['10 MB', { byteLength: 10 * 1024 * 1024 }, 'too-large', /10\.0 MB/],
    ['an empty body', { byteLength: 0, bodyStart: '' }, 'empty'],
  ])('%s → %s', (_name, change, kind, message) => {
    const verdict = checkResponse({ ...ok, ...change });
    if (kind === 'accept' || kind === 'not-modified') expect(verdict).toEqual({ kind });
    else {
      expect(verdict).toMatchObject({ kind: 'error', problem: kind });
      if (message && verdict.kind === 'error') expect(verdict.message).toMatch(message);
    }
  });

  test('allowInsecureLocal lets only localhost through over HTTP, for tests', () => {
    const local = { ...ok, url: 'http://127.0.0.1:5173/p.json', finalUrl: 'http://127.0.0.1:5173/p.json' };
    expect(checkResponse(local, { allowInsecureLocal: true })).toEqual({ kind: 'accept' });
    expect(checkResponse({ ...local, url: 'http://localhost/p.json', finalUrl: undefined }, { allowInsecureLocal: true })).toEqual({ kind: 'accept' });
    expect(checkResponse({ ...local, url: 'http://example.com/p.json', finalUrl: undefined }, { allowInsecureLocal: true })).toMatchObject({ problem: 'insecure-url' });
    expect(checkResponse(local)).toMatchObject({ problem: 'insecure-url' });
  });
});

describe('checkPlaybookUrl', () => {
  test.each<[string, boolean]>([
    ['https://example.com/p.json', true],
    ['  https://example.com/p.json  ', true],
    ['example.com/p.json', false],
    ['http://example.com/p.json', false],
    ['ftp://example.com/p.json', false],
    ['', false],
  ])('%j → %s', (url, valid) => {
    expect(checkPlaybookUrl(url).ok).toBe(valid);
  });
});

describe('signatureUrl', () => {
  test.each([
    ['https://example.com/team.json', 'https://example.com/team.json.sig'],
    ['https://example.com/team.json?v=3#x', 'https://example.com/team.json.sig?v=3#x'],
    ['https://bucket.s3.amazonaws.com/sales/playbook', 'https://bucket.s3.amazonaws.com/sales/playbook.sig'],
  ])('%s → %s', (url, sig) => {
    expect(signatureUrl(url)).toBe(sig);
  });
});

describe('readPolicy', () => {
  test.each<[string, unknown, SourceInput['policy'], RegExp[]]>([
    ['nothing managed', {}, undefined, []],
    ['not an object', 'x', undefined, []],
    [
      'all four keys',
      { playbookUrl: URL_, publicKey: ' KEY ', pollMinutes: 30, lockSource: true },
      { playbookUrl: URL_, publicKey: 'KEY', pollMinutes: 30, lockSource: true },
      [],
    ],
    ['an HTTP URL is dropped', { playbookUrl: 'http://example.com/p.json', lockSource: true }, { lockSource: true }, [/playbookUrl ignored: .*HTTPS/]],
    ['wrong types', { pollMinutes: '30', lockSource: 'yes', publicKey: 5 }, undefined, [/publicKey/, /pollMinutes/, /lockSource/]],
  ])('%s', (_name, raw, policy, problems) => {
    const read = readPolicy(raw);
    expect(read.policy).toEqual(policy);
    expect(read.problems).toHaveLength(problems.length);
    problems.forEach((p, i) => expect(read.problems[i]).toMatch(p));
  });
});

describe('resolveSource', () => {
  const TEAM = 'https://cdn.example.com/team.json';
  const MINE = 'https://me.example.com/draft.json';
  const builtin = { version: '2026.11.1' };
  const all = { setUrl: true, importFile: true, useOwn: false, setPublicKey: true, setPollMinutes: true };

  test.each<[string, Omit<SourceInput, 'builtin'>, Partial<SourceResolution>]>([
    ['nothing set: built-in', {}, { active: { kind: 'builtin', version: '2026.11.1' }, managed: false, repMay: all, notes: [] }],
    ['an imported file', { file: { name: 'team.json' } }, { active: { kind: 'file', name: 'team.json' }, repMay: all }],
    [
      "the rep's URL beats their file",
      { options: { url: MINE, pollMinutes: 15 }, file: { name: 'team.json' } },
      { active: { kind: 'url', url: MINE }, pollMinutes: 15, notes: [expect.stringMatching(/imported file "team.json" is kept/)] },
    ],
    [
      "the rep's own key, for their own URL",
      { options: { url: MINE, publicKey: 'MYKEY' } },
      { active: { kind: 'url', url: MINE }, publicKey: 'MYKEY', publicKeyFrom: 'options', pollMinutes: DEFAULT_POLL_MINUTES },
    ],
    ["an HTTP URL typed by the rep falls back", { options: { url: 'http://me.example.com/p.json' } }, { active: { kind: 'builtin', version: '2026.11.1' }, notes: [expect.stringMatching(/HTTPS/)] }],
    [
      'a policy URL wins over what the rep saved earlier',
      { policy: { playbookUrl: TEAM, pollMinutes: 30 }, options: { url: MINE }, file: { name: 'x.json' } },
      {
        active: { kind: 'policy', url: TEAM },
        pollMinutes: 30,
        managed: true,
        repMay: { setUrl: true, importFile: true, useOwn: true, setPublicKey: true, setPollMinutes: false },
        notes: [expect.stringMatching(/team's playbook is used/)],
      },
    ],
    ['unlocked policy, rep turned on useOwn', { policy: { playbookUrl: TEAM }, options: { url: MINE, useOwn: true } }, { active: { kind: 'url', url: MINE } }],
    ['unlocked policy, useOwn but nothing of their own', { policy: { playbookUrl: TEAM }, options: { useOwn: true } }, { active: { kind: 'policy', url: TEAM } }],
    [
      'locked policy ignores the rep entirely',
      { policy: { playbookUrl: TEAM, publicKey: 'TEAMKEY', lockSource: true }, options: { url: MINE, useOwn: true, publicKey: 'MYKEY', pollMinutes: 5 }, file: { name: 'x.json' } },
      {
        active: { kind: 'policy', url: TEAM },
        publicKey: 'TEAMKEY',
        publicKeyFrom: 'policy',
        pollMinutes: DEFAULT_POLL_MINUTES,
        repMay: { setUrl: false, importFile: false, useOwn: false, setPublicKey: false, setPollMinutes: false },
        notes: [expect.stringMatching(/administrator chose/), expect.stringMatching(/signing key is used, not yours/)],
      },
    ],
    [
      'locked with no URL: the built-in playbook is the team choice',
      { policy: { lockSource: true }, options: { url: MINE }, file: { name: 'x.json' } },
      { active: { kind: 'builtin', version: '2026.11.1' }, managed: true, repMay: { setUrl: false, importFile: false, useOwn: false, setPublicKey: false, setPollMinutes: false } },
    ],
    [
      'a policy key alone: reps choose the URL, the team signs it',
      { policy: { publicKey: 'TEAMKEY' }, options: { url: MINE } },
      { active: { kind: 'url', url: MINE }, publicKey: 'TEAMKEY', publicKeyFrom: 'policy', repMay: { setUrl: true, importFile: true, useOwn: false, setPublicKey: false, setPollMinutes: true } },
    ],
    ['a policy key applies to an imported file too', { policy: { publicKey: 'TEAMKEY' }, file: { name: 'x.json' } }, { active: { kind: 'file', name: 'x.json' }, publicKey: 'TEAMKEY' }],
    ['but never to the built-in playbook', { policy: { publicKey: 'TEAMKEY' } }, { active: { kind: 'builtin', version: '2026.11.1' }, publicKey: undefined }],
    ['poll minutes are clamped', { options: { url: MINE, pollMinutes: 0.1 } }, { pollMinutes: 5 }],
  ])('%s', (_name, input, expected) => {
    const resolved = resolveSource({ ...input, builtin });
    const { publicKey, ...rest } = expected;
    expect(resolved).toMatchObject(rest);
    if ('publicKey' in expected) expect(resolved.publicKey).toBe(publicKey);
    if (resolved.active.kind === 'file' || resolved.active.kind === 'builtin') expect(resolved).not.toHaveProperty('pollMinutes');
  });
});
