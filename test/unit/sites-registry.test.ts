// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ADAPTERS, GENERIC_ADAPTER, adapterFor, contentReader, inspectPage, readPage, type Missing } from '../../lib/sites';
import { siteReader } from '../../lib/sites/reader';
import type { SiteAdapter } from '../../lib/sites/types';
import { PageReport, PageSnapshot } from '../../lib/snapshot';

const ROOT = join(__dirname, '../fixtures/pages');

interface Sidecar {
  url: string;
  /** A partial snapshot, or null for a page that is not a company or thread. */
  expected: Record<string, unknown> | null;
  /** Read with the generic reader (a host the user granted). */
  generic?: boolean;
  textContains?: string[];
  textLacks?: string[];
  /** Dotted paths that must be absent from the snapshot. */
  absent?: string[];
  /** What describeMissing says (for null pages: the unreadable report's). */
  missing?: Missing;
}

interface Fixture extends Sidecar {
  name: string;
  site: string;
  html: string;
}

const fixtures: Fixture[] = readdirSync(ROOT).flatMap((site) =>
  readdirSync(join(ROOT, site))
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const base = file.replace(/\.html$/, '');
      const sidecar = JSON.parse(readFileSync(join(ROOT, site, `${base}.expected.json`), 'utf8')) as Sidecar;
      return { ...sidecar, name: `${site}/${base}`, site, html: readFileSync(join(ROOT, site, file), 'utf8') };
    }),
);

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

const EVERY = [...ADAPTERS, GENERIC_ADAPTER];

test('fixtures are found for every site', () => {
  expect(new Set(fixtures.map((f) => f.site))).toEqual(new Set(['hubspot', 'gmail', 'generic', 'dynamics', 'zoho', 'salesforce', 'pipedrive', 'outlook', 'linkedin']));
  expect(fixtures.length).toBeGreaterThanOrEqual(9);
});

describe.each(fixtures)('$name', (fixture) => {
  const doc = parse(fixture.html);
  // The reader the content script of the fixture's site runs (entrypoints/<site>.content.ts).
  const reader = contentReader(fixture.site)!;
  const snapshot = reader.readPage(doc, fixture.url);
  const report = reader.inspectPage(doc, fixture.url);

  test('goes through the reader of the content script that runs on its URL', () => {
    expect(reader).toBeDefined();
    expect(fixture.generic ?? false).toBe(fixture.site === 'generic');
    expect(adapterFor(fixture.url)?.id).toBe(fixture.site === 'generic' ? undefined : fixture.site);
    expect(inspectPage(doc, fixture.url, { generic: fixture.generic ?? false })).toEqual(report);
  });

  test('yields the expected facts', () => {
    if (fixture.expected === null) {
      expect(snapshot).toBeNull();
      return;
    }
    expect(snapshot).toMatchObject({ ...fixture.expected, url: new URL(fixture.url).href });
    for (const path of fixture.absent ?? []) expect(at(snapshot, path), path).toBeUndefined();
    for (const part of fixture.textContains ?? []) expect(snapshot?.text).toContain(part);
    for (const part of fixture.textLacks ?? []) expect(snapshot?.text ?? '').not.toContain(part);
  });

  test('passes the background schema', () => {
    if (snapshot) expect(() => PageSnapshot.parse(snapshot)).not.toThrow();
    expect(PageReport.safeParse(report).success).toBe(true);
  });

  test('is read by exactly the adapter it belongs to', () => {
    const readers = EVERY.filter((adapter) => adapter.matches(new URL(fixture.url)) && adapter.read(doc, new URL(fixture.url)));
    const owner = fixture.expected ? (fixture.expected['site'] as string) : undefined;
    if (owner === 'generic') {
      // The generic reader is never chosen by URL, only as the fallback.
      expect(readers).toEqual([]);
      expect(adapterFor(fixture.url)).toBeUndefined();
      expect(readPage(doc, fixture.url)).toBeNull();
    } else {
      expect(readers.map((a) => a.id)).toEqual(owner ? [owner] : []);
    }
    // Other adapters called directly on this page say nothing and do not throw.
    for (const adapter of ADAPTERS) {
      if (adapter.id === owner) continue;
      expect(adapter.read(doc, new URL(fixture.url)), adapter.id).toBeNull();
    }
    // Granting the host never lets the generic reader override a site adapter.
    if (owner && owner !== 'generic') expect(readPage(doc, fixture.url, { generic: true })?.site).toBe(owner);
  });

  test('reports what is missing', () => {
    if (fixture.expected === null && fixture.generic) {
      // The custom-host script reports a page it does not read as unrecognised; the adapter still says why.
      expect(report.status).toBe('unrecognised');
      if (fixture.missing) expect(GENERIC_ADAPTER.describeMissing(doc, new URL(fixture.url))).toEqual(fixture.missing);
      return;
    }
    if (fixture.expected === null) {
      expect(report.status).toBe('unreadable');
      if (report.status === 'unreadable') {
        expect(report.site).toBe(fixture.site);
        if (fixture.missing) expect(report.missing).toEqual(fixture.missing);
      }
      return;
    }
    expect(report).toMatchObject({ status: 'ok', snapshot: { site: fixture.expected['site'] } });
    // On a page that reads, what the adapter would list (the panel never shows it).
    const adapter = fixture.generic ? GENERIC_ADAPTER : adapterFor(fixture.url);
    if (fixture.missing) expect(adapter?.describeMissing(doc, new URL(fixture.url))).toEqual(fixture.missing);
  });
});

