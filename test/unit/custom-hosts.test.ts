import { describe, expect, test } from 'vitest';
import { addHost, matchPatterns, parseHostInput, readHosts, registrationsFor, removeHost } from '../../lib/custom-hosts';

describe('parseHostInput', () => {
  test.each([
    ['crm.example.com', 'https://crm.example.com', 'https://crm.example.com/*'],
    ['  https://crm.example.com/index.php?module=Accounts&action=DetailView ', 'https://crm.example.com', 'https://crm.example.com/*'],
    ['http://intranet-crm:8080/suitecrm/', 'http://intranet-crm:8080', 'http://intranet-crm/*'],
    ['CRM.Example.COM/odoo', 'https://crm.example.com', 'https://crm.example.com/*'],
    ['contoso.crm4.dynamics.com', 'https://contoso.crm4.dynamics.com', 'https://contoso.crm4.dynamics.com/*'],
  ])('%s → %s', (input, origin, pattern) => {
    expect(parseHostInput(input)).toEqual({ ok: true, origin, pattern });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ftp://files.example.com', 'scheme'],
    ['https://*.example.com', 'wildcard'],
    ['https://user:pw@crm.example.com', 'credentials'],
    ['http://', 'notAnAddress'],
  ])('%j is refused: %s', (input, error) => {
    expect(parseHostInput(input)).toEqual({ ok: false, error });
  });
});

test('hosts are kept sorted, re-adding replaces, removing forgets, and patterns are unique', () => {
  let hosts = addHost([], 'https://b.example.com', 'generic', 1);
  hosts = addHost(hosts, 'https://a.example.com', 'dynamics', 2);
  hosts = addHost(hosts, 'https://b.example.com', 'salesforce', 3);
  expect(hosts.map((h) => `${h.origin} ${h.site}`)).toEqual(['https://a.example.com dynamics', 'https://b.example.com salesforce']);
  expect(matchPatterns([...hosts, { origin: 'http://a.example.com:8080', site: 'generic', addedAt: 4 }])).toEqual([
    'http://a.example.com/*',
    'https://a.example.com/*',
    'https://b.example.com/*',
  ]);
  expect(removeHost(hosts, 'https://a.example.com').map((h) => h.origin)).toEqual(['https://b.example.com']);
});

test('a stored list from anywhere is read defensively', () => {
  expect(readHosts(undefined)).toEqual([]);
  expect(readHosts('x')).toEqual([]);
  expect(readHosts([{ origin: 'https://a.example.com', site: 'generic', addedAt: 1 }, { origin: 5 }, null])).toEqual([
    { origin: 'https://a.example.com', site: 'generic', addedAt: 1 },
  ]);
});

test('each site gets its own run-time script for its granted hosts; unknown sites read with the generic reader', () => {
  const hosts = [
    { origin: 'https://crm.contoso.com', site: 'dynamics', addedAt: 1 },
    { origin: 'https://sales.example.org', site: 'dynamics', addedAt: 2 },
    { origin: 'https://suite.example.com', site: 'generic', addedAt: 3 },
    { origin: 'https://odoo.example.com', site: 'gone-adapter', addedAt: 4 },
    { origin: 'https://not-granted.example.com', site: 'zoho', addedAt: 5 },
  ];
  const granted = new Set(['https://crm.contoso.com/*', 'https://sales.example.org/*', 'https://suite.example.com/*', 'https://odoo.example.com/*']);
  expect(registrationsFor(hosts, ['dynamics', 'zoho'], granted)).toEqual([
    { id: 'playcard-custom-dynamics', matches: ['https://crm.contoso.com/*', 'https://sales.example.org/*'], js: ['content-scripts/dynamics.js'] },
    { id: 'playcard-custom-generic', matches: ['https://odoo.example.com/*', 'https://suite.example.com/*'], js: ['content-scripts/custom.js'] },
  ]);
});
