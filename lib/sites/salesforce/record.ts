/**
 * Reading the Account shown: the part of the page that holds it, its field
 * values (view and edit mode, through open shadow roots, outside dialogs) and
 * the company facts they give.
 */
import type { PageSnapshotInput } from '../../snapshot';
import { deepLines, DeepFinder, isEmptyValue, queryEach } from '../dom';
import { cleanText, countryCode, domainFromUrl, parseCount, parseMoney } from '../normalise';
import { labelKey, labels, PICKLIST_NONE } from './labels';
import { API_NAMES, FIELD_NAMING, NOT_VALUE_CLASSES, SELECTORS, type Fact } from './selectors';

// ---------------------------------------------------------------------------
// Where to read: the active page or tab of the record in the URL.

function isActive(el: Element): boolean {
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return false;
  const classes = el.classList;
  if (classes.contains('slds-hide') || classes.contains('hideEl')) return false;
  return classes.contains('active') || el.getAttribute('aria-hidden') === 'false' || el.getAttribute('aria-expanded') === 'true' || classes.contains('slds-show');
}

function mentions(el: ParentNode, id15: string): boolean {
  // Two queries, not one list: see `queryEach`.
  return el.querySelector(`a[href*="${id15}"]`) !== null || el.querySelector(`[data-recordid^="${id15}"]`) !== null;
}

/**
 * The part of the page that shows the record `id`: the console tab whose link
 * names it, else the deepest active page or tab container, else the document.
 * Inactive tabs (another account) are never read.
 */
function recordScope(doc: Document, id: string): ParentNode {
  const id15 = id.slice(0, 15);
  const pageSelector = SELECTORS.page.join(', ');
  let byTab: Element | null = null;
  for (const tab of queryEach(doc, SELECTORS.tab)) {
    const link = tab.matches('a[href]') ? tab : tab.querySelector('a[href]');
    if (!link?.getAttribute('href')?.includes(id15)) continue;
    const panelId = tab.getAttribute('aria-controls');
    const panel = panelId ? doc.getElementById(panelId) : null;
    // Subtabs sit inside their workspace's panel: keep the innermost.
    if (panel && (!byTab || byTab.contains(panel))) byTab = panel;
  }
  if (byTab) return byTab;

  const containers = queryEach(doc, SELECTORS.page);
  if (!containers.length) return doc;
  const active = containers.filter((el) => {
    if (!isActive(el)) return false;
    for (let up = el.parentElement?.closest(pageSelector); up; up = up.parentElement?.closest(pageSelector)) if (!isActive(up)) return false;
    return true;
  });
  const leaves = active.filter((el) => !active.some((other) => other !== el && el.contains(other)));
  if (leaves.length) return leaves.find((el) => mentions(el, id15)) ?? leaves[0]!;
  // No container says it is active (a changed build): only one that names the record.
  const naming = containers.filter((el) => mentions(el, id15));
  return naming.find((el) => !naming.some((other) => other !== el && el.contains(other))) ?? doc;
}


// ---------------------------------------------------------------------------
// Values, through shadow roots, without labels and assistive text.

/** Lines of text a field item or related record shows. */
export function shownLines(el: Element): string[] {
  return deepLines(el, NOT_VALUE_CLASSES);
}

export function isNone(text: string): boolean {
  return isEmptyValue(text) || PICKLIST_NONE.test(text);
}

export function controlValue(el: Element): string {
  const tag = el.tagName.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA') return (el as HTMLInputElement).value || el.getAttribute('value') || (tag === 'TEXTAREA' ? el.textContent ?? '' : '');
  if (tag === 'SELECT') {
    const select = el as HTMLSelectElement;
    return (select.selectedOptions?.[0] ?? select.querySelector('option[selected]'))?.textContent ?? '';
  }
  if (tag === 'BUTTON') return shownLines(el).join(' ') || el.getAttribute('data-value') || '';
  return '';
}

