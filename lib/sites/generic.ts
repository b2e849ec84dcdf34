/**
 * Any page: the fallback reader for CRM hosts the user granted (SuiteCRM,
 * vtiger, an in-house CRM), never run on a site another adapter claims.
 *
 *   https://crm.example.com/index.php?module=Accounts&action=DetailView&record=<id>   (SuiteCRM 7)
 *   https://www.northwind-logistics.com/about                                          (a company's own site)
 *
 * Sources, most trusted first:
 *   1. schema.org Organization (Corporation, LocalBusiness, ...) in JSON-LD, incl. `@graph`;
 *   2. the same in microdata (`itemtype=".../Organization"`);
 *   3. label/value pairs: `dt`/`dd`, `th`/`td`, `label` + control, a "label" element and
 *      its next sibling, "Industry: Software" text, labels in en/pl/ru/ro/it/de/fr/es/ja;
 *   4. well-known field ids for city and country (`billing_address_city`, ...).
 */
import type { PageSnapshotInput } from '../snapshot';
import { isEmptyValue, valueText } from './dom';
import { LABEL_SCAN, cleanText, countryCode, domainFromEmail, domainFromUrl, isFreeMailDomain, parseCount, parseMoney, trimEndChars } from './normalise';
import { COMPANY_NOT_FOUND, missingFacts, wrongPage } from './missing';
import type { SiteAdapter } from './types';

type Field = 'name' | 'industry' | 'employees' | 'revenue' | 'website' | 'country' | 'city' | 'type' | 'owner';

/** Labels per field; compared lower-cased, without diacritics and trailing ":" or "*". */
const LABELS: Record<Field, string> = {
  name:
    'name|company|company name|account name|account|organization|organisation|organization name|business name|legal name|' +
    'nazwa|nazwa firmy|firma|nazwa klienta|klient|kontrahent|' +
    'название|наименование|компания|название компании|организация|наименование организации|контрагент|' +
    'nume|denumire|companie|nume companie|denumire firma|organizatie|' +
    'nome|azienda|ragione sociale|nome azienda|societa|organizzazione|' +
    'firmenname|unternehmen|kontoname|' +
    'nom|entreprise|societe|raison sociale|nom de l\'entreprise|nom du compte|' +
    'nombre|empresa|compania|razon social|nombre de la empresa|nombre de cuenta|organizacion|' +
    '会社名|取引先名|企業名|組織名|社名',
  industry:
    'industry|sector|vertical|branza|sektor|отрасль|сфера деятельности|индустрия|industrie|domeniu|domeniu de activitate|' +
    'settore|industria|branche|secteur|secteur d\'activite|業種|業界',
  employees:
    'employees|number of employees|no. of employees|no of employees|headcount|company size|staff|employee count|' +
    'pracownicy|liczba pracownikow|zatrudnienie|wielkosc firmy|сотрудники|количество сотрудников|число сотрудников|численность|' +
    'численность персонала|angajati|numar de angajati|numar angajati|dipendenti|numero di dipendenti|numero dipendenti|' +
    'mitarbeiter|anzahl mitarbeiter|mitarbeiterzahl|beschaftigte|employes|effectif|nombre d\'employes|salaries|' +
    'empleados|numero de empleados|plantilla|従業員数|社員数|従業員',
  revenue:
    'annual revenue|revenue|turnover|annual turnover|przychod|roczny przychod|przychody|obroty|przychod roczny|' +
    'выручка|годовой доход|годовая выручка|оборот|cifra de afaceri|venit anual|venituri|fatturato|fatturato annuo|ricavi|' +
    'umsatz|jahresumsatz|chiffre d\'affaires|revenu annuel|ingresos anuales|facturacion|ingresos|年間売上|売上高|年商|売上',
  website:
    'website|web site|web|url|homepage|domain|site|strona www|strona internetowa|www|witryna|domena|сайт|веб-сайт|домен|' +
    'site web|pagina web|sito web|sito|sito internet|webseite|internetseite|site internet|sitio web|ウェブサイト|ホームページ',
  country: 'country|country/region|billing country|kraj|panstwo|страна|tara|paese|nazione|land|pays|pais|国|国名|国/地域',
  city: 'city|town|billing city|miasto|miejscowosc|город|oras|citta|comune|stadt|ort|ville|ciudad|市区郡|都市|市区町村',
  type:
    'type|account type|company type|customer type|lifecycle stage|relationship|typ|typ klienta|rodzaj|status klienta|' +
    'тип|тип клиента|тип компании|статус клиента|tip|tip client|tipo|tipo cliente|tipologia|kontotyp|kundentyp|' +
    'type de compte|type de client|tipo de cuenta|tipo de cliente|種別|取引先種別|タイプ',
  owner:
    'owner|account owner|assigned to|company owner|sales rep|opiekun|wlasciciel|przypisany do|opiekun handlowy|' +
    'ответственный|владелец|менеджер|proprietar|responsabil|atribuit|proprietario|assegnato a|responsabile|' +
    'inhaber|zustandig|zugewiesen an|besitzer|proprietaire|assigne a|responsable|propietario|asignado a|所有者|取引先所有者|担当者',
};

