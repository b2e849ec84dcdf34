/**
 * Salesforce Lightning Experience: Account records.
 *
 *   https://<org>.lightning.force.com/lightning/r/Account/<id>/view            record page
 *   https://<org>.lightning.force.com/lightning/r/<id>/view                    same, object from the id prefix (001 = Account)
 *   https://<org>.lightning.force.com/lightning/r/Account/<id>/related/Contacts/view   a related list of the record
 *   https://<org>--<sandbox>.sandbox.lightning.force.com/...                   sandboxes
 *   https://<org>.my.salesforce.com/...                                        My Domain host (redirects into Lightning)
 *   https://<org>.lightning.force.com/lightning/o/Account/new?...              NEW record modal: not an account yet
 *
 * Contacts, opportunities, users, list views and the home page are on the same
 * site but are not company pages: `read` is null and `describeMissing` says so.
 *
 * What does not change with the UI language or styling is preferred:
 *   1. the record id in the URL, and links/tabs naming it (console apps keep several records in the DOM);
 *   2. fields by API name, `data-target-selection-name="sfdc:RecordField.Account.<Field>"` (also on the
 *      inline-edit panel: ../../test/fixtures/pages/salesforce/inline-edit-genepoint-ja.html, a real capture);
 *   3. inputs by API name (`input[name="Website"]`) in edit mode, address parts by `data-field`;
 *   4. the highlights panel (`records-highlights2`, `force-highlights-details-item`) and
 *      `records-record-layout-item[field-label]`, matched through LABELS, Salesforce's own field labels
 *      in en/pl/ru/ro/it/de/fr/es/ja: only when nothing above names the field.
 * Open shadow roots (LWC native shadow) are searched when the light DOM has nothing.
 */
import type { PageSnapshotInput } from '../snapshot';
import { isEmptyValue, openShadowRoots } from './dom';
import { cleanText, countryCode, domainFromUrl, emailIn, parseCount, parseMoney } from './normalise';
import type { SiteAdapter } from './types';
import { missingFacts, tallyDeals } from './facts';

