/**
 * LinkedIn company pages, on every tab, logged in:
 *
 *   https://www.linkedin.com/company/<slug>/            overview (posts by default)
 *   https://www.linkedin.com/company/<slug>/about/      About: website, industry, size, headquarters, founded
 *   https://www.linkedin.com/company/<slug>/people/     (also posts/, jobs/, life/)
 *
 * Every tab shows the top card (`org-top-card*`): name, industry, headquarters,
 * followers and the company size as a range ("51-200 employees"). The About
 * tab adds a definition list with the website and the founding year.
 * Nothing here reads an English word: the UI is localised, so facts are told
 * apart by where they stand and what they look like (a range, a year, a link
 * off LinkedIn). Logged-out company pages (`top-card-layout*`) are read the
 * same way from their own classes.
 *
 * Never read: anything about the viewer or about members (who works here,
 * connections, posts): the snapshot carries no people and no text.
 *
 * Structure from real captures (test/fixtures/pages/linkedin/, trimmed and
 * redacted): 2025 (SubstrateLabs/brocc) and 2021 (microlinkhq/metascraper).
 */
import type { PageSnapshotInput } from '../snapshot';
import { all, first, valueText } from './dom';
import { cleanText, countryCode, domainFromUrl } from './normalise';
import { wrongPage } from './missing';
import type { SiteAdapter } from './types';

const COMPANY_PATH = /^\/company\/([^/]+)(?:\/|$)/;

export const SELECTORS = {
  card: [
    // Logged in, 2021-2025: the top card section.
    'section.org-top-card',
    '[class*="org-top-card"]',
    // Logged out.
    'section.top-card-layout',
  ],
  name: [
    // 2025: the title carries the name in `title` too.
    'h1.org-top-card-summary__title',
    // 2021: `h1.t-24[title]` inside the primary content.
    '[class*="org-top-card"] h1[title]',
    '[class*="org-top-card"] h1',
    // Logged out.
    'h1.top-card-layout__title',
  ],
  /** Industry first, then (in an inline block) headquarters, followers and the size link. */
  infoList: ['.org-top-card-summary-info-list', '.top-card-layout__first-subline'],
  infoItem: ['.org-top-card-summary-info-list__info-item'],
  /** About tab: `dt` (localised label) and `dd` pairs. */
  aboutList: ['.org-page-details-module__card-spacing dl', 'section.org-about-module__margin-bottom dl', 'dl'],
} as const;

/** "51-200 employees", "10,001+ employees", "1 001–5 000 salariés", "11-50 сотрудников". */
const RANGE = /(\d[\d\s.,\u00a0\u202f]*)\s*[-–—]\s*(\d[\d\s.,\u00a0\u202f]*)|(\d[\d\s.,\u00a0\u202f]*)\s*\+/u;
const YEAR = /^(1[6-9]\d\d|20\d\d)$/;
/** US state codes: "Mountain View, CA" is in the US. */
const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(' '),
);

function slugOf(url: URL): string | undefined {
  const slug = COMPANY_PATH.exec(url.pathname)?.[1];
  if (!slug) return undefined;
  try {
    return decodeURIComponent(slug).slice(0, 200);
  } catch {
    return slug.slice(0, 200);
  }
}

function integer(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const digits = text.replace(/[^\d]/g, '');
  return digits && digits.length <= 9 ? Number(digits) : undefined;
}

/** A company size as LinkedIn shows it; a plain number ("38 employees": members on LinkedIn) is not one. */
export function sizeRange(text: string): { min: number; max?: number } | undefined {
  const m = RANGE.exec(text.slice(0, 200));
  if (!m) return undefined;
  if (m[3] !== undefined) {
    const min = integer(m[3]);
    return min !== undefined ? { min } : undefined;
  }
  const min = integer(m[1]);
  const max = integer(m[2]);
  if (min === undefined || max === undefined || max < min) return undefined;
  return { min, max };
}