describe.each(EVERY)('examples of $id', (adapter) => {
  const others = ADAPTERS.filter((a) => a !== adapter);
  test.each(adapter.examples.company)('%s is its own and no one else’s', (url) => {
    const parsed = new URL(url);
    if (adapter !== GENERIC_ADAPTER) {
      expect(adapter.matches(parsed)).toBe(true);
      expect(adapterFor(url)).toBe(adapter);
    }
    for (const other of others) expect(other.matches(parsed), other.id).toBe(false);
  });
  test.each(adapter.examples.other.length ? adapter.examples.other : ['(none)'])('%s is on its host but not a company page', (url) => {
    if (url === '(none)') return;
    const parsed = new URL(url);
    expect(adapter.matches(parsed)).toBe(true);
    for (const other of others) expect(other.matches(parsed), other.id).toBe(false);
    const empty = parse('<!DOCTYPE html><html><head><title>x</title></head><body></body></html>');
    expect(adapter.read(empty, parsed)).toBeNull();
    // The URL alone says what kind of page it is, whatever has rendered.
    expect(adapter.describeMissing(empty, parsed).kind).not.toBe('record');
  });
});

describe('registry', () => {
  test('ids are unique and short', () => {
    const ids = EVERY.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]{1,39}$/);
  });


  test('an unknown page is unrecognised unless the host was granted', () => {
    const doc = parse('<html><body><dl><dt>Company</dt><dd>Acme Widgets Ltd</dd><dt>Industry</dt><dd>Manufacturing</dd></dl></body></html>');
    const url = 'https://intranet.example.org/accounts/42';
    expect(inspectPage(doc, url)).toEqual({ status: 'unrecognised', url });
    expect(readPage(doc, url)).toBeNull();
    expect(readPage(doc, url, { generic: true })).toMatchObject({ site: 'generic', company: { name: 'Acme Widgets Ltd', industry: 'Manufacturing' } });
  });

  test('bad input never throws', () => {
    const doc = parse('<html><body></body></html>');
    expect(readPage(doc, 'not a url')).toBeNull();
    expect(inspectPage(doc, 'not a url')).toEqual({ status: 'unrecognised', url: 'not a url' });
    expect(adapterFor('::')).toBeUndefined();
    const broken = { querySelector: () => { throw new Error('boom'); }, querySelectorAll: () => { throw new Error('boom'); }, title: '' } as unknown as Document;
    for (const url of [...ADAPTERS.flatMap((a) => a.examples.company), 'https://example.com/']) {
      expect(() => readPage(broken, url, { generic: true })).not.toThrow();
      expect(() => inspectPage(broken, url, { generic: true })).not.toThrow();
    }
  });

  test('over-long fields are trimmed to what the schema accepts', () => {
    const long = 'x'.repeat(30_000);
    const people = Array.from({ length: 80 }, (_, i) => `<span class="g2" email="p${i}@acme-${i}.com" name="P ${i}">P</span>`).join('');
    const html = `<html><head><title>t - me@fleetwise.io - Mail</title></head><body><div role="main"><h2 class="hP">Subject</h2>
      <div class="adn"><span class="gD" email="buyer@acme.com" name="${'B'.repeat(600)}">B</span>${people}<div class="a3s">${long}</div></div></div></body></html>`;
    const snapshot = readPage(parse(html), 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKhwjZqPrWcTbLmNvBdJsRtXy');
    expect(snapshot).not.toBeNull();
    expect(() => PageSnapshot.parse(snapshot)).not.toThrow();
    expect(snapshot?.text?.length).toBe(20_000);
    expect(snapshot?.people?.length).toBe(50);
  });

  test('what an adapter says is missing reaches the background as codes its schema accepts', () => {
    const doc = parse('<html><body></body></html>');
    const odd = (missing: unknown): SiteAdapter => ({
      id: 'odd', label: 'Odd CRM', hosts: [], matches: () => true, read: () => null, describeMissing: () => missing as Missing, examples: { company: [], other: [] },
    });
    const url = 'https://crm.example.com/accounts/7';
    const inspect = (missing: unknown) => siteReader(odd(missing)).inspectPage(doc, url);
    expect(inspect({ kind: 'record', facts: ['domain', 'Open a record', 'domain', 'owner'] })).toEqual({
      status: 'unreadable', site: 'odd', siteLabel: 'Odd CRM', url, missing: { kind: 'record', facts: ['domain', 'owner'] },
    });
    expect(inspect(['This is a contact'])).toMatchObject({ missing: { kind: 'record', facts: [] } });
    expect(inspect({ kind: 'a sentence', facts: [] })).toMatchObject({ missing: { kind: 'record', facts: [] } });
    expect(inspect({ kind: 'contact', facts: ['name'] })).toMatchObject({ missing: { kind: 'contact', facts: ['name'] } });
    for (const missing of [{ kind: 'record', facts: ['domain', 'Open a record'] }, ['x'], { kind: 'a sentence' }]) {
      expect(PageReport.safeParse(inspect(missing)).success).toBe(true);
    }
    const thrower = { ...odd(undefined), describeMissing: () => { throw new Error('boom'); } };
    expect(siteReader(thrower).inspectPage(doc, url)).toMatchObject({ status: 'unreadable', missing: { kind: 'record', facts: [] } });
  });

  test('the background rejects sentences where codes belong', () => {
    const base = { status: 'unreadable', site: 'hubspot', siteLabel: 'HubSpot', url: 'https://app.hubspot.com/x' };
    expect(PageReport.safeParse({ ...base, missing: { kind: 'contact', facts: [] } }).success).toBe(true);
    expect(PageReport.safeParse({ ...base, missing: ['This is a contact record: open its company'] }).success).toBe(false);
    expect(PageReport.safeParse({ ...base, missing: { kind: 'record', facts: ['company name'] } }).success).toBe(false);
  });
});
