/**
 * Microsoft Dynamics 365 Sales (model-driven apps, Unified Interface) account forms.
 *
 *   https://<org>.crm.dynamics.com/main.aspx?appid=<guid>&pagetype=entityrecord&etn=account&id=<guid>
 *   https://<org>.crm4.dynamics.com/main.aspx?etn=account&pagetype=entityrecord&id=%7B<GUID>%7D&forceUCI=1
 *   https://<org>.crm.dynamics.com/main.aspx?etc=1&pagetype=entityrecord&id=<guid>    older links: type code 1 is account
 *
 * Query parameters come in any order; the id may be braced and upper case.
 * Every table lives behind the same main.aspx: `etn` says which (contact,
 * opportunity, lead ...), `pagetype` whether it is a form (entityrecord), a view
 * (entitylist) or a dashboard. Only account forms are read.
 *
 * Hosts: `<org>.crm<N>.dynamics.com`, N per data centre region. The patterns
 * are listed region by region rather than as `https://*.dynamics.com/*`, which
 * would also inject into Business Central, Finance & Operations and the
 * marketing pages. `matches` accepts any `crm<N>` so a region added later works
 * once the user grants its host. Sovereign clouds (crm.microsoftdynamics.us,
 * crm.dynamics.cn) are not listed.
 *
 * Unified Interface class names are generated; these selectors use only the
 * `data-id` attributes Microsoft keeps for its own UI tests (EasyRepro and
 * Playwright suites rely on them): `<logical name>.fieldControl-<control>`.
 * Written from public knowledge of the DOM (no public capture of a live form
 * exists; see ../../test/fixtures/pages/dynamics/).
 */
import type { PageSnapshotInput } from '../snapshot';
import { blockText, first, isEmptyValue, valueText } from './dom';
import {
  cleanText,
  countryCode,
  crmFieldForLabel,
  currencyOf,
  domainFromEmail,
  domainFromUrl,
  emailIn,
  isFreeMailDomain,
  parseCount,
  parseMoney,
  type CrmField,
} from './normalise';
import { describeRecord, type MissingKind } from './missing';
import type { SiteAdapter } from './types';

const HOST = /^[a-z0-9-]+\.crm\d{0,2}\.dynamics\.com$/;
/** Data centre regions: crm (NAM), 2 SAM, 3 CAN, 4 EMEA, 5 APAC, 6 OCE, 7 JPN, 8 IND, 9 GCC, 11 GBR, 12 FRA, 14 ZAF, 15 UAE, 16 DEU, 17 CHE, 19 NOR, 20 KOR, 21 SWE. */
const REGIONS = ['', '2', '3', '4', '5', '6', '7', '8', '9', '11', '12', '14', '15', '16', '17', '19', '20', '21'];
/** Legacy object type codes of older links (`etc=`). */
const TYPE_CODES: Record<string, string> = { '1': 'account', '2': 'contact', '3': 'opportunity', '4': 'lead' };
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
const ACCOUNT = 'account';
/** The save state the form header appends to the record name, in the UI languages read. */
const SAVE_STATE =
  /\s+[-–]\s+(?:saved|unsaved|read[- ]only|zapisano|niezapisane|nie zapisano|tylko do odczytu|сохранено|не сохранено|только для чтения|salvat|nesalvat|salvato|non salvato|gespeichert|nicht gespeichert|schreibgeschützt|enregistré|non enregistré|lecture seule|guardado|sin guardar|no guardado|solo lectura|保存済み|未保存|読み取り専用)$/iu;
const CONTROL_ID = /^(header_)?([a-z][a-z0-9_]*)\.fieldControl-(.*)$/;

/**
 * Which of a column's controls holds its value, best first (the id's part
 * after `.fieldControl-`, seen on Unified Interface forms).
 */