/** `<org>.lightning.force.com`, `<org>.my.salesforce.com`, sandboxes (`<org>--uat.sandbox.…`). */
const HOST = /^(?:[a-z0-9-]+\.)+(?:lightning\.force\.com|my\.salesforce\.com)$/;
/** `/lightning/r/<Object>/<id>/...` or `/lightning/r/<id>/...`; ids are 15 or 18 characters. */
const RECORD_PATH = /^\/lightning\/r\/(?:([A-Za-z][A-Za-z0-9_]*)\/)?([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)(?:\/([^/]*)|$)/;
/** `/lightning/o/<Object>/<home|list|new>`: an object's home, list views, the new-record form. */
const OBJECT_PATH = /^\/lightning\/o\/([A-Za-z][A-Za-z0-9_]*)(?:\/([^/]*)|$)/;
/** Key prefixes of the standard objects whose URLs may omit the object name. */
const PREFIXES: Record<string, string> = { '001': 'Account', '003': 'Contact', '006': 'Opportunity', '005': 'User', '00Q': 'Lead', '500': 'Case' };

export const SELECTORS = {
  /** Console apps: a workspace tab or subtab; its link names the record and `aria-controls` its panel. */
  tab: [
    // Workspace tab and subtab headers (`a.tabHeader` in the console tab bar).
    'a[role="tab"][aria-controls]',
    // Builds that put the role on the list item and the link inside it.
    'li[role="tab"][aria-controls]',
  ],
  /** Containers of one page or tab. Several stay in the DOM; only one is active. */
  page: [
    // Console: one workspace (primary tab) with its subtabs.
    '.oneWorkspace',
    // Console: the panel of a workspace tab or subtab (`section.tabContent.active.oneConsoleTab`).
    '.tabContent',
    // Standard navigation: the page host; earlier pages stay cached, without `active`.
    '.windowViewMode-normal',
    // Console and full-screen record pages.
    '.windowViewMode-maximized',
  ],
  /** Dialogs over the page: a new or edit form is not the record shown. */
  modal: [
    // Record create/edit form in a modal (the new-Account capture).
    'records-modal-lwc-detail-panel-wrapper',
    // SLDS modal, Aura and LWC.
    '.modal-container',
    '[role="dialog"]',
  ],
  /** A persistent container to observe: it stays while records change inside it. */
  observe: [
    // Console: every workspace.
    '.oneWorkspaceCollection',
    // Standard navigation: the stage whose page hosts are swapped.
    '.oneCenterStage',
    // Everything under the global header.
    '.viewport',
    '[role="main"]',
  ],
  /** The record's name in the highlights panel. */
  title: [
    // LWC highlights (`records-highlights2`, older `force-highlights2`): the primary field slot.
    'slot[name="primaryField"] lightning-formatted-text',
    'slot[name="primaryField"]',
    // Page header title without the entity label above it.
    '.slds-page-header__title lightning-formatted-text',
    // Aura highlights (forceHighlightsPanel).
    '.highlightsH1 .uiOutputText',
  ],
  /** The highlights panel, whose secondary fields are found by label. */
  highlights: ['records-highlights2', 'force-highlights2', 'records-lwc-highlights-panel', '.forceHighlightsPanel'],
  highlightItem: [
    // LWC: a `p[title=<label>]` then the value.
    'force-highlights-details-item',
    'records-highlights-details-item',
    // Aura highlights and older builds.
    '.slds-page-header__detail-block',
  ],
  /** A field of the record by API name. */
  field: (api: string) => [
    // Record layout (view, inline edit) and record forms: the item's container.
    `[data-target-selection-name="sfdc:RecordField.Account.${api}"]`,
    // Dynamic Forms field instances.
    `[data-field-id="Record${api}Field"]`,
    // Edit mode: the control itself carries the API name.
    `input[name="${api}"]`,
    `textarea[name="${api}"]`,
  ],
  /** Labelled items, for the fallback by label. */
  labelled: [
    // LWC record layout: the label in an attribute.
    'records-record-layout-item[field-label]',
    // Aura record layout and Dynamic Forms.
    'force-record-layout-item',
    'record_flexipage-record-field',
  ],
  label: ['.test-id__field-label', '.slds-form-element__label', 'dt', 'label'],
  /** The value inside a field item, most specific first. */
  value: [
    // Edit mode: the control (inline edit, edit forms).
    'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), textarea, select',
    // Picklist in edit mode: the combobox button shows the chosen value.
    'button[data-value]',
    // View mode: base components that render one value.
    'lightning-formatted-text, lightning-formatted-url, lightning-formatted-number, lightning-formatted-name, ' +
      'lightning-formatted-address, lightning-formatted-rich-text, lightning-formatted-phone, lightning-formatted-email',
    // Lookups (owner, parent account).
    'force-lookup, records-hoverable-link, force-hoverable-link, a[data-recordid]',
    // The value cell of a layout item, whatever it holds.
    '.test-id__field-value',
    '.slds-form-element__static',
    'p.fieldComponent',
  ],
  /** A related list by relationship name (in its "View All" and title links). */
  relatedList: (relationship: string) => [`a[href*="/related/${relationship}/view"]`],
  relatedCard: [
    // LWC related list container and its card.
    'lst-related-list-single-container',
    'force-related-list-single-container',
    'article',
  ],
  /** A related record's link: by record id prefix, or by object name in the URL. */
  relatedRecord: (prefix: string, object: string) => [`a[data-recordid^="${prefix}"]`, `a[href*="/lightning/r/${prefix}"]`, `a[href*="/lightning/r/${object}/"]`],
  /** Around a related record: a tile or a table row. */
  relatedRow: ['article.slds-tile', '.slds-tile', 'tr', 'li'],
} as const;

type Fact = 'name' | 'website' | 'industry' | 'employees' | 'revenue' | 'type' | 'owner' | 'address' | 'country' | 'city' | 'description';

const API_NAMES: Record<Fact, string[]> = {
  name: ['Name'],
  website: ['Website'],
  industry: ['Industry'],
  employees: ['NumberOfEmployees'],
  revenue: ['AnnualRevenue'],
  type: ['Type'],
  owner: ['OwnerId'],
  address: ['BillingAddress', 'ShippingAddress'],
  country: ['BillingCountry', 'ShippingCountry'],
  city: ['BillingCity', 'ShippingCity'],
  description: ['Description'],
};

/**
 * Salesforce's labels of the standard Account fields, as its translations
 * write them, in en/pl/ru/ro/it/de/fr/es/ja (and common renamings). Compared
 * without case, diacritics, spaces and a trailing ":" or "*".
 */
const LABELS: Partial<Record<Fact, string>> = {
  name:
    'Account Name|Company|Company Name|Nazwa konta|Nazwa firmy|Название организации|Имя организации|Название компании|Nume cont|Nume companie|' +
    'Nome account|Nome azienda|Accountname|Firmenname|Nom du compte|Nom de la société|Nombre de la cuenta|Nombre de cuenta|取引先名|会社名',
  website: 'Website|Web Site|Witryna sieci Web|Witryna internetowa|Strona WWW|Веб-сайт|Сайт|Site web|Sito Web|Site Web|Sitio web|Web サイト|ウェブサイト',
  industry: 'Industry|Branża|Отрасль|Industrie|Domeniu|Settore|Branche|Secteur d\'activité|Secteur|Sector|Sector industrial|業種',
  employees:
    'Employees|Number of Employees|Pracownicy|Liczba pracowników|Сотрудники|Число сотрудников|Количество сотрудников|Angajați|Număr de angajați|' +
    'Dipendenti|Numero di dipendenti|Mitarbeiter|Anzahl Mitarbeiter|Employés|Nombre d\'employés|Empleados|Número de empleados|従業員数',
  revenue:
    'Annual Revenue|Roczny przychód|Przychód roczny|Годовой доход|Годовая выручка|Venit anual|Venituri anuale|Cifră de afaceri anuală|Fatturato annuo|' +
    'Jahresumsatz|Chiffre d\'affaires annuel|Ingresos anuales|Facturación anual|年間売上|年間売上高',
  type: 'Type|Account Type|Typ|Typ konta|Тип|Тип организации|Tip|Tip cont|Tipo|Tipo di account|Accounttyp|Type de compte|Tipo de cuenta|種別|取引先 種別',
  owner:
    'Account Owner|Owner|Właściciel konta|Właściciel|Ответственный|Владелец организации|Владелец|Proprietar cont|Proprietar|Titolare account|Titolare|' +
    'Proprietario|Accountinhaber|Inhaber|Propriétaire du compte|Propriétaire|Propietario de la cuenta|Propietario|取引先 所有者|所有者',
  address:
    'Billing Address|Adres rozliczeniowy|Adres do faktury|Адрес для выставления счета|Платежный адрес|Adresă de facturare|Indirizzo di fatturazione|' +
    'Rechnungsanschrift|Rechnungsadresse|Adresse de facturation|Dirección de facturación|住所(請求先)|請求先住所',
  description: 'Description|Opis|Описание|Descriere|Descrizione|Beschreibung|Descripción|説明',
};
const STAGE_LABELS = 'Stage|Etap|Этап|Стадия|Etapă|Fase|Phase|Étape|フェーズ';
const AMOUNT_LABELS = 'Amount|Kwota|Сумма|Sumă|Valoare|Importo|Betrag|Montant|Importe|金額';
const TITLE_LABELS = 'Title|Stanowisko|Должность|Funcție|Titlu|Qualifica|Titolo|Titel|Position|Titre|Fonction|Cargo|Puesto|役職';

/** Closed opportunity stages as Salesforce ships them translated (lost first: 不成立 contains 成立). */
const LOST = /closed\s*lost|zamknięta\s*przegrana|przegran|закрыт\p{L}*\s*(?:неудач|проигр)|неудачн|închis\p{L}*\s*pierdut|pierdut|chius\p{L}*\W*pers|geschlossen\s*und\s*verloren|verloren|ferm\p{L}*\s*perdu|perdu|cerrad\p{L}*\s*perdid|perdid|不成立|失注/iu;
const WON = /closed\s*won|zamknięta\s*wygrana|wygran|закрыт\p{L}*\s*(?:успешн|выигр)|успешн|выигр|închis\p{L}*\s*câștigat|câștigat|castigat|chius\p{L}*\W*vint|geschlossen\s*und\s*gewonnen|gewonnen|gagn|cerrad\p{L}*\s*ganad|ganad|成立|受注/iu;

/** Picklists show "--None--" translated ("--なし--", "--Brak--", "--Нет--") for an empty value. */
const PICKLIST_NONE = /^--\s*[^-]{1,24}\s*--$/u;

function labelKey(text: string | null | undefined): string {
  return cleanText(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s:：*]+$/u, '')
    .replace(/^\*+/u, '')
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, '');
}

