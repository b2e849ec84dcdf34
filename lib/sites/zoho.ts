/**
 * Zoho CRM account records.
 *
 *   https://crm.zoho.com/crm/org<orgid>/tab/Accounts/<id>       detail page
 *   https://crm.zoho.eu/crm/tab/Accounts/<id>                    accounts without an org segment in the path
 *   https://crm.zoho.in/crm/org<orgid>/tab/Accounts/<id>?sub_module=...
 *
 * Data centres: zoho.com (US), .eu, .in, .com.au, .jp, .com.cn, .sa, .uk,
 * zohocloud.ca (Canada); `crmsandbox.` hosts are the same app. The path names
 * the module by its API name whatever the UI calls it: Accounts, Contacts,
 * Leads, Potentials (Deals), CustomModule<n>. Only `Accounts/<id>` is read;
 * `Accounts/custom-view/...` lists and `/create` or `/<id>/edit` forms are not.
 *
 * The detail page is built from Zoho's CRUX Lyte components, whose templates
 * (shipped in the page's JavaScript) set the `data-zcqa` test attributes used
 * here:
 *   - a field's label: `data-zcqa="dtVw_lbl_<COLUMN>"` (the database column, e.g.
 *     ACCOUNTNAME, the same in every UI language), id `field_label_<field id>`,
 *     and its value container `id="field_<field id>"` beside it;
 *   - the value itself: `data-zcqa="value_<display label>"` in sections and
 *     `value_<COLUMN>` in the record header (`#recHeader1`);
 *   - the business card at the top: the same with a `bc_` prefix.
 * Visible labels are only the fallback, for custom fields.
 */
import type { PageSnapshotInput } from '../snapshot';
import { first, isEmptyValue, valueText } from './dom';
import { cleanText, countryCode, crmFieldForLabel, domainFromUrl, parseCount, parseMoney, type CrmField } from './normalise';
import { describeRecord, type MissingKind } from './missing';
import type { SiteAdapter } from './types';

const TLDS = ['zoho.com', 'zoho.eu', 'zoho.in', 'zoho.com.au', 'zoho.jp', 'zoho.com.cn', 'zoho.ca', 'zoho.sa', 'zoho.uk', 'zohocloud.ca'];
const HOST = /^crm(?:sandbox)?\.(?:zoho\.(?:com|eu|in|com\.au|jp|com\.cn|ca|sa|uk)|zohocloud\.ca)$/;
/** `/crm/org<orgid>/tab/<Module>/<rest>`; the org segment is missing for some accounts. */
const TAB_PATH = /^\/crm\/(?:org(\d+)\/)?tab\/([A-Za-z][A-Za-z0-9_]*)(?:\/(.*))?$/;
const RECORD_ID = /^(\d{5,25})\/?$/;
const ACCOUNTS = 'Accounts';

export const SELECTORS = {
  /**
   * Every labelled value, in one query: labels carry the column name (`dtVw_lbl_`,
   * business card `bc_dtVw_lbl_`), values the display label or, in the header,
   * the column (`value_`, `bc_value_`).
   */
  zcqa: ['[data-zcqa^="dtVw_lbl_"], [data-zcqa^="bc_dtVw_lbl_"], [data-zcqa^="value_"], [data-zcqa^="bc_value_"]'],
  /** The record name in the header. */
  title: [
    // CRUX detail page header: first header field (the account name).
    '#recHeader1 [data-zcqa^="value_"]',
    '#recHeader1',
    // Older Lyte detail page: header name by column.
    '#subvalue_ACCOUNTNAME',
  ],
  /** A field row (label + value), for the label fallback. */
  row: [
    // CRUX sections and business card.
    '.cxDvBcInfoFormRow',
  ],
  rowLabel: ['.cxDvInfoFormField', '.cxDvBcInfoFormField', '[data-zcqa*="dtVw_lbl_"]'],
  rowValue: ['.dvValueContainer', '.cxDvInfoValue'],
  /** The detail view component; its parent (the route outlet) stays while records change. */
  detail: ['crm-detailview', 'crux-detailpage-wrapper', '.cxDvHeaderParent'],
} as const;

interface FieldIds {
  /** Database column, in `dtVw_lbl_<COLUMN>` and header `value_<COLUMN>`. */
  column: string;
  /** API name and English display label, in section `value_<...>` (spaces as `_` or kept). */
  names: string[];
}