const CONTROL_RANK: RegExp[] = [
  // Lookup (owner, primary contact, currency): the selected record's name.
  /^LookupResultsDropdown_.*_selected_tag_text$/,
  // Text, URL, e-mail, whole number, currency inputs and the option set select.
  /^(?:text-box-text|url-text-input|mail-text-input|phone-text-input|whole-number-text-input|decimal-number-text-input|currency-text-input|option-set-select)$/,
  // Anything else (a read-only rendering, a custom control): its text.
  /./,
];

export const SELECTORS = {
  title: [
    // Form header (record name) in the Unified Interface; the title attribute holds only the name.
    'h1[data-id="header_title"]',
    // Same test id on a non-heading element (older UCI builds, multi-session tabs).
    '[data-id="header_title"]',
  ],
  /**
   * Every column's value control, found in one query: `data-id` is
   * `<logical name>.fieldControl-<control>`, with a `header_` prefix in the
   * header strip (the default Account form puts revenue, employees and owner
   * there). Read-only fields keep the id on an element that renders text.
   */
  fieldControls: ['[data-id*=".fieldControl-"]'],
  /** One labelled field of the form: the fallback when a column has another logical name. */
  fieldContainer: [
    // Body fields.
    '[data-id$="-FieldSectionItemContainer"]',
  ],
  fieldLabel: ['label', '[id$="-field-label"]'],
  fieldControl: ['[data-id*="_selected_tag_text"]', 'input', 'select', 'textarea', '[data-id*=".fieldControl-"]'],
  /** The "Contacts" subgrid of the account form. */
  contactsGrid: [
    // Read-only grid (Power Apps grid control) and the editable grid share this root.
    '[data-id="dataSetRoot_Contacts"]',
    // Forms where the subgrid is named after the relationship.
    '[data-id="dataSetRoot_contact_customer_accounts"]',
  ],
  gridRow: ['[role="row"][row-index]', '[role="row"]'],
  gridCell: (column: string) => [`[col-id="${column}"]`, `[data-id="cell-${column}"]`],
  /** Holds the form and survives navigation between records (the app shell keeps it). */
  root: ['#mainContent', '[data-id="mainContent"]', '[id^="mainContent"]'],
} as const;

/** Logical names of the account columns read. */
const COLUMNS = {
  name: 'name',
  website: 'websiteurl',
  email: 'emailaddress1',
  industry: 'industrycode',
  employees: 'numberofemployees',
  revenue: 'revenue',
  currency: 'transactioncurrencyid',
  country: 'address1_country',
  city: 'address1_city',
  address: 'address1_composite',
  type: 'customertypecode',
  owner: 'ownerid',
  primaryContact: 'primarycontactid',
  description: 'description',
} as const;

/** The currency lookup's record name ("US Dollar", "Euro", "Złoty polski") when the amount has no symbol. */
const CURRENCY_NAMES: Array<[RegExp, string]> = [
  [/us\s*-?\s*dollar|dollar\s+(?:us|américain|americano)|dólar\s+estadounidense|dolar\s+amerykański|доллар\s+сша|dolar\s+american|米ドル/i, 'USD'],
  [/pound|sterling|funt|фунт|sterlina|pfund|livre|libra/i, 'GBP'],
  [/canadian\s+dollar|dollar\s+canadien|kanadischer/i, 'CAD'],
  [/australian\s+dollar/i, 'AUD'],
  [/swiss\s+franc|franc\s+suisse|franken/i, 'CHF'],
  [/zlot|złot|злот/i, 'PLN'],
];

interface Place {
  etn: string;
  pagetype: string;
  id?: string;
}

// Paths only: `matches` decides the host, so an on-premises server (a host the user assigned) reads too.
function place(url: URL): Place | undefined {
  if (!/^\/main\.aspx$/i.test(url.pathname)) return undefined;
  const params = new Map<string, string>();
  url.searchParams.forEach((value, key) => params.set(key.toLowerCase(), value));
  const etn = (params.get('etn') ?? TYPE_CODES[params.get('etc') ?? ''] ?? '').toLowerCase();
  const pagetype = (params.get('pagetype') ?? '').toLowerCase();
  const id = GUID.exec(params.get('id') ?? '')?.[1]?.toLowerCase();
  return id ? { etn, pagetype, id } : { etn, pagetype };
}