function labelSet(list: string): Set<string> {
  return new Set(list.split('|').map(labelKey));
}

let labelIndex: Map<string, Fact> | undefined;
function labels(): Map<string, Fact> {
  if (labelIndex) return labelIndex;
  labelIndex = new Map();
  for (const [fact, list] of Object.entries(LABELS) as Array<[Fact, string]>) {
    for (const label of list.split('|')) if (!labelIndex.has(labelKey(label))) labelIndex.set(labelKey(label), fact);
  }
  return labelIndex;
}
let relatedLabels: { stage: Set<string>; amount: Set<string>; title: Set<string> } | undefined;
function related(): { stage: Set<string>; amount: Set<string>; title: Set<string> } {
  relatedLabels ??= { stage: labelSet(STAGE_LABELS), amount: labelSet(AMOUNT_LABELS), title: labelSet(TITLE_LABELS) };
  return relatedLabels;
}

interface Place {
  /** API name of the object (`Account`), from the path or the id prefix. */
  object: string | undefined;
  id: string | undefined;
  /** `view`, `edit`, `related`, ... for records; `home`, `list`, `new` for objects. */
  action: string | undefined;
}

/** Where the URL's path points. The host is `matches`' business (a custom domain can be assigned to Salesforce). */
function place(url: URL): Place | undefined {
  const record = RECORD_PATH.exec(url.pathname);
  if (record?.[2]) {
    const id = record[2];
    return { object: record[1] ?? PREFIXES[id.slice(0, 3)], id, action: record[3] || 'view' };
  }
  const object = OBJECT_PATH.exec(url.pathname);
  if (object?.[1]) return { object: object[1], id: undefined, action: object[2] || 'home' };
  return { object: undefined, id: undefined, action: undefined };
}

