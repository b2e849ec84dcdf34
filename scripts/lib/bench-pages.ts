/**
 * Pages for `npm run bench`, generated from the test fixtures:
 * - a "heavy" record page: the site's company fixture plus ~10,000 realistic
 *   extra elements (an activity timeline, a related-list table, a live feed)
 *   inside the record's container but outside its fields, so the adapter's
 *   selectors have to work on a big DOM;
 * - "variants" of a company fixture: the same record as another company
 *   (another name, domain and record id), for first visits of the panel.
 *
 * A variant is checked in node (happy-dom, the library's own reader) to read
 * as another account; a heavy page is checked in Chromium by the benchmark:
 * the content script must report exactly what it reports for the fixture.
 */
import { readdirSync } from 'node:fs';
import { Window } from 'happy-dom';
import { accountKeyOf } from '../../lib/core/account';
import { contentReader, readPage } from '../../lib/sites';
import { PageSnapshot } from '../../lib/snapshot';
import { FIXTURES_DIR, loadFixture, type FixturePage } from './fixtures';

/** Sites with their own content script: every folder of fixtures but `generic`. */
export function benchSites(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'generic')
    .map((entry) => entry.name)
    .sort();
}

/** A site's fixtures that are company records or threads, in file order; throws when a fixture does not load. */
export function companyFixtures(site: string): FixturePage[] {
  return readdirSync(`${FIXTURES_DIR}${site}`)
    .filter((file) => file.endsWith('.expected.json'))
    .sort()
    .map((file) => loadFixture(`${site}/${file.replace(/\.expected\.json$/, '')}`))
    .filter((page) => page.expected !== null);
}