function isAccountForm(where: Place | undefined): where is Place & { id: string } {
  return !!where && where.etn === ACCOUNT && where.pagetype === 'entityrecord' && !!where.id;
}

/** What a control shows: an input's value, a select's option, an option button's title, else its text. */
function controlText(el: Element | null): string {
  if (!el) return '';
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return valueText(el);
  // Option sets in the 2023 "new look" render as a combobox button whose text is the choice.
  if (tag === 'BUTTON') return cleanText(el.getAttribute('title') || el.textContent);
  return valueText(el) || cleanText(el.getAttribute('title'));
}

/** Each column's controls, best first. */
type Controls = Map<string, Element[]>;

/** Every column's controls, from one query over the form (never one scan per field). */
function controls(doc: Document): Controls {
  const ranked = new Map<string, Array<{ el: Element; rank: number }>>();
  const root = first(doc, SELECTORS.root) ?? doc;
  const found = root.querySelectorAll(SELECTORS.fieldControls.join(', '));
  for (let i = 0; i < found.length && i < 5000; i++) {
    const el = found[i]!;
    const m = CONTROL_ID.exec(el.getAttribute('data-id') ?? '');
    if (!m?.[2]) continue;
    // Body controls before the header's copy of the same column.
    const rank = CONTROL_RANK.findIndex((pattern) => pattern.test(m[3] ?? '')) + (m[1] ? CONTROL_RANK.length : 0);
    const list = ranked.get(m[2]) ?? [];
    list.push({ el, rank });
    ranked.set(m[2], list);
  }
  return new Map(Array.from(ranked, ([name, list]) => [name, list.sort((a, b) => a.rank - b.rank).map(({ el }) => el)]));
}

/** A column's value: the first of its controls that shows one (an empty lookup box in the body yields to the header's tag). */
function column(found: Controls, name: string): string | undefined {
  for (const el of found.get(name) ?? []) {
    // A wrapper carrying the id (read-only layout) may hold the real control.
    const control = el.matches('input, select, textarea, button') ? el : (el.querySelector('input, select, textarea') ?? el);
    const text = controlText(control);
    if (!isEmptyValue(text)) return text;
  }
  return undefined;
}

/** Fields found by their visible label, once per read (only the form's field containers are visited). */
function byLabel(doc: Document): Partial<Record<CrmField, string>> {
  const found: Partial<Record<CrmField, string>> = {};
  const root = first(doc, SELECTORS.root) ?? doc;
  const containers = root.querySelectorAll(SELECTORS.fieldContainer.join(', '));
  for (let i = 0; i < containers.length && i < 400; i++) {
    const container = containers[i]!;
    const field = crmFieldForLabel(first(container, SELECTORS.fieldLabel)?.textContent);
    if (!field || found[field]) continue;
    const text = controlText(first(container, SELECTORS.fieldControl));
    if (!isEmptyValue(text) && !crmFieldForLabel(text)) found[field] = text;
  }
  return found;
}

function headerTitle(doc: Document): string | undefined {
  const el = first(doc, SELECTORS.title);
  if (!el) return undefined;
  const title = cleanText(el.getAttribute('title'));
  // The text may end with the save state (" - Saved", " - Zapisano").
  const text = title || valueText(el).replace(SAVE_STATE, '');
  return text && !isEmptyValue(text) ? text : undefined;
}

function revenueOf(found: Controls, raw: string | undefined): PageSnapshotInput['company']['annualRevenue'] {
  const money = parseMoney(raw);
  if (!money || money.currency) return money;
  const currencyName = column(found, COLUMNS.currency);
  if (!currencyName) return money;
  const code = currencyOf(currencyName) ?? CURRENCY_NAMES.find(([pattern]) => pattern.test(currencyName))?.[1];
  return code ? { ...money, currency: code } : money;
}

