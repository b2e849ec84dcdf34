// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ADAPTERS, GENERIC_ADAPTER, adapterFor, inspectPage, readPage, recordKeyFor } from '../../lib/sites';
import { CAPS } from '../../lib/sites/normalise';
import { PEOPLE_CAP, PageReport, PageSnapshot, TEXT_CAP } from '../../lib/snapshot';

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
  /** What describeMissing says (for null pages: the unreadable report's list). */
  missing?: string[];
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
  expect(new Set(fixtures.map((f) => f.site))).toEqual(new Set(['hubspot', 'gmail', 'generic', 'dynamics', 'zoho', 'salesforce', 'pipedrive', 'outlook']));
  expect(fixtures.length).toBeGreaterThanOrEqual(9);
});

describe.each(fixtures)('$name', (fixture) => {
  const doc = parse(fixture.html);
  const snapshot = readPage(doc, fixture.url, { generic: fixture.generic ?? false });

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
    const report = inspectPage(doc, fixture.url, { generic: fixture.generic ?? false });
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
    const report = inspectPage(doc, fixture.url, { generic: fixture.generic ?? false });
    if (fixture.expected === null) {
      expect(report.status).toBe('unreadable');
      if (report.status === 'unreadable') {
        expect(report.site).toBe(fixture.site);
        if (fixture.missing) expect(report.missing).toEqual(fixture.missing);
      }
      return;
    }
    expect(report).toMatchObject({ status: 'ok', snapshot: { site: fixture.expected['site'] } });
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
      expect(adapter.recordKey(parsed)).toBeTruthy();
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
    expect(adapter.describeMissing(empty, parsed).length).toBeGreaterThan(0);
  });
});

describe('registry', () => {
  test('ids are unique and short', () => {
    const ids = EVERY.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]{1,39}$/);
  });

  test('caps match lib/snapshot.ts', () => {
    expect(CAPS.text).toBe(TEXT_CAP);
    expect(CAPS.people).toBe(PEOPLE_CAP);
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
    expect(recordKeyFor('https://app.hubspot.com/contacts/1/record/0-2/99')).toBe('1/0-2/99');
    expect(recordKeyFor('https://example.com/')).toBeUndefined();
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
    expect(snapshot?.text?.length).toBe(TEXT_CAP);
    expect(snapshot?.people?.length).toBe(PEOPLE_CAP);
  });
});
