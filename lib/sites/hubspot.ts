/**
 * HubSpot CRM company records.
 *
 *   https://app.hubspot.com/contacts/<portal>/record/0-2/<id>       current record page
 *   https://app.hubspot.com/contacts/<portal>/company/<id>          older URL, still redirected
 *   https://app-eu1.hubspot.com/...                                 EU data centre (also app-na2, app-ap1)
 *
 * Every record type lives under /contacts/; the object type id says which:
 * 0-1 contact, 0-2 company, 0-3 deal, 0-5 ticket. Only 0-2 is read.
 *
 * HubSpot's class names are hashed per build, so nothing here uses them: only
 * the `data-selenium-test` / `data-test-id` attributes HubSpot keeps for its
 * own UI tests. No public capture of a record page exists (see
 * ../../test/fixtures/pages/hubspot/), so the alternatives below are written
 * from public knowledge of the DOM; each says where it comes from.
 */
import type { PageSnapshotInput } from '../snapshot';
import { all, blockText, first, isEmptyValue, valueText } from './dom';
import { cleanText, countryCode, domainFromUrl, parseCount, parseMoney } from './normalise';
import { readPeople, tallyDeals } from './facts';
import { describeRecord, type MissingKind } from './missing';
import type { SiteAdapter } from './types';

const HOST = /^app(?:-[a-z]{2,3}\d*)?\.hubspot\.com$/;
/** `/contacts/<portal>/record/<type>/<id>` or the older `/contacts/<portal>/<company|contact|deal>/<id>`. */
const RECORD_PATH = /^\/contacts\/(\d+)\/(?:record\/(\d+-\d+)|(company|contact|deal|ticket))\/(\d+)(?:\/|$)/;
const OLD_TYPES: Record<string, string> = { contact: '0-1', company: '0-2', deal: '0-3', ticket: '0-5' };
const COMPANY = '0-2';

export const SELECTORS = {
  title: [
    // Record highlight (left sidebar) on the current record page.
    '[data-selenium-test="highlightTitle"]',
    // Same element in builds that moved test ids to data-test-id.
    '[data-test-id="highlightTitle"]',
    // Older company profile page (/contacts/<portal>/company/<id>).
    '[data-selenium-test="profile-title"]',
  ],
  subtitle: [
    // Under the title: the company domain as a link.
    '[data-selenium-test="highlightSubtitle"]',
    '[data-test-id="highlightSubtitle"]',
  ],
  /** A property's value by its internal name (`industry`, `numberofemployees`, ...). */
  property: (name: string) => [
    // "About this company" card and properties sidebar: the value control of a property row.
    `[data-selenium-test="property-input-${name}"]`,
    // Builds using data-test-id.
    `[data-test-id="property-input-${name}"]`,
    // Customised record layouts ("cards" with a property list).
    `[data-property-name="${name}"] [data-selenium-test="property-value"]`,
    `[data-property-name="${name}"]`,
  ],
  dealsCard: [
    // Association card in the right sidebar, keyed by object type id (deals are 0-3).
    '[data-selenium-test="associations-card-0-3"]',
    '[data-test-id="associations-card-0-3"]',
    // Older sidebar: a card named for the object.
    '[data-selenium-test="deals-card"]',
  ],
  contactsCard: [
    // Contacts are object type 0-1.
    '[data-selenium-test="associations-card-0-1"]',
    '[data-test-id="associations-card-0-1"]',
    '[data-selenium-test="contacts-card"]',
  ],
  cardItem: [
    // One associated record ("chicklet") in an association card.
    '[data-selenium-test="association-card-item"]',
    '[data-test-id="association-card-item"]',
    '[data-selenium-test="chicklet"]',
  ],
  itemTitle: ['[data-selenium-test="association-card-item-title"]', '[data-test-id="association-card-item-title"]', 'a'],
  dealAmount: ['[data-selenium-test="deal-amount"]', '[data-test-id="deal-amount"]', '[data-property-name="amount"]'],
  dealStage: ['[data-selenium-test="deal-stage"]', '[data-test-id="deal-stage"]', '[data-property-name="dealstage"]'],
  contactTitle: ['[data-selenium-test="contact-jobtitle"]', '[data-test-id="contact-jobtitle"]', '[data-property-name="jobtitle"]'],
  /** Notes, logged calls and emails in the activity timeline: what the rep and buyer said. */
  timelineBody: [
    '[data-selenium-test="timeline-note-body"]',
    '[data-selenium-test="timeline-call-body"]',
    '[data-selenium-test="timeline-email-body"]',
    '[data-test-id="timeline-card-body"]',
  ],
} as const;

