/**
 * Pipedrive organizations.
 *
 *   https://<company>.pipedrive.com/organization/1042              organization detail view
 *   https://<company>.pipedrive.com/organization/1042/activities   a tab of it (same record)
 *   https://app.pipedrive.com/organization/1042                     before the company subdomain redirect
 *
 * Persons (/person/<id>), deals (/deal/<id>), leads (/leads/inbox/<uuid>) and
 * lists (/organizations/list, /pipeline) are on the site but not company pages.
 *
 * The details sidebar is a VIRTUALISED list: only the rows in view (plus a few)
 * exist in the DOM, so a read takes what is rendered and `describeMissing`
 * names the rest; the content script reads again as rows render (it observes
 * `observeRoot`, the sidebar, which Pipedrive keeps when moving between
 * records). Rows are keyed by the field key Pipedrive's API uses (`address`,
 * `industry`, a 40-hex hash for custom fields); a custom field is recognised by
 * its visible label, in the UI languages Pipedrive ships.
 *
 * Pipedrive's class names are generated per build (`cui5-…`, `sc-…`), so only
 * `data-testid` attributes, field keys and links are used. Written from public
 * knowledge of the DOM; no capture of a real account is stored.
 */
import type { PageSnapshotInput } from '../snapshot';
import { all, blockText, first, isEmptyValue, valueText } from './dom';
import { LABEL_SCAN, cleanText, countryCode, domainFromUrl, parseCount, parseMoney, trimEndChars, type MoneyValue } from './normalise';
import { readPeople, tallyDeals } from './facts';
import { describeRecord, type MissingKind } from './missing';
import type { SiteAdapter } from './types';

/** Sub-domains of pipedrive.com that are not a company's app. */
const NOT_APP = new Set(['www', 'developers', 'support', 'marketplace', 'api', 'oauth', 'status', 'community', 'learn', 'academy', 'careers', 'blog', 'info']);
const RECORD_PATH = /^\/(organization|person|deal)\/(\d+)(?:\/|$)/;
const LEAD_PATH = /^\/leads\/(?:inbox|archived)\/([0-9a-f-]{8,})(?:\/|$)/i;
/** Custom fields are keyed by a 40-hex hash. */
const CUSTOM_KEY = /^[0-9a-f]{40}$/;

export const SELECTORS = {
  detailView: [
    // Detail view (2023+ layout): header, sidebar and the activity column.
    '[data-testid="detail-view"]',
    // Older builds named the wrapper after the record type.
    '[data-testid="organization-detail-view"]',
  ],
  sidebar: [
    // Left sidebar: Summary, Details, People, Deals; kept when moving between records.
    '[data-testid="detail-view-sidebar"]',
    // Builds that call it "sidebar" only.
    '[data-testid="sidebar"]',
  ],
  title: [
    // The organization name in the header (an inline editor when clicked).
    '[data-testid="header-title"]',
    '[data-testid="detail-view-header"] h1',
    '[data-testid="detail-view"] h1',
  ],
  headerOwner: [
    // Owner chip at the top right of the header.
    '[data-testid="header-owner"] [data-testid="owner-name"]',
    '[data-testid="header-owner"]',
  ],
  headerLabel: [
    // Organization label ("Customer", "Hot lead") next to the name.
    '[data-testid="header-labels"] [data-testid="label"]',
    '[data-testid="header-label"]',
  ],
  fieldRow: [
    // One rendered row of the details list.
    '[data-testid="field-row"][data-field-key]',
    // Rows of sidebar sections other than Details (Summary) keep the key too.
    '[data-field-key]',
  ],
  fieldLabel: ['[data-testid="field-label"]', 'label'],
  fieldValue: [
    // Read mode.
    '[data-testid="field-value"]',
    // Rows without a field key: the value beside the label.
    '[class*="fieldValue"]',
    '[class*="field-value"]',
    '[class*="__value"]',
    // Edit mode: the input that replaced the value.
    'input, select, textarea',
  ],
  dealsSection: [
    // Sidebar "Deals" section: summary counters and the list of deals.
    '[data-testid="sidebar-section-deals"]',
    '[data-testid="deals-section"]',
  ],
  dealsSummary: {
    open: ['[data-testid="deals-summary-open"]', '[data-status="open"][data-testid^="deals-summary"]'],
    won: ['[data-testid="deals-summary-won"]', '[data-status="won"][data-testid^="deals-summary"]'],
  },
  summaryCount: ['[data-testid="deals-count"]'],
  summaryValue: ['[data-testid="deals-value"]'],
  dealItem: [
    // One deal of the list, its status as an attribute (open, won, lost).
    '[data-testid="deal-item"][data-status]',
    '[data-testid="deal-item"]',
  ],
  dealValue: ['[data-testid="deal-value"]'],
  peopleSection: [
    // Sidebar "People" section: persons linked to the organization.
    '[data-testid="sidebar-section-persons"]',
    '[data-testid="sidebar-section-people"]',
  ],
  personItem: ['[data-testid="person-item"]', 'li'],
  personName: ['[data-testid="person-name"]', 'a[href*="/person/"]'],
  personTitle: ['[data-testid="person-job-title"]'],
  /** Notes in the History feed: what the rep wrote down about the buyer. */
  note: ['[data-testid="flow-item-note"] [data-testid="note-content"]', '[data-testid="note-content"]'],
} as const;