/** "Mountain View, CA" → city and US; "London, England" → city and GB; "Poznań, Wielkopolskie" → city only. */
function place(text: string): { city?: string; country?: string } {
  const parts = text.split(',').map(cleanText).filter(Boolean);
  if (!parts.length) return {};
  const result: { city?: string; country?: string } = {};
  const last = parts[parts.length - 1]!;
  const country = parts.length > 1 ? (US_STATES.has(last) ? 'US' : countryCode(last)) : countryCode(last);
  if (country) result.country = country;
  if (!(parts.length === 1 && country)) result.city = parts[0]!;
  return result;
}

/** A link off LinkedIn (the company's website), never LinkedIn's own or its shortener. */
function websiteIn(root: ParentNode): string | undefined {
  for (const link of Array.from(root.querySelectorAll('a[href^="http"]')).slice(0, 50)) {
    const domain = domainFromUrl(link.getAttribute('href'));
    if (domain && !/(?:^|\.)(?:linkedin\.com|lnkd\.in|licdn\.com)$/.test(domain)) return domain;
  }
  return undefined;
}

function readCompany(doc: Document): PageSnapshotInput['company'] | undefined {
  const card = first(doc, SELECTORS.card);
  const nameEl = first(card ?? doc, SELECTORS.name) ?? first(doc, SELECTORS.name);
  const name = cleanText(nameEl?.getAttribute('title')) || valueText(nameEl);
  if (!name) return undefined;
  const company: PageSnapshotInput['company'] = { name };

  const list = card ? first(card, SELECTORS.infoList) : null;
  const items = list ? all(list, SELECTORS.infoItem) : [];
  // The industry is the list's own first item; the rest sit in an inline block.
  const industry = items.find((item) => item.parentElement === list);
  const industryText = industry ? valueText(industry) : '';
  if (industryText && !/\d/.test(industryText)) company.industry = industryText;
  const nested = items.filter((item) => item.parentElement !== list);
  const hq = nested.find((item) => !/\d/.test(valueText(item)) && item.tagName !== 'A');
  if (hq) Object.assign(company, place(valueText(hq)));
  for (const item of items) {
    const range = sizeRange(valueText(item));
    if (range) {
      company.employeesRange = range;
      break;
    }
  }

  // About tab: values told apart by their form (the labels are in the UI's language).
  const about = first(doc, SELECTORS.aboutList);
  if (about) {
    const domain = websiteIn(about);
    if (domain) company.domain = domain;
    for (const dd of Array.from(about.querySelectorAll('dd')).slice(0, 40)) {
      const text = valueText(dd);
      if (YEAR.test(text) && company.founded === undefined) company.founded = Number(text);
      const range = company.employeesRange ? undefined : sizeRange(text);
      if (range) company.employeesRange = range;
    }
  }
  // Scoring compares `employees` with the playbook's thresholds: the range's lower bound never overstates a company.
  if (company.employeesRange) company.employees = company.employeesRange.min;
  return company;
}

export const linkedin: SiteAdapter = {
  id: 'linkedin',
  label: 'LinkedIn',
  // The whole site: LinkedIn is a single-page app, so a company page is often reached from the feed or a search.
  hosts: ['https://www.linkedin.com/*'],
  matches: (url) => url.hostname === 'www.linkedin.com',
  read(doc, url) {
    try {
      const slug = slugOf(url);
      if (!slug) return null;
      const company = readCompany(doc);
      if (!company) return null;
      return { site: 'linkedin', kind: 'company', url: url.href, recordId: slug, company, people: [] };
    } catch {
      return null;
    }
  },
  describeMissing(doc, url) {
    if (!slugOf(url)) return wrongPage('other');
    return { kind: 'record', facts: ['name'] };
  },
  observeRoot: (doc) => doc.querySelector('main'),
  examples: {
    company: [
      'https://www.linkedin.com/company/motionapp/about/',
      'https://www.linkedin.com/company/motionapp/',
      'https://www.linkedin.com/company/motionapp/people/',
      'https://www.linkedin.com/company/audiense/jobs/',
    ],
    other: ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/in/some-member/', 'https://www.linkedin.com/jobs/view/1234567/', 'https://www.linkedin.com/search/results/companies/?keywords=motion'],
  },
};