function accountId(url: URL): string | undefined {
  const where = place(url);
  return where?.id && where.object === 'Account' ? where.id : undefined;
}

function wrongPage(url: URL): string | undefined {
  const where = place(url);
  if (!where) return 'Open an Account record in Salesforce';
  if (where.object === 'Account' && where.id) return undefined;
  if (where.object === 'Account' && where.action === 'new') return 'This is a new Account form: save it, then open the record';
  if (where.object === 'Contact' && where.id) return 'This is a contact: open its Account';
  if (where.object === 'Opportunity' && where.id) return 'This is an opportunity: open its Account';
  if (!where.object && !/^\/lightning\//.test(url.pathname)) return 'Open an Account record in Lightning Experience';
  return 'Open an Account record';
}

// ---------------------------------------------------------------------------
// Where to read: the active page or tab of the record in the URL.

function isActive(el: Element): boolean {
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return false;
  const classes = el.classList;
  if (classes.contains('slds-hide') || classes.contains('hideEl')) return false;
  return classes.contains('active') || el.getAttribute('aria-hidden') === 'false' || el.getAttribute('aria-expanded') === 'true' || classes.contains('slds-show');
}

function mentions(el: ParentNode, id15: string): boolean {
  return el.querySelector(`a[href*="${id15}"], [data-recordid^="${id15}"]`) !== null;
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
  for (const tab of Array.from(doc.querySelectorAll(SELECTORS.tab.join(', ')))) {
    const link = tab.matches('a[href]') ? tab : tab.querySelector('a[href]');
    if (!link?.getAttribute('href')?.includes(id15)) continue;
    const panelId = tab.getAttribute('aria-controls');
    const panel = panelId ? doc.getElementById(panelId) : null;
    // Subtabs sit inside their workspace's panel: keep the innermost.
    if (panel && (!byTab || byTab.contains(panel))) byTab = panel;
  }
  if (byTab) return byTab;

  const containers = Array.from(doc.querySelectorAll(pageSelector));
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
// Finding elements in the scope, its open shadow roots, outside dialogs.

class Finder {
  private shadows: ShadowRoot[] | undefined;
  private readonly modal = SELECTORS.modal.join(', ');

  constructor(readonly scope: ParentNode) {}

  private roots(): ShadowRoot[] {
    this.shadows ??= openShadowRoots(this.scope);
    return this.shadows;
  }

  private ok = (el: Element): boolean => {
    try {
      return el.closest(this.modal) === null;
    } catch {
      return true;
    }
  };

  /** The first element matching any selector (in order), light DOM before shadow roots. */
  first(selectors: readonly string[], within: ParentNode = this.scope): Element | null {
    for (const selector of selectors) {
      const found = this.query(within, selector, false)[0];
      if (found) return found;
    }
    if (within !== this.scope && !hasShadowHost(within)) return null;
    for (const selector of selectors) {
      const found = this.query(within, selector, true)[0];
      if (found) return found;
    }
    return null;
  }

  /** Elements matching the first selector that matches anything. */
  all(selectors: readonly string[], within: ParentNode = this.scope): Element[] {
    for (const selector of selectors) {
      const found = this.query(within, selector, false);
      if (found.length) return found;
    }
    if (within !== this.scope && !hasShadowHost(within)) return [];
    for (const selector of selectors) {
      const found = this.query(within, selector, true);
      if (found.length) return found;
    }
    return [];
  }

  private query(within: ParentNode, selector: string, deep: boolean): Element[] {
    try {
      if (!deep) return Array.from(within.querySelectorAll(selector)).filter(this.ok);
      const roots = within === this.scope ? this.roots() : openShadowRoots(within, 2000);
      const found: Element[] = [];
      for (const root of roots) for (const el of Array.from(root.querySelectorAll(selector))) if (this.ok(el)) found.push(el);
      return found;
    } catch {
      return [];
    }
  }
}

/** Whether `root` or anything in it hosts a shadow root (cheap for the small field items). */
function hasShadowHost(root: ParentNode): boolean {
  if ((root as Element).shadowRoot) return true;
  const elements = root.querySelectorAll('*');
  for (let i = 0; i < elements.length && i < 2000; i++) if (elements[i]!.shadowRoot) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Text of values, through shadow roots, without labels and assistive text.

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'LABEL', 'LEGEND', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'IMG']);
const SKIP_CLASSES = ['slds-assistive-text', 'test-id__field-label', 'slds-form-element__label', 'slds-form-element__help', 'entityNameTitle'];
const BLOCKS = new Set(['DIV', 'P', 'LI', 'TR', 'DD', 'DT', 'H1', 'H2', 'H3', 'SECTION', 'ARTICLE', 'ADDRESS', 'TABLE', 'UL', 'DL']);

/** Lines of text under `el`, entering open shadow roots and their slots. */
function deepLines(el: Element, budget = 3000): string[] {
  const parts: string[] = [];
  let left = budget;
  const walk = (node: Node, isRoot: boolean): void => {
    if (--left < 0) return;
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType === 11) {
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child, false);
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (!isRoot && (SKIP_TAGS.has(tag) || SKIP_CLASSES.some((c) => element.classList.contains(c)))) return;
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) parts.push('\n');
    if (tag === 'SLOT' && typeof (element as HTMLSlotElement).assignedNodes === 'function') {
      const assigned = (element as HTMLSlotElement).assignedNodes({ flatten: true });
      if (assigned.length) {
        for (const child of assigned) walk(child, false);
        if (block) parts.push('\n');
        return;
      }
    }
    const shadow = element.shadowRoot;
    const from: Node = shadow ?? element;
    for (let child = from.firstChild; child; child = child.nextSibling) walk(child, false);
    if (block) parts.push('\n');
  };
  walk(el, true);
  return parts
    .join('')
    .split('\n')
    .map((line) => cleanText(line))
    .filter(Boolean);
}