type Fact = 'website' | 'address' | 'country' | 'city' | 'industry' | 'employees' | 'revenue' | 'owner' | 'type';

/** Field keys of Pipedrive's built-in organization fields, and labels (lower-cased) for custom ones. */
const FIELDS: Record<Fact, { keys: string[]; label?: RegExp }> = {
  website: { keys: ['website', 'web', 'web_site', 'domain'], label: /^(?:website|web ?site|web|www|domain|strona(?: www| internetowa)?|sito(?: web)?|site(?: web| internet)?|webseite|sitio web|сайт|веб-сайт|domeniu)$/ },
  address: { keys: ['address'], label: /^(?:address|adres|indirizzo|adresse|dirección|direccion|адрес|adresă|adresa)$/ },
  country: { keys: ['address_country', 'country'], label: /^(?:country|kraj|paese|nazione|land|pays|país|pais|страна|țară|tara)$/ },
  city: { keys: ['address_locality', 'city'], label: /^(?:city|miasto|città|citta|stadt|ort|ville|ciudad|город|oraș|oras)$/ },
  industry: { keys: ['industry'], label: /^(?:industry|branża|branza|settore|branche|secteur|industria|sector|отрасль|индустрия|industrie|domeniu de activitate)$/ },
  employees: {
    // Not `people_count`: that is the number of persons linked in Pipedrive, not the head count.
    keys: ['employee_count', 'employees', 'number_of_employees'],
    label: /employees|head ?count|staff|pracownik|zatrudnien|dipendenti|mitarbeiter|employés|employes|empleados|сотрудник|численность|angaja/,
  },
  revenue: { keys: ['annual_revenue', 'revenue'], label: /revenue|turnover|przychód|przychod|obrót|obrot|fatturato|umsatz|chiffre d'affaires|ingresos|facturación|выручка|доход|cifra de afaceri/ },
  owner: { keys: ['owner_id', 'owner'], label: /^(?:owner|właściciel|wlasciciel|proprietario|inhaber|besitzer|propriétaire|propietario|владелец|ответственный|proprietar)$/ },
  type: { keys: ['label', 'label_ids'], label: /^(?:labels?|etykiet[ay]|etichett[ae]|kennzeichnung(?:en)?|étiquettes?|etiquetas?|метк[аи]|etichet[ăe])$/ },
};


/** Deal status words for lists without a status attribute. */
const WON = /\bwon\b|wygran|vint|gewonnen|gagn|ganad|выигр|câștigat|castigat/i;
const LOST = /\blost\b|przegran|pers[oa]|verloren|perdu|perdid|проигр|pierdut/i;

interface Place {
  type: 'organization' | 'person' | 'deal' | 'lead';
  id: string;
}

function isApp(url: URL): boolean {
  const host = url.hostname;
  if (!host.endsWith('.pipedrive.com')) return false;
  const sub = host.slice(0, -'.pipedrive.com'.length);
  return /^[a-z0-9-]+$/.test(sub) && !NOT_APP.has(sub);
}

// Paths only: `matches` decides the host.
function place(url: URL): Place | undefined {
  const record = RECORD_PATH.exec(url.pathname);
  if (record?.[1] && record[2]) return { type: record[1] as Place['type'], id: record[2] };
  const lead = LEAD_PATH.exec(url.pathname);
  return lead?.[1] ? { type: 'lead', id: lead[1] } : undefined;
}

interface Row {
  key: string;
  label: string;
  el: Element;
}

function labelKey(text: string): string {
  return trimEndChars(cleanText(text.slice(0, LABEL_SCAN)).toLowerCase(), /[:*]/).trim();
}

/** The rendered rows of the sidebar, read once per call. */
function readRows(root: ParentNode): Row[] {
  const keyed = all(root, SELECTORS.fieldRow).map((el) => ({
    key: el.getAttribute('data-field-key') ?? '',
    label: labelKey(valueText(first(el, SELECTORS.fieldLabel))),
    el,
  }));
  if (keyed.length) return keyed;
  // Layouts whose rows carry no field key (the organisation's details sidebar in some builds):
  // a label element and the value beside it, matched by the label in the UI's language.
  let labels: Element[];
  try {
    labels = Array.from(root.querySelectorAll(LOOSE_LABEL));
  } catch {
    return [];
  }
  return labels
    .slice(0, 200)
    .flatMap((label) => {
      const value = label.nextElementSibling;
      const row = label.parentElement;
      return value && row ? [{ key: '', label: labelKey(valueText(label)), el: row }] : [];
    });
}

/** A field's label where rows have no key: Pipedrive's test id, or a class naming a label. */
const LOOSE_LABEL = '[data-testid="field-label"], [class*="fieldLabel"], [class*="field-label"], [class*="__label"]';

function rowValue(row: Row): string | undefined {
  const el = first(row.el, SELECTORS.fieldValue);
  const text = valueText(el);
  return isEmptyValue(text) ? undefined : text;
}

/** A fact's row: a built-in key first, then a custom (or unknown) field whose label says what it is. */
function findRow(rows: Row[], fact: Fact): Row | undefined {
  const { keys, label } = FIELDS[fact];
  for (const key of keys) {
    const row = rows.find((r) => r.key === key);
    if (row) return row;
  }
  if (!label) return undefined;
  const known = new Set(Object.values(FIELDS).flatMap((f) => f.keys));
  return rows.find((r) => (CUSTOM_KEY.test(r.key) || !known.has(r.key)) && r.label && label.test(r.label));
}

function fact(rows: Row[], name: Fact): string | undefined {
  const row = findRow(rows, name);
  return row ? rowValue(row) : undefined;
}

/** The website field's link, or its text. */
function website(rows: Row[]): string | undefined {
  const row = findRow(rows, 'website');
  if (!row) return undefined;
  const link = row.el.querySelector('a[href^="http"]');
  return domainFromUrl(link?.getAttribute('href')) ?? domainFromUrl(rowValue(row));
}

/** City from a formatted address "ul. Fabryczna 12, 61-001 Poznań, Polska": the part before the country, without the postcode. */
function cityFromAddress(address: string): string | undefined {
  const parts = address.split(',').map(cleanText).filter(Boolean);
  if (parts.length < 2) return undefined;
  const hasCountry = countryCode(parts[parts.length - 1]) !== undefined && parts.length >= 3;
  const candidates = parts.slice(1, hasCountry ? -1 : undefined).reverse();
  for (const part of candidates) {
    const words = part.split(' ').filter((word) => !/\d/.test(word));
    const city = words.join(' ');
    // A state code ("IL 60601") is not a city: try the part before it.
    if (city.length > 2 && /\p{L}/u.test(city)) return city;
  }
  return undefined;
}

function readCompany(root: ParentNode, rows: Row[]): PageSnapshotInput['company'] {
  const company: PageSnapshotInput['company'] = {};
  // The header, else the "name" row some layouts show in the sidebar.
  const nameRow = rows.find((r) => r.key === 'name');
  const name = cleanText(valueText(first(root, SELECTORS.title))) || (nameRow ? rowValue(nameRow) : undefined);
  if (name) company.name = name;
  const domain = website(rows);
  if (domain) company.domain = domain;
  const industry = fact(rows, 'industry');
  if (industry) company.industry = industry;
  const employees = parseCount(fact(rows, 'employees'));
  if (employees !== undefined) company.employees = employees;
  const revenue = parseMoney(fact(rows, 'revenue'));
  if (revenue) company.annualRevenue = revenue;
  const address = fact(rows, 'address');
  const country = fact(rows, 'country') ?? (address ? countryCode(address) : undefined);
  if (country) company.country = countryCode(country) ?? country;
  const city = fact(rows, 'city') ?? (address ? cityFromAddress(address) : undefined);
  if (city) company.city = city;
  const type = fact(rows, 'type') ?? (cleanText(valueText(first(root, SELECTORS.headerLabel))) || undefined);
  if (type) company.type = type;
  const owner = fact(rows, 'owner') ?? (cleanText(valueText(first(root, SELECTORS.headerOwner))) || undefined);
  if (owner && !isEmptyValue(owner)) company.owner = owner;
  return company;
}

/** One summary counter: "2 open deals · €48,500". */
function counter(el: Element): { count?: number; amount?: MoneyValue } {
  const countEl = first(el, SELECTORS.summaryCount);
  const valueEl = first(el, SELECTORS.summaryValue);
  const result: { count?: number; amount?: MoneyValue } = {};
  const count = parseCount(countEl ? valueText(countEl) : valueText(el));
  if (count !== undefined) result.count = count;
  const amount = valueEl ? parseMoney(valueText(valueEl)) : undefined;
  if (amount) result.amount = amount;
  return result;
}

function readDeals(root: ParentNode): PageSnapshotInput['deals'] {
  const section = first(root, SELECTORS.dealsSection);
  if (!section) return undefined;
  const deals: NonNullable<PageSnapshotInput['deals']> = {};
  const open = first(section, SELECTORS.dealsSummary.open);
  const won = first(section, SELECTORS.dealsSummary.won);
  if (open || won) {
    const o = open ? counter(open) : {};
    const w = won ? counter(won) : {};
    if (o.count !== undefined) deals.openCount = o.count;
    if (o.amount) deals.openAmount = o.amount;
    if (w.count !== undefined) deals.wonCount = w.count;
    if (w.amount) deals.wonAmount = w.amount;
    return deals;
  }
  // No summary: count the listed deals.
  return tallyDeals(
    all(section, SELECTORS.dealItem).map((item) => {
      const status = item.getAttribute('data-status') ?? valueText(item);
      const amount = parseMoney(valueText(first(item, SELECTORS.dealValue)));
      const won = status === 'won' || (status !== 'open' && status !== 'lost' && WON.test(status));
      return { state: won ? 'won' : status === 'open' || !LOST.test(status) ? 'open' : 'lost', amount };
    }),
  );
}

const PEOPLE = { list: SELECTORS.peopleSection, item: SELECTORS.personItem, name: SELECTORS.personName, title: SELECTORS.personTitle };

function readNotes(root: ParentNode): string | undefined {
  const text = all(root, [SELECTORS.note.join(', ')])
    .map((note) => blockText(note))
    .filter(Boolean)
    .join('\n\n');
  return text || undefined;
}

interface OrgRead {
  root: ParentNode;
  rows: Row[];
  company: PageSnapshotInput['company'];
}

function readRecord(doc: Document): OrgRead {
  const root = first(doc, SELECTORS.detailView) ?? doc;
  const rows = readRows(first(root, SELECTORS.sidebar) ?? root);
  return { root, rows, company: readCompany(root, rows) };
}

/** The kind of page the URL shows when it is not an organization; undefined on one. */
function pageKind(url: URL): Exclude<MissingKind, 'record'> | undefined {
  const where = place(url);
  if (where?.type === 'organization') return undefined;
  if (where?.type === 'person') return 'contact';
  if (where?.type === 'deal') return 'deal';
  if (where?.type === 'lead') return 'lead';
  return 'other';
}

export const pipedrive: SiteAdapter = {
  id: 'pipedrive',
  label: 'Pipedrive',
  hosts: ['https://*.pipedrive.com/*'],
  matches: isApp,
  read(doc, url) {
    try {
      const where = place(url);
      if (where?.type !== 'organization') return null;
      const { root, company } = readRecord(doc);
      if (!company.name && !company.domain) return null;
      const snapshot: PageSnapshotInput = {
        site: 'pipedrive',
        kind: 'company',
        url: url.href,
        recordId: where.id,
        company,
        people: readPeople(root, PEOPLE),
      };
      const deals = readDeals(root);
      if (deals && Object.keys(deals).length) snapshot.deals = deals;
      const text = readNotes(root);
      if (text) snapshot.text = text;
      return snapshot;
    } catch {
      return null;
    }
  },
  // Rows of a virtualised list that are not rendered yet are reported too: the next read may find them.
  describeMissing: describeRecord(pageKind, readRecord),
  observeRoot: (doc) => first(doc, SELECTORS.sidebar) ?? first(doc, SELECTORS.detailView),
  examples: {
    company: [
      'https://fleetwise.pipedrive.com/organization/1042',
      'https://fleetwise.pipedrive.com/organization/1042/activities',
      'https://acme-sales.pipedrive.com/organization/77?tab=notes',
      'https://app.pipedrive.com/organization/5',
    ],
    other: [
      'https://fleetwise.pipedrive.com/person/5531',
      'https://fleetwise.pipedrive.com/deal/881',
      'https://fleetwise.pipedrive.com/leads/inbox/1c2b3a40-5d6e-11ef-9a1b-0f6c1e2d3a4b',
      'https://fleetwise.pipedrive.com/organizations/list/user/everyone',
      'https://fleetwise.pipedrive.com/pipeline/1/user/everyone',
    ],
  },
};
