import { describe, expect, test } from 'vitest';
import { generateKeyPair, signPlaybook } from '../../lib/playbook/signature';
import { checkPublished } from '../../lib/studio/check-published';
import { firefoxPolicies, linuxJson, macMobileconfig, macPlist, windowsReg, type PolicyValues } from '../../lib/studio/policies';
import { readFileSync } from 'node:fs';

const values: PolicyValues = {
  playbookUrl: 'https://playbooks.example.com/sales/team.json',
  publicKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE',
  pollMinutes: 60,
  lockSource: true,
  chromeId: 'abcdefghijklmnopabcdefghijklmnop',
  firefoxId: 'playcard@playcard.app',
};

describe('policy files for IT, filled in for this playbook', () => {
  test('Windows .reg: Chrome and Edge keys, strings quoted, numbers and booleans as DWORDs, CRLF lines', () => {
    expect(windowsReg(values)).toBe(
      [
        'Windows Registry Editor Version 5.00',
        '',
        '[HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\abcdefghijklmnopabcdefghijklmnop\\policy]',
        '"playbookUrl"="https://playbooks.example.com/sales/team.json"',
        '"publicKey"="MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"',
        '"pollMinutes"=dword:0000003c',
        '"lockSource"=dword:00000001',
        '',
        '[HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\abcdefghijklmnopabcdefghijklmnop\\policy]',
        '"playbookUrl"="https://playbooks.example.com/sales/team.json"',
        '"publicKey"="MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"',
        '"pollMinutes"=dword:0000003c',
        '"lockSource"=dword:00000001',
        '',
      ].join('\r\n'),
    );
  });

  test('an unsigned playbook leaves publicKey out; a quote in the URL is escaped', () => {
    const reg = windowsReg({ ...values, publicKey: '', lockSource: false, playbookUrl: 'https://x.example/a"b.json' });
    expect(reg).not.toContain('publicKey');
    expect(reg).toContain('"playbookUrl"="https://x.example/a\\"b.json"');
    expect(reg).toContain('"lockSource"=dword:00000000');
  });

  test('Linux and Firefox JSON: the documented shapes (docs/playbook.md)', () => {
    expect(JSON.parse(linuxJson(values))).toEqual({
      '3rdparty': {
        extensions: {
          abcdefghijklmnopabcdefghijklmnop: {
            playbookUrl: 'https://playbooks.example.com/sales/team.json',
            publicKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE',
            pollMinutes: 60,
            lockSource: true,
          },
        },
      },
    });
    expect(JSON.parse(firefoxPolicies(values))).toEqual({
      policies: {
        '3rdparty': {
          Extensions: {
            'playcard@playcard.app': {
              playbookUrl: 'https://playbooks.example.com/sales/team.json',
              publicKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE',
              pollMinutes: 60,
              lockSource: true,
            },
          },
        },
      },
    });
  });

  test('macOS: a plist of the values, and a profile with one managed-preferences payload per browser', () => {
    expect(macPlist(values)).toContain(
      '<dict>\n  <key>playbookUrl</key>\n  <string>https://playbooks.example.com/sales/team.json</string>\n  <key>publicKey</key>\n  <string>MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE</string>\n  <key>pollMinutes</key>\n  <integer>60</integer>\n  <key>lockSource</key>\n  <true/>\n</dict>',
    );
    let n = 0;
    const profile = macMobileconfig({ ...values, playbookUrl: 'https://x.example/a&b.json' }, () => `UUID-${++n}`);
    expect(profile).toContain('<key>com.google.Chrome.extensions.abcdefghijklmnopabcdefghijklmnop</key>');
    expect(profile).toContain('<key>com.microsoft.Edge.extensions.abcdefghijklmnopabcdefghijklmnop</key>');
    expect(profile).toContain('<string>https://x.example/a&amp;b.json</string>');
    expect(profile.match(/<string>UUID-\d<\/string>/g)).toEqual(['<string>UUID-1</string>', '<string>UUID-2</string>', '<string>UUID-3</string>']);
    expect(profile).toContain('<string>Configuration</string>');
  });
});

describe('checking the published address as a rep would', () => {
  const url = 'https://playbooks.example.com/sales/team.json';
  const file = readFileSync(new URL('../fixtures/playbooks/small.json', import.meta.url));
  const serve =
    (routes: Record<string, () => Response>): typeof fetch =>
    async (input) => {
      const route = routes[String(input)];
      if (!route) throw new TypeError('Failed to fetch');
      return route();
    };
  const json = (body: BodyInit, type = 'application/json') => () => new Response(body, { status: 200, headers: { 'content-type': type } });

  test('a valid file and its signature', async () => {
    const keys = await generateKeyPair();
    const signature = await signPlaybook(new Uint8Array(file), keys.privateKey);
    const result = await checkPublished(url, keys.publicKey, { fetch: serve({ [url]: json(file), [`${url}.sig`]: json(`${signature}\n`, 'text/plain') }) });
    expect(result).toEqual({ ok: true, version: '2026.01-1', signature: 'valid' });
  });

  test('what the extension would refuse is named: a login page, no signature, a foreign signature, a CORS or network failure, http', async () => {
    const keys = await generateKeyPair();
    const other = await generateKeyPair();
    expect(await checkPublished(url, '', { fetch: serve({ [url]: json('<!doctype html><title>Sign in</title>', 'text/html') }) })).toMatchObject({ ok: false, code: 'response', problem: 'not-json' });
    expect(await checkPublished(url, keys.publicKey, { fetch: serve({ [url]: json(file) }) })).toEqual({ ok: false, code: 'unsigned', detail: `${url}.sig` });
    const foreign = await signPlaybook(new Uint8Array(file), other.privateKey);
    expect(await checkPublished(url, keys.publicKey, { fetch: serve({ [url]: json(file), [`${url}.sig`]: json(foreign) }) })).toEqual({ ok: false, code: 'bad-signature', detail: `${url}.sig` });
    expect(await checkPublished(url, '', { fetch: serve({}) })).toEqual({ ok: false, code: 'unreachable', detail: 'Failed to fetch' });
    expect(await checkPublished('http://playbooks.example.com/team.json', '', { fetch: serve({}) })).toMatchObject({ ok: false, code: 'bad-url' });
    expect(await checkPublished(url, '', { fetch: serve({ [url]: json('{"schemaVersion": 1}') }) })).toMatchObject({ ok: false, code: 'invalid' });
  });
});