/** Lines of the value shown in a field item (view or edit mode); empty when it has none. */
function valueLines(find: DeepFinder, item: Element): string[] {
  const valueEl = find.first(SELECTORS.value, item) ?? item;
  const control = valueEl.matches('input, textarea, select, button') ? valueEl : null;
  const lines = control ? controlValue(control).split(/\r?\n/).map((line) => cleanText(line)).filter(Boolean) : shownLines(valueEl);
  return lines.length === 1 && isNone(lines[0]!) ? [] : lines;
}

// ---------------------------------------------------------------------------
// Facts.

export type Raw = Partial<Record<Fact, string[]>>;

/**
 * The record's field items by API name, found with one query per kind of
 * naming (four) rather than one per field and kind (up to 64 full passes over
 * the record, which on a 10,000-element page was most of a read). `item(api)`
 * is what `find.first(SELECTORS.field(api))` finds: the first kind that names
 * the field, light DOM before shadow roots, outside dialogs.
 */
class FieldIndex {
  private readonly light: Array<Map<string, Element[]>>;
  private deep: Array<Map<string, Element[]>> | undefined;

  constructor(private readonly find: DeepFinder) {
    this.light = this.index(false);
  }

  private index(deep: boolean): Array<Map<string, Element[]>> {
    return FIELD_NAMING.map((naming) => {
      const byName = new Map<string, Element[]>();
      for (const el of this.find.candidates(naming.carriers, deep)) {
        const name = el.getAttribute(naming.attribute);
        if (name === null) continue;
        const list = byName.get(name);
        if (list) list.push(el);
        else byName.set(name, [el]);
      }
      return byName;
    });
  }

  private pick(maps: Array<Map<string, Element[]>>, api: string): Element | null {
    for (const [kind, naming] of FIELD_NAMING.entries()) {
      const found = maps[kind]!.get(naming.name(api))?.find((el) => this.find.accepts(el));
      if (found) return found;
    }
    return null;
  }

  item(api: string): Element | null {
    const found = this.pick(this.light, api);
    if (found) return found;
    this.deep ??= this.index(true);
    return this.pick(this.deep, api);
  }
}

function byApiName(fields: FieldIndex, find: DeepFinder, fact: Fact): string[] | undefined {
  for (const api of API_NAMES[fact]) {
    const item = fields.item(api);
    if (!item) continue;
    const lines = valueLines(find, item);
    if (lines.length) return lines;
  }
  return undefined;
}

/** Highlights items and layout items whose label names a fact (the language fallback). */
function byLabel(find: DeepFinder, raw: Raw): void {
  const table = labels();
  const highlights = find.first(SELECTORS.highlights);
  const items = [...(highlights ? find.all(SELECTORS.highlightItem, highlights) : []), ...find.all(SELECTORS.labelled)];
  for (const item of items.slice(0, 300)) {
    const labelText =
      item.getAttribute('field-label') ??
      item.querySelector('p[title], .slds-text-title[title]')?.getAttribute('title') ??
      find.first(SELECTORS.label, item)?.textContent ??
      item.querySelector('p, span')?.textContent;
    const fact = table.get(labelKey(labelText));
    if (!fact || raw[fact]) continue;
    const valueHolder = item.querySelector('p.fieldComponent, .test-id__field-value') ?? item;
    const lines = valueLines(find, valueHolder);
    if (lines.length && !table.has(labelKey(lines[0]))) raw[fact] = lines;
  }
}

/** Edit mode address: its parts by `data-field` / input name (`country`, `city`, `street`). */
function addressParts(fields: FieldIndex, find: DeepFinder, raw: Raw): void {
  for (const api of API_NAMES.address) {
    const item = fields.item(api);
    if (!item) continue;
    const part = (name: string) => {
      const el = find.first([`[data-field="${name}"] input`, `[data-field="${name}"] textarea`, `input[name="${name}"]`, `textarea[name="${name}"]`], item);
      return el ? cleanText(controlValue(el)) : '';
    };
    if (!item.querySelector('input, textarea') && !find.first(['input', 'textarea'], item)) return;
    const country = part('country');
    const city = part('city');
    if (country && !raw.country) raw.country = [country];
    if (city && !raw.city) raw.city = [city];
    const street = find.first(['[data-field="street"] textarea', 'textarea[name="street"]'], item);
    const lines = street ? controlValue(street).split(/\r?\n/).map((l) => cleanText(l)).filter(Boolean) : [];
    raw.address = [...lines, ...(city ? [city] : []), ...(country ? [country] : [])];
    return;
  }
}