/** Country from the composite address ("1 Main St\nChicago, IL 60601\nUnited States"): its last line. */
function countryFromAddress(found: Controls): string | undefined {
  const el = found.get(COLUMNS.address)?.[0];
  if (!el) return undefined;
  const raw = el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' ? (el as HTMLTextAreaElement).value || el.textContent || '' : blockText(el);
  const lines = raw.split('\n').map((line) => cleanText(line)).filter(Boolean);
  const last = lines[lines.length - 1];
  return last ? countryCode(last) : undefined;
}

function readCompany(doc: Document, found: Controls): PageSnapshotInput['company'] {
  const company: PageSnapshotInput['company'] = {};
  let labelled: Partial<Record<CrmField, string>> | undefined;
  const fallback = (field: CrmField) => (labelled ??= byLabel(doc))[field];

  const name = headerTitle(doc) ?? column(found, COLUMNS.name) ?? fallback('name');
  if (name) company.name = name;
  const email = column(found, COLUMNS.email);
  const emailDomain = domainFromEmail(emailIn(email));
  const domain =
    domainFromUrl(column(found, COLUMNS.website)) ?? domainFromUrl(fallback('website')) ?? (emailDomain && !isFreeMailDomain(emailDomain) ? emailDomain : undefined);
  if (domain) company.domain = domain;
  const industry = column(found, COLUMNS.industry) ?? fallback('industry');
  if (industry) company.industry = industry;
  const employees = parseCount(column(found, COLUMNS.employees) ?? fallback('employees'));
  if (employees !== undefined) company.employees = employees;
  const revenue = revenueOf(found, column(found, COLUMNS.revenue) ?? fallback('revenue'));
  if (revenue) company.annualRevenue = revenue;
  const country = column(found, COLUMNS.country) ?? fallback('country');
  const code = country ? (countryCode(country) ?? country) : countryFromAddress(found);
  if (code) company.country = code;
  const city = column(found, COLUMNS.city) ?? fallback('city');
  if (city) company.city = city;
  const type = column(found, COLUMNS.type) ?? fallback('type');
  if (type) company.type = type;
  const owner = column(found, COLUMNS.owner) ?? fallback('owner');
  if (owner) company.owner = owner;
  return company;
}

function readPeople(doc: Document, found: Controls): NonNullable<PageSnapshotInput['people']> {
  const people: NonNullable<PageSnapshotInput['people']> = [];
  const seen = new Set<string>();
  const add = (person: { name?: string; email?: string; title?: string }) => {
    const keys = [person.email, person.name].filter((k): k is string => !!k).map((k) => k.toLowerCase());
    if (!keys.length || keys.some((k) => seen.has(k))) return;
    for (const k of keys) seen.add(k);
    people.push(person);
  };
  const grid = first(doc, SELECTORS.contactsGrid);
  if (grid) {
    const rows = grid.querySelectorAll(SELECTORS.gridRow[0]).length ? grid.querySelectorAll(SELECTORS.gridRow[0]) : grid.querySelectorAll(SELECTORS.gridRow[1]);
    for (let i = 0; i < rows.length && people.length < 50; i++) {
      const row = rows[i]!;
      const name = valueText(first(row, SELECTORS.gridCell('fullname')));
      const email = emailIn(valueText(first(row, SELECTORS.gridCell('emailaddress1'))));
      const title = valueText(first(row, SELECTORS.gridCell('jobtitle')));
      const person: { name?: string; email?: string; title?: string } = {};
      if (name && !isEmptyValue(name)) person.name = name;
      if (email) person.email = email;
      if (title && !isEmptyValue(title)) person.title = title;
      if (person.name || person.email) add(person);
    }
  }
  const primary = column(found, COLUMNS.primaryContact);
  if (primary) add({ name: primary });
  return people;
}

function readNotes(found: Controls): string | undefined {
  const text = column(found, COLUMNS.description);
  return text || undefined;
}