const PROPERTIES = {
  name: 'name',
  domain: 'domain',
  industry: 'industry',
  employees: 'numberofemployees',
  annualRevenue: 'annualrevenue',
  country: 'country',
  city: 'city',
  lifecycle: 'lifecyclestage',
  type: 'type',
  owner: 'hubspot_owner_id',
} as const;

/** Stage labels and internal ids of closed deals, in the UI languages HubSpot ships. */
const WON = /closed\s*won|closedwon|wygran|выигр|успешн|câștigat|castigat|vinto|gewonnen|gagn|ganad|ganhou|受注|成約/i;
const LOST = /closed\s*lost|closedlost|przegran|проигр|pierdut|perso|verloren|perdu|perdid|失注/i;

interface Place {
  portal: string;
  type: string;
  id: string;
}

// Paths only: `matches` decides the host.
function place(url: URL): Place | undefined {
  const m = RECORD_PATH.exec(url.pathname);
  if (!m?.[1] || !m[4]) return undefined;
  const type = m[2] ?? OLD_TYPES[m[3] ?? ''];
  return type ? { portal: m[1], type, id: m[4] } : undefined;
}

/** A property row's own label inside its value element (edit layouts, screen-reader labels). */
const LABELS_IN_VALUE = 'label, legend, [data-selenium-test$="-label"], [data-test-id$="-label"], [class*="form__label"]';

function property(doc: Document, name: string): string | undefined {
  const el = first(doc, SELECTORS.property(name));
  if (!el) return undefined;
  // The value element may wrap the control used in edit mode.
  const control = el.matches('input, select, textarea') ? el : el.querySelector('input:not([type="hidden"]), select, textarea');
  let text = control ? valueText(control) : '';
  if (!text) {
    // Without the field's own label: else a dropdown's row reads as "Industry" (its value is in a button, never read as text).
    const labels = new Set(Array.from(el.querySelectorAll(LABELS_IN_VALUE)));
    text = cleanText(blockText(el, undefined, { skip: labels }).replace(/\n+/g, ' '));
    const dropdown = el.querySelector('button, [role="combobox"]');
    if (!text && dropdown) text = cleanText(dropdown.getAttribute('title') || dropdown.textContent);
  }
  return isEmptyValue(text) ? undefined : text;
}

function readDeals(doc: Document): PageSnapshotInput['deals'] {
  const card = first(doc, SELECTORS.dealsCard);
  if (!card) return undefined;
  return tallyDeals(
    all(card, SELECTORS.cardItem).map((item) => {
      const stageEl = first(item, SELECTORS.dealStage);
      const stage = `${valueText(stageEl)} ${stageEl?.getAttribute('data-stage-id') ?? ''}`;
      const amount = parseMoney(valueText(first(item, SELECTORS.dealAmount)));
      return { state: WON.test(stage) ? 'won' : LOST.test(stage) ? 'lost' : 'open', amount };
    }),
  );
}

const PEOPLE = { list: SELECTORS.contactsCard, item: SELECTORS.cardItem, name: SELECTORS.itemTitle, title: SELECTORS.contactTitle };

