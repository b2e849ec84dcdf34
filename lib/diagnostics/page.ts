/**
 * "Report this page": what the content script tells about a page its adapter could not read,
 * so whoever maintains the adapter can see what changed. It carries the page's shape, never its
 * content: no text, no attribute values, ids and classes only when they look like a developer's
 * selector, and the URL with its ids masked (no query, no hash). The panel adds the extension's
 * version and copies it (lib/diagnostics/report.ts).
 *
 * Runs in the content script: DOM only, no zod, nothing that can throw into the page.
 */
import type { PageReportInput } from '../sites/reader';

/**
 * An adapter's selectors as its module exports them (`SELECTORS` in lib/sites/<id>.ts): named
 * groups of alternatives, most trusted first. Groups built from a parameter (a field's name)
 * cannot be tried without one and are listed as such.
 */
export interface SelectorTable {
  readonly [name: string]: string | readonly string[] | ((...args: never[]) => readonly string[]) | SelectorTable;
}

/** What the content script knows about the site it reads, for diagnostics. */
export interface DiagnosticsSite {
  id: string;
  /** The adapter's example URLs: their path words are the site's own, not the user's data. */
  examples?: { company: string[]; other: string[] };
  selectors?: SelectorTable;
}

export interface PageDiagnostics {
  /** Adapter id, or `custom` for the reader of hosts the rep added. */
  site: string;
  status: PageReportInput['status'];
  /** `company` / `email` when read; else the `Missing` kind (`contact`, `record`, ...); `unrecognised`. */
  pageKind: string;
  /** Fact codes the adapter did not find on a record. */
  missingFacts: string[];
  /** The page's URL with ids masked, no query, no hash. */
  url: string;
  /** Per selector group, how many elements each alternative matched (-1: the browser rejected it), or `parameterised`. */
  selectors: Record<string, number[] | 'parameterised'>;
  /** The record container's ancestors (`html > body > div#app`), or `body` when the adapter names no container. */
  around: string;
  /** The container's element tree, one element a line, indented by depth; text and attribute values removed. */
  structure: string[];
}

/** How deep and how long the element tree goes: enough to see a layout, never the whole page. */
export const STRUCTURE_DEPTH = 8;
export const STRUCTURE_LINES = 300;

/** Elements whose insides are not layout: described by their tag only. */
const OPAQUE = new Set(['script', 'style', 'svg', 'noscript', 'template', 'iframe', 'canvas', 'video', 'audio', 'picture']);
/** Attributes whose names say nothing (values are never kept anyway). */
const SKIPPED_ATTRIBUTES = new Set(['id', 'class', 'style']);

/** A token a developer wrote as a selector hook: a short identifier with no long number in it (record ids, timestamps). */
const SELECTOR_LIKE = /^[A-Za-z_][A-Za-z0-9_-]{0,39}$/;
const LONG_NUMBER = /\d{3,}/;

function selectorLike(token: string): boolean {
  return SELECTOR_LIKE.test(token) && !LONG_NUMBER.test(token);
}

/** The words of the page's text, lower case: an id made of one of them may be the user's data (`id="dana-whitfield"`). */
function pageWords(doc: Document): Set<string> {
  const words = new Set<string>();
  const text = doc.body?.textContent ?? '';
  for (const match of text.matchAll(/[\p{L}\p{N}]{3,}/gu)) words.add(match[0].toLowerCase());
  return words;
}

function partsOf(token: string): string[] {
  return token
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .map((part) => part.toLowerCase())
    .filter((part) => part.length >= 3);
}

function describeElement(el: Element, words: Set<string>): string {
  let line = el.localName;
  const id = el.getAttribute('id');
  if (id && selectorLike(id) && !partsOf(id).some((part) => words.has(part))) line += `#${id}`;
  const classes = [...el.classList].filter(selectorLike).slice(0, 6);
  if (classes.length) line += `.${classes.join('.')}`;
  const names = el
    .getAttributeNames()
    .filter((name) => !SKIPPED_ATTRIBUTES.has(name) && /^[a-z][a-z0-9_:.-]{0,40}$/.test(name))
    .sort()
    .slice(0, 8);
  if (names.length) line += names.map((name) => `[${name}]`).join('');
  return line;
}