/** Standard Accounts fields. */
const FIELDS: Record<'name' | 'website' | 'industry' | 'employees' | 'revenue' | 'country' | 'city' | 'type' | 'owner' | 'description', FieldIds> = {
  name: { column: 'ACCOUNTNAME', names: ['Account_Name', 'Account Name'] },
  website: { column: 'WEBSITE', names: ['Website'] },
  industry: { column: 'INDUSTRY', names: ['Industry'] },
  employees: { column: 'EMPLOYEES', names: ['Employees'] },
  revenue: { column: 'ANNUALREVENUE', names: ['Annual_Revenue', 'Annual Revenue'] },
  country: { column: 'BILLINGCOUNTRY', names: ['Billing_Country', 'Billing Country'] },
  city: { column: 'BILLINGCITY', names: ['Billing_City', 'Billing City'] },
  type: { column: 'ACCOUNTTYPE', names: ['Account_Type', 'Account Type'] },
  owner: { column: 'SMOWNERID', names: ['Owner', 'Account_Owner', 'Account Owner'] },
  description: { column: 'DESCRIPTION', names: ['Description'] },
};

/** The empty choice of a Zoho picklist, shown as the value when nothing is picked. */
const NONE = /^-\s*None\s*-$/i;

/** Currency as Zoho writes it for India ("Rs. 1,00,00,000.00"), not known to the shared parser. */
const RUPEES = /(?:^|[^\p{L}])Rs\.?(?!\p{L})/u;

interface Place {
  org?: string;
  module: string;
  id?: string;
  rest: string;
}

// Paths only: `matches` decides the host.
function place(url: URL): Place | undefined {
  const m = TAB_PATH.exec(url.pathname);
  if (!m?.[2]) return undefined;
  const rest = m[3] ?? '';
  const id = RECORD_ID.exec(rest)?.[1];
  const where: Place = { module: m[2], rest };
  if (m[1]) where.org = m[1];
  if (id) where.id = id;
  return where;
}

type Index = Map<string, Element>;

/** Labels and values by their `data-zcqa`, from one query (never one scan per field). */
function index(doc: Document): Index {
  const found: Index = new Map();
  const els = doc.querySelectorAll(SELECTORS.zcqa[0]);
  for (let i = 0; i < els.length && i < 5000; i++) {
    const el = els[i]!;
    const key = el.getAttribute('data-zcqa') ?? '';
    if (!found.has(key)) found.set(key, el);
  }
  return found;
}

/** The value shown in a value element or container: an edit input's value, a link's target, or its text. */
function shown(el: Element | null | undefined, link = false): string | undefined {
  if (!el) return undefined;
  const input = el.matches('input, textarea, select') ? el : el.querySelector('input:not([type="hidden"]), textarea, select');
  let text = input ? valueText(input) : '';
  if (!text && link) text = cleanText(el.querySelector('a[href^="http"]')?.getAttribute('href'));
  if (!text) text = valueText(el);
  return isEmptyValue(text) || NONE.test(text) ? undefined : text;
}

/** The value container beside a label: `field_<id>` for `field_label_<id>`, else the next element. */
function containerOf(doc: Document, label: Element): Element | null {
  const id = /^(bc_)?field_label_(.+)$/.exec(label.id);
  const byId = id ? doc.getElementById(`${id[1] ?? ''}field_${id[2]}`) : null;
  return byId ?? label.nextElementSibling;
}

function field(doc: Document, found: Index, ids: FieldIds, link = false): string | undefined {
  for (const prefix of ['', 'bc_']) {
    // Header and business card values keyed by column.
    const header = shown(found.get(`${prefix}value_${ids.column}`), link);
    if (header) return header;
    // The label by column (any UI language), then its value container.
    const label = found.get(`${prefix}dtVw_lbl_${ids.column}`);
    const value = label ? shown(containerOf(doc, label), link) : undefined;
    if (value) return value;
    // Values keyed by API name or English display label.
    for (const name of ids.names) {
      const byName = shown(found.get(`${prefix}value_${name}`), link);
      if (byName) return byName;
    }
  }
  return undefined;
}

/** Fields found by their visible label (custom fields), visiting only the detail page's rows. */
function byLabel(doc: Document): Partial<Record<CrmField, string>> {
  const found: Partial<Record<CrmField, string>> = {};
  const rows = doc.querySelectorAll(SELECTORS.row[0]);
  for (let i = 0; i < rows.length && i < 400; i++) {
    const row = rows[i]!;
    const key = crmFieldForLabel(first(row, SELECTORS.rowLabel)?.textContent);
    if (!key || found[key]) continue;
    const value = shown(first(row, SELECTORS.rowValue), key === 'website');
    if (value && !crmFieldForLabel(value)) found[key] = value;
  }
  return found;
}