function readNotes(doc: Document): string | undefined {
  const bodies = all(doc, [SELECTORS.timelineBody.join(', ')]);
  const text = bodies.map((body) => blockText(body)).filter(Boolean).join('\n\n');
  return text || undefined;
}

function readCompany(doc: Document): PageSnapshotInput['company'] {
  const company: PageSnapshotInput['company'] = {};
  const name = cleanText(valueText(first(doc, SELECTORS.title))) || property(doc, PROPERTIES.name);
  if (name) company.name = name;
  const domain = domainFromUrl(property(doc, PROPERTIES.domain)) ?? domainFromUrl(valueText(first(doc, SELECTORS.subtitle)));
  if (domain) company.domain = domain;
  const industry = property(doc, PROPERTIES.industry);
  if (industry) company.industry = industry;
  const employees = parseCount(property(doc, PROPERTIES.employees));
  if (employees !== undefined) company.employees = employees;
  const revenue = parseMoney(property(doc, PROPERTIES.annualRevenue));
  if (revenue) company.annualRevenue = revenue;
  const country = property(doc, PROPERTIES.country);
  if (country) company.country = countryCode(country) ?? country;
  const city = property(doc, PROPERTIES.city);
  if (city) company.city = city;
  // Lifecycle stage says where the relationship is (lead, customer); the
  // "type" property (prospect, partner, reseller) is often left empty.
  const type = property(doc, PROPERTIES.lifecycle) ?? property(doc, PROPERTIES.type);
  if (type) company.type = type;
  const owner = property(doc, PROPERTIES.owner);
  if (owner) company.owner = owner;
  return company;
}

/** The kind of page the URL shows when it is not a company record; undefined on one. */
function pageKind(url: URL): Exclude<MissingKind, 'record'> | undefined {
  const where = place(url);
  if (where?.type === COMPANY) return undefined;
  if (where?.type === '0-1') return 'contact';
  if (where?.type === '0-3') return 'deal';
  return 'other';
}


export const hubspot: SiteAdapter = {
  id: 'hubspot',
  label: 'HubSpot',
  // HubSpot's regional data centres: app (US), app-eu1 (EU), app-na2, app-ap1.
  hosts: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*', 'https://app-na2.hubspot.com/*', 'https://app-ap1.hubspot.com/*'],
  matches: (url) => HOST.test(url.hostname),
  read(doc, url) {
    try {
      const where = place(url);
      if (!where || where.type !== COMPANY) return null;
      const company = readCompany(doc);
      if (!company.name && !company.domain) return null;
      const snapshot: PageSnapshotInput = {
        site: 'hubspot',
        kind: 'company',
        url: url.href,
        recordId: where.id,
        company,
        people: readPeople(doc, PEOPLE),
      };
      const deals = readDeals(doc);
      if (deals) snapshot.deals = deals;
      const text = readNotes(doc);
      if (text) snapshot.text = text;
      return snapshot;
    } catch {
      return null;
    }
  },
  describeMissing: describeRecord(pageKind, (doc) => ({ company: readCompany(doc) })),
  examples: {
    company: [
      'https://app.hubspot.com/contacts/4410123/record/0-2/18234567012',
      'https://app.hubspot.com/contacts/4410123/record/0-2/18234567012/view/1',
      'https://app-eu1.hubspot.com/contacts/26012345/company/9876543210',
      'https://app-eu1.hubspot.com/contacts/26012345/record/0-2/9876543210?interaction=note',
    ],
    other: [
      'https://app.hubspot.com/contacts/4410123/record/0-1/51234',
      'https://app.hubspot.com/contacts/4410123/record/0-3/7781234001',
      'https://app.hubspot.com/contacts/4410123/objects/0-2/views/all/list',
      'https://app-eu1.hubspot.com/contacts/26012345/contact/51234',
      'https://app.hubspot.com/reports-dashboard/4410123/view/1234',
    ],
  },
};