function isNone(text: string): boolean {
  return isEmptyValue(text) || PICKLIST_NONE.test(text);
}

function controlValue(el: Element): string {
  const tag = el.tagName.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA') return (el as HTMLInputElement).value || el.getAttribute('value') || (tag === 'TEXTAREA' ? el.textContent ?? '' : '');
  if (tag === 'SELECT') {
    const select = el as HTMLSelectElement;
    return (select.selectedOptions?.[0] ?? select.querySelector('option[selected]'))?.textContent ?? '';
  }
  if (tag === 'BUTTON') return deepLines(el).join(' ') || el.getAttribute('data-value') || '';
  return '';
}

/** Lines of the value shown in a field item (view or edit mode); empty when it has none. */
function valueLines(find: Finder, item: Element): string[] {
  const valueEl = find.first(SELECTORS.value, item) ?? item;
  const control = valueEl.matches('input, textarea, select, button') ? valueEl : null;
  const lines = control ? controlValue(control).split(/\r?\n/).map((line) => cleanText(line)).filter(Boolean) : deepLines(valueEl);
  return lines.length === 1 && isNone(lines[0]!) ? [] : lines;
}

// ---------------------------------------------------------------------------
// Facts.

type Raw = Partial<Record<Fact, string[]>>;

function byApiName(find: Finder, fact: Fact): string[] | undefined {
  for (const api of API_NAMES[fact]) {
    const item = find.first(SELECTORS.field(api));
    if (!item) continue;
    const lines = valueLines(find, item);
    if (lines.length) return lines;
  }
  return undefined;
}