/** The kind of page the URL shows when it is not an account form; undefined on one. */
function pageKind(url: URL): Exclude<MissingKind, 'record'> | undefined {
  const where = place(url);
  if (isAccountForm(where)) return undefined;
  if (where?.pagetype === 'entityrecord') {
    if (where.etn === ACCOUNT) return 'new-record';
    if (where.etn === 'contact') return 'contact';
    if (where.etn === 'opportunity') return 'deal';
    if (where.etn === 'lead') return 'lead';
  }
  if (where?.pagetype === 'entitylist' && where.etn === ACCOUNT) return 'list';
  return 'other';
}


export const dynamics: SiteAdapter = {
  id: 'dynamics',
  label: 'Dynamics 365',
  hosts: REGIONS.map((n) => `https://*.crm${n}.dynamics.com/*`),
  matches: (url) => HOST.test(url.hostname),
  read(doc, url) {
    try {
      const where = place(url);
      if (!isAccountForm(where)) return null;
      const found = controls(doc);
      const company = readCompany(doc, found);
      if (!company.name && !company.domain) return null;
      const snapshot: PageSnapshotInput = {
        site: 'dynamics',
        kind: 'company',
        url: url.href,
        recordId: where.id,
        company,
        people: readPeople(doc, found),
      };
      const text = readNotes(found);
      if (text) snapshot.text = text;
      return snapshot;
    } catch {
      return null;
    }
  },
  describeMissing: describeRecord(pageKind, (doc) => ({ company: readCompany(doc, controls(doc)) })),
  observeRoot: (doc) => first(doc, SELECTORS.root),
  examples: {
    company: [
      'https://contoso.crm.dynamics.com/main.aspx?appid=5a1b7e1c-2f3d-4e5f-8a9b-0c1d2e3f4a5b&pagetype=entityrecord&etn=account&id=8a4f1c2e-93b5-4d7a-b1e0-6c2f9d8e7a31',
      'https://contoso.crm4.dynamics.com/main.aspx?etn=account&id=%7B8A4F1C2E-93B5-4D7A-B1E0-6C2F9D8E7A31%7D&pagetype=entityrecord&forceUCI=1',
      'https://fabrikam-sales.crm11.dynamics.com/main.aspx?forceUCI=1&pagetype=entityrecord&etn=account&id=0f3e2d1c-4b5a-4697-8a8b-7c6d5e4f3a21&appid=1b2c3d4e-5f60-4718-9a0b-c1d2e3f4a5b6',
      'https://contoso.crm.dynamics.com/main.aspx?etc=1&id=%7b8a4f1c2e-93b5-4d7a-b1e0-6c2f9d8e7a31%7d&pagetype=entityrecord',
    ],
    other: [
      'https://contoso.crm.dynamics.com/main.aspx?appid=5a1b7e1c-2f3d-4e5f-8a9b-0c1d2e3f4a5b&pagetype=entityrecord&etn=contact&id=1d2c3b4a-5e6f-4789-9abc-def012345678',
      'https://contoso.crm.dynamics.com/main.aspx?appid=5a1b7e1c-2f3d-4e5f-8a9b-0c1d2e3f4a5b&pagetype=entitylist&etn=account&viewid=00000000-0000-0000-00aa-000010001002&viewType=1039',
      'https://contoso.crm4.dynamics.com/main.aspx?appid=5a1b7e1c-2f3d-4e5f-8a9b-0c1d2e3f4a5b&pagetype=dashboard&id=2e3d4c5b-6a79-4880-9b1c-d2e3f4a5b6c7&type=system',
      'https://contoso.crm.dynamics.com/main.aspx?appid=5a1b7e1c-2f3d-4e5f-8a9b-0c1d2e3f4a5b&pagetype=entityrecord&etn=opportunity&id=3f4e5d6c-7b8a-4991-8c2d-e3f4a5b6c7d8',
      'https://contoso.crm.dynamics.com/main.aspx?appid=5a1b7e1c-2f3d-4e5f-8a9b-0c1d2e3f4a5b&pagetype=entityrecord&etn=account',
    ],
  },
};