/** Field ids CRMs give city and country inputs (SuiteCRM/SugarCRM, vtiger, Odoo). */
const FIELD_IDS: Partial<Record<Field, string[]>> = {
  city: ['billing_address_city', 'primary_address_city', 'bill_city', 'billing_city', 'address_city', 'city'],
  country: ['billing_address_country', 'primary_address_country', 'bill_country', 'billing_country', 'address_country', 'country', 'country_id'],
};

function labelKey(text: string): string {
  const key = cleanText(text.slice(0, LABEL_SCAN))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/[’`]/g, "'");
  return trimEndChars(key, /[\s:：*]/u).trim();
}

let labelIndex: Map<string, Field> | undefined;
function labels(): Map<string, Field> {
  if (labelIndex) return labelIndex;
  labelIndex = new Map();
  for (const [field, list] of Object.entries(LABELS) as Array<[Field, string]>) {
    for (const label of list.split('|')) if (!labelIndex.has(labelKey(label))) labelIndex.set(labelKey(label), field);
  }
  return labelIndex;
}

type Raw = Partial<Record<Field, string>>;

/** This many different companies on one page make it a list. */
const LIST_SIZE = 3;

const ORG_TYPE = /(?:^|[/:])(?:Organization|Corporation|LocalBusiness|OnlineBusiness|Store|ProfessionalService|NGO|\w+Business|\w+Organization)$/;

function isOrgType(value: unknown): boolean {
  const types = Array.isArray(value) ? value : [value];
  return types.some((t) => typeof t === 'string' && ORG_TYPE.test(t));
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return cleanText(String(value)) || undefined;
  if (Array.isArray(value)) return str(value[0]);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return str(o['name'] ?? o['value'] ?? o['minValue'] ?? o['@id']);
  }
  return undefined;
}

function fromJsonLdOrg(org: Record<string, unknown>): Raw {
  const raw: Raw = {};
  const set = (field: Field, value: unknown) => {
    const text = str(value);
    if (text && !raw[field]) raw[field] = text;
  };
  set('name', org['name'] ?? org['legalName'] ?? org['alternateName']);
  set('website', org['url']);
  const email = str(org['email'])?.replace(/^mailto:/, '');
  const emailDomain = domainFromEmail(email);
  if (!raw.website && emailDomain && !isFreeMailDomain(emailDomain)) raw.website = emailDomain;
  set('employees', org['numberOfEmployees']);
  set('industry', org['industry']);
  set('revenue', org['annualRevenue'] ?? org['revenue']);
  const address = Array.isArray(org['address']) ? org['address'][0] : org['address'];
  if (address && typeof address === 'object') {
    const a = address as Record<string, unknown>;
    set('country', a['addressCountry']);
    set('city', a['addressLocality']);
  } else if (typeof address === 'string') {
    set('country', countryCode(address));
  }
  return raw;
}

function jsonLdOrgs(doc: Document): Raw[] {
  const found: Raw[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 6 || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const o = node as Record<string, unknown>;
    if (isOrgType(o['@type'])) found.push(fromJsonLdOrg(o));
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // Broken JSON-LD is common; the rest of the page may still say enough.
    }
  }
  return found;
}

function itempropValue(el: Element): string {
  const tag = el.tagName;
  if (tag === 'META') return cleanText(el.getAttribute('content'));
  if (tag === 'A' || tag === 'LINK') return cleanText(el.getAttribute('href'));
  if (tag === 'DATA' || tag === 'METER') return cleanText(el.getAttribute('value'));
  return valueText(el);
}

function microdataOrgs(doc: Document): Raw[] {
  const found: Raw[] = [];
  for (const scope of Array.from(doc.querySelectorAll('[itemscope][itemtype]'))) {
    if (!isOrgType(scope.getAttribute('itemtype')?.trim())) continue;
    const prop = (name: string, within: Element = scope): Element | undefined =>
      Array.from(within.querySelectorAll(`[itemprop~="${name}"]`)).find((el) => el.parentElement?.closest('[itemscope]') === within);
    const raw: Raw = {};
    const set = (field: Field, el: Element | undefined) => {
      const text = el ? itempropValue(el) : '';
      if (text) raw[field] = text;
    };
    set('name', prop('name') ?? prop('legalName'));
    set('website', prop('url'));
    set('employees', prop('numberOfEmployees'));
    const address = prop('address');
    if (address) {
      if (address.hasAttribute('itemscope')) {
        set('country', prop('addressCountry', address));
        set('city', prop('addressLocality', address));
      } else {
        const code = countryCode(itempropValue(address));
        if (code) raw.country = code;
      }
    }
    found.push(raw);
  }
  return found;
}

/** The value element that belongs to a label element. */
/** The text written right after a label element inside its parent ("<b>Kraj:</b> Polska"), if any. */
function textAfter(label: Element): string {
  let text = '';
  for (let node = label.nextSibling; node && node.nodeType === 3 && text.length < 240; node = node.nextSibling) text += node.nodeValue ?? '';
  return cleanText(text.slice(0, 240)).replace(/^[:：]\s*/u, '');
}

function valueFor(label: Element, doc: Document): Element | null {
  const tag = label.tagName;
  if (tag === 'DT') {
    let next = label.nextElementSibling;
    while (next && next.tagName !== 'DD') next = next.nextElementSibling;
    return next;
  }
  if (tag === 'LABEL') {
    const id = label.getAttribute('for');
    const control = id ? doc.getElementById(id) : null;
    if (control) return control;
  }
  if (tag === 'TD' || tag === 'TH') return label.nextElementSibling;
  // A label wrapped in its own element ("<div><span>Industry</span></div><div>Retail</div>").
  return label.nextElementSibling ?? label.parentElement?.nextElementSibling ?? null;
}

/**
 * Label/value pairs into `raw` (the first value of each field). Returns the
 * fields whose label appears with LIST_SIZE or more different values: a
 * list of accounts (cards or rows, each with "Name", "Industry", ...), not a
 * record (which may show a second name, a contact's, once or twice).
 */
function labelledPairs(doc: Document, raw: Raw): Set<Field> {
  const table = labels();
  const values = new Map<Field, Set<string>>();
  const repeated = new Set<Field>();
  const see = (field: Field, value: string) => {
    if (!raw[field]) raw[field] = value;
    const seen = values.get(field) ?? new Set<string>();
    seen.add(value);
    values.set(field, seen);
    if (seen.size >= LIST_SIZE) repeated.add(field);
  };
  // `b` and `strong`: a bold label followed by its value as text ("<b>Kraj:</b> Polska").
  const candidates = doc.querySelectorAll('dt, th, td, label, [class*="label"], [class*="Label"], b, strong, p, li, span, div');
  let budget = 8000;
  for (const el of Array.from(candidates)) {
    if (--budget < 0) break;
    if (el.childElementCount > 2) continue;
    const text = el.textContent ?? '';
    if (text.length > 240) continue;
    const key = labelKey(text);
    const field = key.length <= 50 ? table.get(key) : undefined;
    if (field) {
      const after = textAfter(el);
      if (after && !isEmptyValue(after) && table.get(labelKey(after)) === undefined) {
        see(field, after);
        continue;
      }
      // A label written as a sentence ("Name") is only a label when something follows it.
      const valueEl = valueFor(el, doc);
      if (!valueEl || valueEl.contains(el)) continue;
      const value = field === 'website' ? (valueEl.querySelector('a[href]')?.getAttribute('href') ?? valueText(valueEl)) : valueText(valueEl);
      if (!isEmptyValue(value) && table.get(labelKey(value)) === undefined) see(field, value);
      continue;
    }
    // "Industry: Software" in one leaf element.
    if (el.childElementCount) continue;
    const inline = /^([^:：]{2,40})[:：]\s*(.{1,200})$/u.exec(cleanText(text));
    const inlineField = inline?.[1] ? table.get(labelKey(inline[1])) : undefined;
    if (inline?.[2] && inlineField && !isEmptyValue(inline[2])) see(inlineField, cleanText(inline[2]));
  }
  return repeated;
}

function fieldIds(doc: Document, raw: Raw): void {
  for (const [field, ids] of Object.entries(FIELD_IDS) as Array<[Field, string[]]>) {
    if (raw[field]) continue;
    for (const id of ids) {
      const el = doc.querySelector(`[id="${id}"], [name="${id}"], [field="${id}"], [data-field="${id}"]`);
      const value = el ? valueText(el) : '';
      if (value && !isEmptyValue(value)) {
        raw[field] = value;
        break;
      }
    }
  }
}

function factsFrom(raw: Raw): PageSnapshotInput['company'] {
  const company: PageSnapshotInput['company'] = {};
  if (raw.name) company.name = raw.name;
  const domain = domainFromUrl(raw.website);
  if (domain) company.domain = domain;
  if (raw.industry) company.industry = raw.industry;
  const employees = parseCount(raw.employees);
  if (employees !== undefined) company.employees = employees;
  const revenue = parseMoney(raw.revenue);
  if (revenue) company.annualRevenue = revenue;
  if (raw.country) company.country = countryCode(raw.country) ?? raw.country;
  if (raw.city) company.city = raw.city;
  if (raw.type) company.type = raw.type;
  if (raw.owner) company.owner = raw.owner;
  return company;
}

function merge(into: Raw, from: Raw): Raw {
  for (const [field, value] of Object.entries(from) as Array<[Field, string]>) if (value && !into[field]) into[field] = value;
  return into;
}

interface GenericRead {
  company: PageSnapshotInput['company'];
  structured: boolean;
  /** The page lists several companies. */
  list: boolean;
}

function readAll(doc: Document): GenericRead {
  const structured = [...jsonLdOrgs(doc), ...microdataOrgs(doc)]
    .filter((raw) => raw.name || raw.website)
    .sort((a, b) => Object.keys(b).length - Object.keys(a).length);
  const raw: Raw = {};
  for (const org of structured) merge(raw, org);
  const repeated = labelledPairs(doc, raw);
  fieldIds(doc, raw);
  // Several organisations, or several names or websites under the same label: a list of accounts, not one.
  const names = new Set(structured.map((org) => org.name ?? org.website));
  const list = names.size >= LIST_SIZE || repeated.has('name') || repeated.has('website');
  return { company: factsFrom(raw), structured: structured.length > 0, list };
}

/** Fallback reader for granted hosts; null when the page names no company. Never throws. */
export function readGeneric(doc: Document, url: string | URL): PageSnapshotInput | null {
  try {
    const href = typeof url === 'string' ? new URL(url) : url;
    const { company, structured, list } = readAll(doc);
    if (list || (!company.name && !company.domain)) return null;
    // Label pairs alone ("Name: ...") need a second fact to count as a company.
    if (!structured && Object.keys(company).length < 2) return null;
    const snapshot: PageSnapshotInput = { site: 'generic', kind: 'company', url: href.href, company, people: [] };
    const record = href.searchParams.get('record') ?? href.searchParams.get('id');
    if (record && record.length <= 200) snapshot.recordId = record;
    return snapshot;
  } catch {
    return null;
  }
}


export const generic: SiteAdapter = {
  id: 'generic',
  label: 'This page',
  hosts: [],
  // Never chosen by URL: the registry calls it for granted hosts no adapter claims.
  matches: () => false,
  read: (doc, url) => readGeneric(doc, url),
  describeMissing(doc) {
    try {
      const { company, list } = readAll(doc);
      if (list) return wrongPage('list');
      if (!company.name && !company.domain) return wrongPage('no-company');
      return { kind: 'record', facts: missingFacts(company) };
    } catch {
      return COMPANY_NOT_FOUND;
    }
  },
  examples: {
    company: [
      'https://crm.example.com/index.php?module=Accounts&action=DetailView&record=162bbc44-79cd-b16e-b306-604dfffa24a9',
      'https://www.northwind-logistics.com/about',
    ],
    other: [],
  },
};