/**
 * The element tree under `root`, one line per element. Runs of siblings with the same shape are
 * folded into one line with a count, so a list of 200 rows costs one line.
 */
export function describeStructure(root: Element, doc: Document = root.ownerDocument, depth = STRUCTURE_DEPTH, maxLines = STRUCTURE_LINES): string[] {
  const words = pageWords(doc);
  const lines: string[] = [];
  const walk = (el: Element, level: number): void => {
    const children = OPAQUE.has(el.localName) || level >= depth ? [] : [...el.children];
    let index = 0;
    while (index < children.length && lines.length < maxLines) {
      const child = children[index]!;
      const shape = describeElement(child, words);
      let run = 1;
      while (index + run < children.length && describeElement(children[index + run]!, words) === shape) run++;
      lines.push(`${'  '.repeat(level)}${shape}${run > 1 ? ` ×${run}` : ''}`);
      walk(child, level + 1);
      index += run;
    }
  };
  lines.push(describeElement(root, words));
  walk(root, 1);
  if (lines.length >= maxLines) lines.push('…');
  return lines;
}

/** `html > body > div#app > main`: where the container sits. */
export function ancestorsOf(el: Element, doc: Document = el.ownerDocument): string {
  const words = pageWords(doc);
  const chain: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) chain.unshift(describeElement(node, words));
  return chain.join(' > ');
}

function pathWords(examples: DiagnosticsSite['examples']): Set<string> {
  const words = new Set<string>();
  for (const example of [...(examples?.company ?? []), ...(examples?.other ?? [])]) {
    try {
      for (const segment of new URL(example).pathname.split('/')) if (/^[A-Za-z]{1,24}$/.test(segment)) words.add(segment);
    } catch {
      // An example that is not a URL teaches nothing.
    }
  }
  return words;
}

/**
 * The URL without query and hash, each path segment kept only when it is a word of the site's
 * own URLs (`contacts`, `record`, `lightning`), otherwise `:id`; so record ids and names in
 * paths (`/in/dana-whitfield`) never leave.
 */
export function maskUrl(url: string, examples?: DiagnosticsSite['examples']): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '';
  }
  const known = pathWords(examples);
  const path = parsed.pathname
    .split('/')
    .map((segment) => (segment === '' || known.has(segment) ? segment : ':id'))
    .join('/');
  return `${parsed.protocol}//${parsed.host}${path}`;
}

function count(doc: Document, selector: string): number {
  try {
    return doc.querySelectorAll(selector).length;
  } catch {
    return -1;
  }
}

/** How many elements each selector of the adapter finds on the page now; nested groups as `group.name`. */
export function selectorCounts(doc: Document, selectors: SelectorTable | undefined): PageDiagnostics['selectors'] {
  const counts: PageDiagnostics['selectors'] = {};
  const visit = (table: SelectorTable, prefix: string): void => {
    for (const [name, group] of Object.entries(table)) {
      const key = prefix + name;
      if (typeof group === 'function') counts[key] = 'parameterised';
      else if (typeof group === 'string') counts[key] = [count(doc, group)];
      else if (Array.isArray(group)) counts[key] = group.map((selector: string) => count(doc, selector));
      else visit(group as SelectorTable, `${key}.`);
    }
  };
  visit(selectors ?? {}, '');
  return counts;
}

function kindOf(report: PageReportInput): { pageKind: string; missingFacts: string[] } {
  if (report.status === 'ok') return { pageKind: report.snapshot.kind, missingFacts: [] };
  if (report.status === 'unreadable') return { pageKind: report.missing.kind, missingFacts: [...report.missing.facts] };
  return { pageKind: 'unrecognised', missingFacts: [] };
}

/** Everything "report this page" sends about the page in `doc`, given what the reader reported and where the record sits. */
export function diagnosePage(doc: Document, url: string, report: PageReportInput, container: Element | null, site: DiagnosticsSite | undefined): PageDiagnostics {
  const root = container ?? doc.body ?? doc.documentElement;
  return {
    site: site?.id ?? 'custom',
    status: report.status,
    ...kindOf(report),
    url: maskUrl(url, site?.examples),
    selectors: selectorCounts(doc, site?.selectors),
    around: container ? ancestorsOf(container, doc) : 'body',
    structure: describeStructure(root, doc),
  };
}