/** `Mountain View, CA 94043` (US), `61-131 Poznań` (PL), `80331 München` (DE, FR, IT, ES, RO). */
const CITY_LINE: RegExp[] = [
  /^(\p{L}[\p{L} .'-]*?),\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?$/u,
  /^\d{2}-\d{3}\s+(\p{L}[\p{L} .'-]*)$/u,
  /^(?:[A-Z]{1,2}-)?\d{4,6}\s+(\p{L}[\p{L} .'-]*)$/u,
];

function fromAddress(lines: string[]): { country?: string; city?: string } {
  const found: { country?: string; city?: string } = {};
  const last = lines[lines.length - 1];
  // The country is a line of its own; "…, CA 94043" must not read as Canada.
  if (last && lines.length > 1 && !/[,;\d]/.test(last)) found.country = countryCode(last);
  // Pattern by pattern, so a US street ("2200 Mission College Blvd") is not read as "80331 München";
  // the first of several lines is the street.
  for (const [index, pattern] of CITY_LINE.entries()) {
    for (const [at, line] of lines.entries()) {
      if (index > 0 && at === 0 && lines.length > 1) continue;
      const city = pattern.exec(line)?.[1]?.trim();
      if (city) return { ...found, city };
    }
  }
  return found;
}

function readRaw(find: DeepFinder): Raw {
  const raw: Raw = {};
  const fields = new FieldIndex(find);
  const title = find.first(SELECTORS.title);
  const name = title ? shownLines(title).join(' ') : '';
  if (name && !isNone(name)) raw.name = [name];
  for (const fact of Object.keys(API_NAMES) as Fact[]) {
    if (raw[fact] || fact === 'address') continue;
    const lines = byApiName(fields, find, fact);
    if (lines) raw[fact] = lines;
  }
  addressParts(fields, find, raw);
  if (!raw.address) {
    const lines = byApiName(fields, find, 'address');
    if (lines) raw.address = lines;
  }
  byLabel(find, raw);
  return raw;
}

function readCompany(raw: Raw): PageSnapshotInput['company'] {
  const company: PageSnapshotInput['company'] = {};
  const one = (fact: Fact) => (raw[fact]?.length ? raw[fact]!.join(' ') : undefined);
  const name = one('name');
  if (name) company.name = name;
  const domain = domainFromUrl(raw.website?.[0]);
  if (domain) company.domain = domain;
  const industry = one('industry');
  if (industry) company.industry = industry;
  const employees = parseCount(one('employees'));
  if (employees !== undefined) company.employees = employees;
  const revenue = parseMoney(one('revenue'));
  if (revenue) company.annualRevenue = revenue;
  const address = raw.address ? fromAddress(raw.address) : {};
  const country = one('country');
  const countryResolved = country ? (countryCode(country) ?? country) : address.country;
  if (countryResolved) company.country = countryResolved;
  const city = one('city') ?? address.city;
  if (city) company.city = city;
  const type = one('type');
  if (type) company.type = type;
  const owner = one('owner');
  if (owner) company.owner = owner;
  return company;
}

export interface AccountRead {
  company: PageSnapshotInput['company'];
  raw: Raw;
  /** Finds elements in the record's part of the page. */
  find: DeepFinder;
}

/** The Account `id` as the page shows it. */
export function readAccount(doc: Document, id: string): AccountRead {
  const find = new DeepFinder(recordScope(doc, id), SELECTORS.modal);
  const raw = readRaw(find);
  return { company: readCompany(raw), raw, find };
}