/** Highlights items and layout items whose label names a fact (the language fallback). */
function byLabel(find: Finder, raw: Raw): void {
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
function addressParts(find: Finder, raw: Raw): void {
  for (const api of API_NAMES.address) {
    const item = find.first(SELECTORS.field(api));
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

function readRaw(find: Finder): Raw {
  const raw: Raw = {};
  const title = find.first(SELECTORS.title);
  const name = title ? deepLines(title).join(' ') : '';
  if (name && !isNone(name)) raw.name = [name];
  for (const fact of Object.keys(API_NAMES) as Fact[]) {
    if (raw[fact] || fact === 'address') continue;
    const lines = byApiName(find, fact);
    if (lines) raw[fact] = lines;
  }
  addressParts(find, raw);
  if (!raw.address) {
    const lines = byApiName(find, 'address');
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

// ---------------------------------------------------------------------------
// Related lists.

interface RelatedList {
  rows: Element[];
  /** The count in the list's title, "(4)"; `more` for "(3+)". */
  total?: number;
  more: boolean;
}

function relatedList(find: Finder, relationship: string, prefix: string, object: string): RelatedList | undefined {
  const link = find.first(SELECTORS.relatedList(relationship));
  if (!link) return undefined;
  let card: Element | null = null;
  for (const selector of SELECTORS.relatedCard) {
    card = link.closest(selector);
    if (card) break;
  }
  if (!card) return undefined;
  const links = find.all(SELECTORS.relatedRecord(prefix, object), card);
  const rows: Element[] = [];
  for (const recordLink of links) {
    const row = SELECTORS.relatedRow.map((s) => recordLink.closest(s)).find((el): el is Element => el !== null && card.contains(el)) ?? recordLink;
    if (!rows.includes(row)) rows.push(row);
  }
  const heading = card.querySelector('h2, .slds-card__header-title') ?? link;
  const count = /\((\d+)(\+)?\)/.exec(cleanText(heading.textContent));
  const list: RelatedList = { rows, more: count?.[2] === '+' };
  if (count?.[1]) list.total = Number(count[1]);
  return list;
}

/** Label → value pairs of a related record's tile (`dt`/`dd`) or table row (`td[data-label]`). */
function cells(row: Element): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const dt of Array.from(row.querySelectorAll('dt'))) {
    const dd = dt.nextElementSibling;
    if (dd?.tagName === 'DD') pairs.push([labelKey(dt.getAttribute('title') ?? dt.textContent), deepLines(dd).join(' ')]);
  }
  for (const cell of Array.from(row.querySelectorAll('[data-label]'))) pairs.push([labelKey(cell.getAttribute('data-label')), deepLines(cell).join(' ')]);
  return pairs;
}

function cellValue(row: Element, labelsOf: Set<string>, apiName: string): string | undefined {
  // lightning-datatable keys its cells by field: data-col-key-value="StageName-…".
  const keyed = row.querySelector(`[data-col-key-value^="${apiName}-"]`);
  if (keyed) return deepLines(keyed).join(' ') || undefined;
  return cells(row).find(([label, value]) => labelsOf.has(label) && value)?.[1];
}

function readDeals(find: Finder): PageSnapshotInput['deals'] {
  const list = relatedList(find, 'Opportunities', '006', 'Opportunity');
  if (!list) return undefined;
  // A list showing 3 of 12 says nothing about the other 9: unknown, not 3.
  if (list.more || (list.total !== undefined && list.total > list.rows.length)) return undefined;
  const { stage: stageLabels, amount: amountLabels } = related();
  return tallyDeals(
    list.rows.map((row) => {
      const stage = cellValue(row, stageLabels, 'StageName') ?? '';
      const amount = parseMoney(cellValue(row, amountLabels, 'Amount'));
      // Lost first: 不成立 (lost) contains 成立 (won).
      return { state: LOST.test(stage) ? 'lost' : WON.test(stage) ? 'won' : 'open', amount };
    }),
  );
}

function readPeople(find: Finder): NonNullable<PageSnapshotInput['people']> {
  const list = relatedList(find, 'Contacts', '003', 'Contact') ?? relatedList(find, 'AccountContactRelations', '003', 'Contact');
  if (!list) return [];
  const titleLabels = related().title;
  return list.rows.slice(0, 50).flatMap((row) => {
    const link = find.first(SELECTORS.relatedRecord('003', 'Contact'), row);
    const name = link ? deepLines(link).join(' ') : '';
    const mail = row.querySelector('a[href^="mailto:"]');
    const email = emailIn(mail?.getAttribute('href')) ?? emailIn(cellValue(row, new Set(), 'Email'));
    const title = cellValue(row, titleLabels, 'Title');
    const person: { name?: string; email?: string; title?: string } = {};
    if (name && !name.includes('@')) person.name = name;
    if (email) person.email = email;
    if (title && !isNone(title)) person.title = title;
    return Object.keys(person).length ? [person] : [];
  });
}

// ---------------------------------------------------------------------------


function readAccount(doc: Document, id: string): { company: PageSnapshotInput['company']; raw: Raw; find: Finder } {
  const find = new Finder(recordScope(doc, id));
  const raw = readRaw(find);
  return { company: readCompany(raw), raw, find };
}

export const salesforce: SiteAdapter = {
  id: 'salesforce',
  label: 'Salesforce',
  // Lightning Experience, and My Domain hosts that serve it (sandboxes are sub-domains of both).
  hosts: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  matches: (url) => HOST.test(url.hostname),
  recordKey(url) {
    const where = place(url);
    return where?.id ? `${where.object ?? where.id.slice(0, 3)}/${where.id}` : undefined;
  },
  read(doc, url) {
    try {
      const id = accountId(url);
      if (!id) return null;
      const { company, raw, find } = readAccount(doc, id);
      // A name or website identifies the account; otherwise at least two facts, so a
      // half-rendered page is not stored as an account of one stray field.
      if (!company.name && !company.domain && Object.keys(company).length < 2) return null;
      const snapshot: PageSnapshotInput = { site: 'salesforce', kind: 'company', url: url.href, recordId: id, company, people: readPeople(find) };
      const deals = readDeals(find);
      if (deals) snapshot.deals = deals;
      const text = raw.description?.join('\n');
      if (text) snapshot.text = text;
      return snapshot;
    } catch {
      return null;
    }
  },
  describeMissing(doc, url) {
    try {
      const wrong = wrongPage(url);
      if (wrong) return [wrong];
      const id = accountId(url);
      if (!id) return ['Open an Account record'];
      const { company } = readAccount(doc, id);
      return missingFacts(company);
    } catch {
      return ['company'];
    }
  },
  observeRoot(doc) {
    for (const selector of SELECTORS.observe) {
      const found = doc.querySelector(selector);
      if (found) return found;
    }
    return null;
  },
  examples: {
    company: [
      'https://vantage-bio.lightning.force.com/lightning/r/Account/0015g00000XyZabAAF/view',
      'https://vantage-bio.lightning.force.com/lightning/r/0015g00000XyZabAAF/view',
      'https://vantage-bio.lightning.force.com/lightning/r/Account/0015g00000XyZab/related/Contacts/view',
      'https://brandt-elektro--uat.sandbox.lightning.force.com/lightning/r/Account/0013X00002kLmNoQAK/view?ws=%2Flightning%2Fr%2FAccount%2F0013X00002kLmNoQAK%2Fview',
      'https://brandt-elektro.my.salesforce.com/lightning/r/Account/0013X00002kLmNoQAK/view',
    ],
    other: [
      'https://vantage-bio.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAV/view',
      'https://vantage-bio.lightning.force.com/lightning/r/Opportunity/0065g00000QrStUAA1/view',
      'https://vantage-bio.lightning.force.com/lightning/r/User/0055g00000FgHiJAAV/view',
      'https://vantage-bio.lightning.force.com/lightning/o/Account/list?filterName=Recent',
      'https://vantage-bio.lightning.force.com/lightning/o/Account/new?count=1&nooverride=1',
      'https://vantage-bio.lightning.force.com/lightning/page/home',
      'https://vantage-bio.my.salesforce.com/0015g00000XyZab',
    ],
  },
};
