// @vitest-environment happy-dom
/**
 * Issue 14: property-based fuzzing of every site's reader over its saved pages.
 *
 * fast-check mutates each fixture of test/fixtures/pages (delete, duplicate or shuffle
 * subtrees, huge text and attributes, deep nesting, many siblings, odd Unicode, elements
 * carrying a marker) and reads the result with the reader the site's content script runs.
 * The seed is fixed, so a failure names a case that replays. `npm run fuzz` runs many more
 * cases over other seeds (scripts/fuzz.ts).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CAPS } from '../../lib/limits';
import { contentReader, type PageReportInput } from '../../lib/sites';
import { PageReport } from '../../lib/snapshot';

const RUNS = Number(process.env.PLAYCARD_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.PLAYCARD_FUZZ_SEED ?? 20_261_201);
/**
 * The long run goes deeper. happy-dom's own querySelectorAll recurses and overflows the stack
 * near 4,000 levels, which Chromium does not: the bench reads an 8,000-level page there.
 */
const MAX_DEPTH = process.env.PLAYCARD_FUZZ_LONG ? 3000 : 600;

const ROOT = join(__dirname, '../fixtures/pages');
interface Fixture {
  name: string;
  site: string;
  url: string;
  html: string;
}
const fixtures: Fixture[] = readdirSync(ROOT).flatMap((site) =>
  readdirSync(join(ROOT, site))
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const base = file.replace(/\.html$/, '');
      const { url } = JSON.parse(readFileSync(join(ROOT, site, `${base}.expected.json`), 'utf8')) as { url: string };
      return { name: `${site}/${base}`, site, url, html: readFileSync(join(ROOT, site, file), 'utf8') };
    }),
);

/** The element a marker mutation inserts. Text never spells it, so seeing it in a read means markup leaked. */
const MARK_TAG = 'x-fuzz-mark';
const MARK_ATTR = 'data-fuzz-mark';

/** Characters readers trip on: bidi controls, zero-width, BOM, NUL, lone surrogates, combining marks, separators. */
const ODD_CHAR = fc.constantFrom(
  '\u202e', '\u202d', '\u2066', '\u200b', '\u200d', '\ufeff', '\u0000', '\ud800', '\udfff', '\u0301', '\u00a0', '\u2028',
  '@', '<', '>', '&', ':', ';', ',', '.', '-', ' ', '\n', '\t', '"', "'", '€', '$', 'zł', '0', '9', '𝟘', '٣', 'ß', 'İ',
);
const ODD_TEXT = fc.oneof(
  fc.string({ unit: ODD_CHAR, maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('<img src=x onerror=alert(1)>', '<script>alert(1)</script>', 'a@b.co', '9'.repeat(40), '1e308', '-0', 'NaN', '__proto__', 'Industry:'),
);
/** Attributes readers look at (sender's `email`, labels, links, test ids, classes). */
const ATTRIBUTE = fc.constantFrom('email', 'name', 'title', 'aria-label', 'href', 'data-testid', 'data-hovercard-id', 'class', 'id', 'role', 'content', 'value', 'datetime');

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'shuffle'; at: number; order: number[] }
  | { kind: 'huge-text'; at: number; unit: string; size: number }
  | { kind: 'huge-attribute'; at: number; name: string; unit: string; size: number }
  | { kind: 'odd-text'; at: number; text: string }
  | { kind: 'odd-attribute'; at: number; name: string; text: string }
  | { kind: 'deep'; at: number; depth: number }
  | { kind: 'siblings'; at: number; count: number; tag: string }
  | { kind: 'marker'; at: number; text: string };

const at = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at }),
  fc.record({ kind: fc.constant('duplicate' as const), at }),
  fc.record({ kind: fc.constant('shuffle' as const), at, order: fc.array(fc.nat(), { maxLength: 30 }) }),
  fc.record({ kind: fc.constant('huge-text' as const), at, unit: fc.oneof(ODD_TEXT, fc.constantFrom('a', 'a@', ':', ' ', '9')), size: fc.integer({ min: 1000, max: 60_000 }) }),
  fc.record({ kind: fc.constant('huge-attribute' as const), at, name: ATTRIBUTE, unit: fc.oneof(ODD_TEXT, fc.constantFrom('a', 'a@', 'x.')), size: fc.integer({ min: 1000, max: 60_000 }) }),
  fc.record({ kind: fc.constant('odd-text' as const), at, text: ODD_TEXT }),
  fc.record({ kind: fc.constant('odd-attribute' as const), at, name: ATTRIBUTE, text: ODD_TEXT }),
  fc.record({ kind: fc.constant('deep' as const), at, depth: fc.integer({ min: 10, max: MAX_DEPTH }) }),
  fc.record({ kind: fc.constant('siblings' as const), at, count: fc.integer({ min: 10, max: 3000 }), tag: fc.constantFrom('br', 'span', 'div', 'td', 'li', 'a') }),
  fc.record({ kind: fc.constant('marker' as const), at, text: ODD_TEXT }),
);

/** Repeats `unit` up to `size` characters (at least once, so an empty unit still yields a string). */
const repeatTo = (unit: string, size: number) => (unit ? unit.repeat(Math.ceil(size / unit.length)).slice(0, size) : '');