function money(text: string | undefined): PageSnapshotInput['company']['annualRevenue'] {
  const parsed = parseMoney(text);
  if (parsed && !parsed.currency && text && RUPEES.test(text)) return { ...parsed, currency: 'INR' };
  return parsed;
}

function readCompany(doc: Document, found: Index): PageSnapshotInput['company'] {
  const company: PageSnapshotInput['company'] = {};
  let labelled: Partial<Record<CrmField, string>> | undefined;
  const fallback = (key: CrmField) => (labelled ??= byLabel(doc))[key];

  const title = first(doc, SELECTORS.title);
  const name = field(doc, found, FIELDS.name) ?? shown(title) ?? fallback('name');
  if (name) company.name = name;
  const domain = domainFromUrl(field(doc, found, FIELDS.website, true) ?? fallback('website'));
  if (domain) company.domain = domain;
  const industry = field(doc, found, FIELDS.industry) ?? fallback('industry');
  if (industry) company.industry = industry;
  const employees = parseCount(field(doc, found, FIELDS.employees) ?? fallback('employees'));
  if (employees !== undefined) company.employees = employees;
  const revenue = money(field(doc, found, FIELDS.revenue) ?? fallback('revenue'));
  if (revenue) company.annualRevenue = revenue;
  const country = field(doc, found, FIELDS.country) ?? fallback('country');
  if (country) company.country = countryCode(country) ?? country;
  const city = field(doc, found, FIELDS.city) ?? fallback('city');
  if (city) company.city = city;
  const type = field(doc, found, FIELDS.type) ?? fallback('type');
  if (type) company.type = type;
  const owner = field(doc, found, FIELDS.owner) ?? fallback('owner');
  if (owner) company.owner = owner;
  return company;
}

/** The kind of page the URL shows when it is not an account record; undefined on one. */
function pageKind(url: URL): Exclude<MissingKind, 'record'> | undefined {
  const where = place(url);
  if (where?.module === ACCOUNTS && where.id) return undefined;
  if (where?.module === ACCOUNTS) return 'list';
  if (where?.module === 'Contacts') return 'contact';
  if (where?.module === 'Leads') return 'lead';
  if (where?.module === 'Potentials' || where?.module === 'Deals') return 'deal';
  return 'other';
}


export const zoho: SiteAdapter = {
  id: 'zoho',
  label: 'Zoho CRM',
  hosts: TLDS.flatMap((tld) => [`https://crm.${tld}/*`, `https://crmsandbox.${tld}/*`]),
  matches: (url) => HOST.test(url.hostname),
  read(doc, url) {
    try {
      const where = place(url);
      if (where?.module !== ACCOUNTS || !where.id) return null;
      const found = index(doc);
      const company = readCompany(doc, found);
      if (!company.name && !company.domain) return null;
      const snapshot: PageSnapshotInput = { site: 'zoho', kind: 'company', url: url.href, recordId: where.id, company, people: [] };
      const text = field(doc, found, FIELDS.description);
      if (text) snapshot.text = text;
      return snapshot;
    } catch {
      return null;
    }
  },
  describeMissing: describeRecord(pageKind, (doc) => ({ company: readCompany(doc, index(doc)) })),
  observeRoot: (doc) => first(doc, SELECTORS.detail)?.parentElement ?? null,
  examples: {
    company: [
      'https://crm.zoho.com/crm/org712345678/tab/Accounts/5127839000000412001',
      'https://crm.zoho.eu/crm/org20071234567/tab/Accounts/481264000000236017?sub_module=Notes',
      'https://crm.zoho.in/crm/tab/Accounts/2245871000000098123',
      'https://crm.zoho.com.au/crm/org7001234567/tab/Accounts/7002345000000001234/',
      'https://crm.zohocloud.ca/crm/org110012345/tab/Accounts/1100234000000012345',
      'https://crm.zoho.jp/crm/org90012345/tab/Accounts/9001234000000054321',
    ],
    other: [
      'https://crm.zoho.com/crm/org712345678/tab/Contacts/5127839000000412345',
      'https://crm.zoho.com/crm/org712345678/tab/Leads/5127839000000398001',
      'https://crm.zoho.com/crm/org712345678/tab/Potentials/5127839000000455013',
      'https://crm.zoho.com/crm/org712345678/tab/Accounts/custom-view/5127839000000087501/list',
      'https://crm.zoho.eu/crm/org20071234567/tab/Accounts/481264000000236017/edit',
      'https://crm.zoho.com/crm/org712345678/tab/Home/begin',
    ],
  },
};