function parse(html: string, url: string): Document {
  const window = new Window({ url });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/**
 * What the content script running on `url` reads from a page (the same reader,
 * run here), parsed as the background parses it; throws when it reads nothing.
 */
export function readOf(html: string, url: string): PageSnapshot {
  const read = readPage(parse(html, url), url);
  if (!read) throw new Error(`the library reads nothing from ${url}`);
  return PageSnapshot.parse(read);
}

export function accountKeyOfPage(html: string, url: string): string {
  const key = accountKeyOf(readOf(html, url));
  if (!key) throw new Error(`no account key for ${url}`);
  return key;
}

const FIRST = ['Jordan', 'Alex', 'Sam', 'Robin', 'Kasia', 'Tomasz', 'Lena', 'Mateo', 'Aiko', 'Noor', 'Felix', 'Ines'];
const LAST = ['Baker', 'Nowak', 'Okafor', 'Schulz', 'Rossi', 'Tanaka', 'Dubois', 'Silva', 'Kowal', 'Hughes'];
const TASKS = ['Follow up on shipment batch', 'Prepare quarterly review', 'Send revised route plan', 'Check onboarding ticket', 'Confirm workshop agenda', 'Review SLA report'];
const STATUSES = ['Open', 'Waiting on customer', 'In progress', 'Closed', 'Escalated'];
const PRIORITIES = ['Low', 'Medium', 'High', 'Urgent'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const person = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
const day = (i: number) => `${MONTHS[i % 12]} ${1 + (i % 28)}, ${2023 + (i % 3)}`;

/**
 * ~`elements` elements of what a CRM shows around a record: activity timeline
 * items (nested lists), a related-list table, and an (empty) live feed the
 * overhead benchmark fills. No emails, domains, amounts or field labels, so a
 * correct adapter reads the same record with or without it.
 */
export function extraContent(elements = 10_000): { html: string; elements: number } {
  const parts: string[] = ['<section class="bench-related" aria-label="Activity and related lists"><ul class="live-feed" aria-live="polite"></ul>'];
  let count = 2;
  parts.push('<div class="timeline">');
  count++;
  let i = 0;
  // 13 elements an item; about half the budget.
  for (; count < elements / 2; i++, count += 13) {
    parts.push(
      `<article class="tl-item" data-item="${i}"><header><span class="tl-icon"></span><strong>${TASKS[i % TASKS.length]} ${1000 + i}</strong><time datetime="2024-01-01">${day(i)}</time></header>` +
        `<div class="tl-body"><p>Checked the <a href="#/tasks/${i}">plan</a> with <span class="mention">@${person(i)}</span>.</p>` +
        `<ul><li>Step one done</li><li>Waiting for a reply</li><li>Next: call on ${day(i + 3)}</li></ul></div></article>`,
    );
  }
  parts.push('</div><table class="related-list"><thead><tr><th>Ticket</th><th>Status</th><th>Priority</th><th>Assignee</th><th>Updated</th></tr></thead><tbody>');
  count += 9;
  // 8 elements a row.
  for (let r = 0; count < elements; r++, count += 8) {
    parts.push(
      `<tr><td><a href="#/tickets/${5000 + r}">Ticket #${5000 + r}</a></td><td>${STATUSES[r % STATUSES.length]}</td><td>${PRIORITIES[r % PRIORITIES.length]}</td>` +
        `<td><span class="pill">${person(r + 3)}</span></td><td>${day(r)}</td></tr>`,
    );
  }
  parts.push('</tbody></table></section>');
  return { html: parts.join(''), elements: count };
}

export interface HeavyCandidate {
  /** Where the extra content went: the record's container (the adapter's observeRoot) or the body. */
  where: string;
  html: string;
  /** Elements added. */
  elements: number;
}

/**
 * The fixture with ~`elements` extra elements at the end of the record's
 * container (the adapter's observeRoot), then the same at the end of the body:
 * the benchmark uses the first one the adapter reads exactly as the fixture
 * (checked in Chromium, by the content script itself).
 */
export function heavyCandidates(page: { url: string; html: string }, site: string, elements = 10_000): HeavyCandidate[] {
  const extra = extraContent(elements);
  const reader = contentReader(site);
  const places: Array<{ where: string; pick: (doc: Document) => Element | null | undefined }> = [
    { where: 'record container', pick: (doc) => reader?.observeRoot(doc) },
    { where: 'body', pick: (doc) => doc.body },
  ];
  const out: HeavyCandidate[] = [];
  for (const place of places) {
    const doc = parse(page.html, page.url);
    const target = place.pick(doc);
    if (!target) continue;
    // A marker, replaced in the serialised page: far faster than building 10,000 nodes in happy-dom.
    target.appendChild(doc.createComment('playcard-bench-extra'));
    const html = `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`.replace('<!--playcard-bench-extra-->', extra.html);
    out.push({ where: place.where, html, elements: extra.elements });
  }
  return out;
}

export interface Variant {
  url: string;
  html: string;
  accountKey: string;
}

/**
 * The fixture as another company: its domain (and so its emails), record id
 * and name replaced. Checked: it must read as a different account.
 */
export function variantOf(page: FixturePage, n: number): Variant {
  const company = (page.expected?.company ?? {}) as { name?: string; domain?: string };
  const recordId = (page.expected as { recordId?: string } | null)?.recordId;
  const original = accountKeyOfPage(page.html, page.url);
  const make = (changeId: boolean): Variant => {
    const replace = (text: string) => {
      let out = text;
      if (company.domain) out = out.split(company.domain).join(`v${n}-${company.domain}`);
      // Same length and alphabet: some sites check the id's format (Salesforce's 15/18 characters).
      if (changeId && recordId && recordId.length > 4) out = out.split(recordId).join(recordId.slice(0, -4) + String(n % 10_000).padStart(4, '0'));
      if (company.name) out = out.split(company.name).join(`${company.name} ${n}`);
      return out;
    };
    let url = replace(page.url);
    const html = replace(page.html);
    if (url === page.url) {
      // The id is written differently in the URL (case, braces): another URL all the same, or it is no navigation.
      const parsed = new URL(url);
      parsed.searchParams.append('bench', String(n));
      url = parsed.href;
    }
    const accountKey = accountKeyOfPage(html, url);
    if (accountKey === original) throw new Error(`variant ${n} of ${page.name} reads as the same account`);
    return { url, html, accountKey };
  };
  try {
    return make(true);
  } catch {
    return make(false);
  }
}