function apply(doc: Document, change: Mutation): void {
  // Never the root, head or body: a page without a body is not a page a content script meets.
  const elements = [...doc.body.querySelectorAll('*')];
  const target = elements[change.at % Math.max(1, elements.length)] ?? doc.body;
  switch (change.kind) {
    case 'delete':
      if (target !== doc.body) target.remove();
      return;
    case 'duplicate':
      if (target !== doc.body) target.after(target.cloneNode(true));
      return;
    case 'shuffle': {
      const children = [...target.children];
      const keyed = children.map((child, i) => ({ child, key: change.order[i] ?? i }));
      keyed.sort((a, b) => a.key - b.key);
      for (const { child } of keyed) target.appendChild(child);
      return;
    }
    case 'huge-text':
      target.appendChild(doc.createTextNode(repeatTo(change.unit, change.size)));
      return;
    case 'huge-attribute':
      target.setAttribute(change.name, repeatTo(change.unit, change.size));
      return;
    case 'odd-text':
      // A leaf's text replaced, or text added next to an element's children.
      if (target.children.length === 0) target.textContent = change.text;
      else target.appendChild(doc.createTextNode(change.text));
      return;
    case 'odd-attribute':
      target.setAttribute(change.name, change.text);
      return;
    case 'deep': {
      // As markup: happy-dom walks a subtree on every appendChild, so nesting node by node is quadratic.
      const text = (target.textContent ?? '').slice(0, 50).replace(/[<&]/g, ' ');
      target.insertAdjacentHTML('beforeend', `${'<div><span>'.repeat(Math.floor(change.depth / 2))}${text}${'</span></div>'.repeat(Math.floor(change.depth / 2))}`);
      return;
    }
    case 'siblings': {
      const fragment = doc.createDocumentFragment();
      for (let i = 0; i < change.count; i++) {
        const sibling = doc.createElement(change.tag);
        if (change.tag !== 'br') sibling.textContent = `${i}`;
        fragment.appendChild(sibling);
      }
      target.appendChild(fragment);
      return;
    }
    case 'marker': {
      const mark = doc.createElement(MARK_TAG);
      mark.setAttribute(MARK_ATTR, 'x');
      mark.innerHTML = '<b data-fuzz-mark="b">bold</b>';
      mark.appendChild(doc.createTextNode(change.text));
      target.appendChild(mark);
      return;
    }
  }
}

/** Every string in a value, with its path. */
function* strings(value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, `${path}[${i}]`);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* strings(item, path ? `${path}.${key}` : key);
}

/** What a read must satisfy whatever the page did. Returns the problems, so a failing case says what broke. */
function problemsOf(report: PageReportInput): string[] {
  const problems: string[] = [];
  if (!['ok', 'unreadable', 'unrecognised'].includes(report.status)) problems.push(`status ${String(report.status)}`);
  const parsed = PageReport.safeParse(report);
  if (!parsed.success) problems.push(`the background refuses it: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  for (const [path, text] of strings(report)) {
    if (text.includes(MARK_TAG) || text.includes(MARK_ATTR)) problems.push(`markup in ${path}`);
  }
  if (report.status === 'ok') {
    const { snapshot } = report;
    // The caps of lib/limits.ts, spelled out (the schema holds them too).
    if ((snapshot.text?.length ?? 0) > CAPS.text) problems.push('text over its cap');
    if ((snapshot.people?.length ?? 0) > CAPS.people) problems.push('too many people');
    if ((snapshot.recordId?.length ?? 0) > CAPS.recordId) problems.push('record id over its cap');
    for (const [path, text] of strings(snapshot.company)) if (text.length > CAPS.shortText) problems.push(`company.${path} over its cap`);
    for (const person of snapshot.people ?? []) {
      if ((person.name?.length ?? 0) > CAPS.shortText || (person.title?.length ?? 0) > CAPS.shortText) problems.push('a person over the cap');
      if ((person.email?.length ?? 0) > CAPS.email) problems.push('an address over its cap');
    }
  }
  return problems;
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
/**
 * Each saved page parsed once; every case reads a deep copy of it in the test's one document.
 * (happy-dom keeps about 6 MB per case reachable whatever is freed, so scripts/fuzz.ts runs the
 * long fuzz as several processes.)
 */
const parsed = new Map<string, Document>();
const freshCopy = (fixture: Fixture) => {
  let source = parsed.get(fixture.name);
  if (!source) parsed.set(fixture.name, (source = parse(fixture.html)));
  const copy = document.importNode(source.documentElement, true);
  document.documentElement.remove();
  document.appendChild(copy);
  return document;
};

test('the fuzzed pages cover every site', () => {
  expect(new Set(fixtures.map((f) => f.site))).toEqual(new Set(['dynamics', 'generic', 'gmail', 'hubspot', 'linkedin', 'outlook', 'pipedrive', 'salesforce', 'zoho']));
});

describe('every reader, on mutated copies of its saved pages', () => {
  test('never throws, and reports a snapshot within the caps or a code, never markup', { timeout: 600_000 }, () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 6 }), (fixture, changes) => {
        const doc = freshCopy(fixture);
        for (const change of changes) apply(doc, change);
        const reader = contentReader(fixture.site)!;
        const report = reader.inspectPage(doc, fixture.url);
        // The other two entry points the content script calls must not throw either.
        reader.readPage(doc, fixture.url);
        reader.observeRoot(doc);
        seen.set(report.status, (seen.get(report.status) ?? 0) + 1);
        expect(problemsOf(report)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The mutations must leave many pages readable, or the properties would only ever meet codes.
    expect(seen.get('ok') ?? 0).toBeGreaterThan(RUNS / 4);
  });

  test('the marker check would catch markup: a read that took innerHTML is reported', () => {
    const doc = parse(`<p>${'x'}</p>`);
    apply(doc, { kind: 'marker', at: 0, text: 'hello' });
    const leaked = { status: 'unrecognised', url: doc.body.innerHTML } as PageReportInput;
    expect(problemsOf(leaked)).toContain('markup in url');
    expect(problemsOf({ status: 'unrecognised', url: doc.body.textContent ?? '' })).toEqual([]);
  });
});
