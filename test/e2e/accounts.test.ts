import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, routePages, type ExtensionBrowser } from '../../scripts/lib/browser';
import { loadFixture } from '../../scripts/lib/fixtures';
import { cardFor, openSite, spaNavigate } from './helpers';

// Northwind's HubSpot record: 420 employees (3 points), $38M revenue (2), 1 won deal (1), 2 open
// deals (2) = 8 points: Standard account. Edited to 30 employees (1 point) it has 6: Low-touch.
const northwind = loadFixture('hubspot/company-northwind');
const edited = {
  ...northwind,
  url: `${northwind.url}?tab=about`,
  html: northwind.html.replace('value="420"', 'value="30"'),
};

/**
 * A HubSpot companies export of 1,000 rows: 100 with 1,500 employees and $300M (4 + 4 = 8 points,
 * Standard), 897 with 20 employees and $500K (1 + 0 = 1, Low-touch), and 3 broken rows.
 */
function hubspotExport(): string {
  const lines = ['Record ID,Company name,Company Domain Name,Number of Employees,Annual Revenue,Country/Region,Create Date'];
  for (let i = 0; i < 997; i++) {
    const big = i < 100;
    lines.push(`${7000 + i},"Company ${i}, Ltd",company-${i}.example.com,${big ? '"1,500"' : 20},${big ? '"$300,000,000.00"' : '"$500,000"'},Poland,2026-01-0${(i % 9) + 1}`);
  }
  lines.push('8001,Too Vague Inc,vague.example.com,lots,,Poland,2026-01-01');
  lines.push(',,,12,,Poland,2026-01-01');
  lines.push('8003,No Site,not a site,12,,Poland,2026-01-01');
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

async function openBook(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/accounts.html`);
  await page.waitForSelector('[data-testid="shown-count"]');
  return page;
}

async function rowSegment(page: Page, name: string, segment: string) {
  await page.waitForFunction(
    ([wanted, label]) =>
      [...document.querySelectorAll('[data-testid="book-row"]')].some(
        (row) => row.querySelector('.name')?.firstChild?.textContent === wanted && row.querySelector('[data-testid="row-segment"]')?.textContent?.startsWith(label!),
      ),
    [name, segment] as const,
    { timeout: 15_000 },
  );
}

async function importFile(page: Page, name: string, content: string) {
  await page.setInputFiles('[data-testid="import-file"]', { name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  await page.click('[data-testid="import-start"]');
  await page.waitForSelector('[data-testid="import-result"]', { timeout: 30_000 });
}

async function exportFile(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export"]')]);
  return readFileSync((await download.path())!, 'utf8');
}

const scoredSegments = (csv: string) => {
  const rows = Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
  return Object.fromEntries(rows.map((row) => [row.key, row.scored_segment]));
};

let browser: ExtensionBrowser;

describe('My accounts in real Chromium', () => {
  beforeAll(async () => {
    browser = await launchWithExtension();
    await routePages(browser.context, [northwind, edited]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    expect(browser.errors).toEqual([]);
  });

  test('a fact changed on the CRM page moves the account, and the history says why', async () => {
    const crm = await openSite(browser, northwind.url);
    const book = await openBook(browser);
    await rowSegment(book, 'Northwind Logistics', 'Standard account');
    // Body text is 14 px (Chromium's extension stylesheet shrinks an extension page's body to 75 %).
    expect(await book.$eval('[data-testid="book-row"]', (row) => getComputedStyle(row).fontSize)).toBe('14px');
    await spaNavigate(crm, edited);
    await rowSegment(book, 'Northwind Logistics', 'Low-touch');
    await book.click('[data-testid="book-row"]');
    await book.waitForSelector('[data-testid="account-history"]');
    const history = await book.textContent('[data-testid="account-history"]');
    expect(history).toMatch(/^Moved from Standard account to Low-touch on ([A-Z][a-z]{2} \d{1,2}|\d{1,2} [A-Z][a-z]{2})employees 420 → 30/);
    expect(history).toContain('employees 420 → 30');
    expect(await book.textContent('[data-testid="last-move"]')).toContain('employees 420 → 30');

    // The panel on that account says the same under its header.
    const key = await book.getAttribute('[data-testid="book-row"]', 'data-key');
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html#account=${encodeURIComponent(key!)}`);
    await cardFor(panel, 'Northwind Logistics');
    await panel.waitForSelector('[data-testid="book-line"] [data-testid="last-move"]');
    expect(await panel.textContent('[data-testid="last-move"]')).toMatch(/^Moved from Standard account to Low-touch on ([A-Z][a-z]{2} \d{1,2}|\d{1,2} [A-Z][a-z]{2}) · employees 420 → 30$/);
    await panel.close();
    await crm.close();
    await book.close();
  });

  test('pinning needs a reason; the pin shows beside the score, in the list and in the history', async () => {
    const book = await openBook(browser);
    await book.click('[data-testid="book-row"]');
    await book.selectOption('[data-testid="pin-segment"]', 'key');
    await book.fill('[data-testid="pin-reason"]', 'ok');
    await book.click('[data-testid="pin-save"]');
    expect(await book.textContent('[role="alert"]')).toBe('Write why you pin this account (at least 5 characters).');
    await book.fill('[data-testid="pin-reason"]', 'Board sponsor <b>signs</b> the framework deal');
    await book.click('[data-testid="pin-save"]');
    await book.waitForSelector('[data-testid="pin-note"]');
    expect(await book.textContent('[data-testid="pin-note"]')).toBe('Pinned by you: Board sponsor <b>signs</b> the framework deal · Scored: Low-touch');
    expect(await book.$$eval('[data-testid="pin-note"] b', (bold) => bold.length)).toBe(0);
    await rowSegment(book, 'Northwind Logistics', 'Key account pinned');
    expect(await book.textContent('[data-testid="account-history"] li strong')).toMatch(/^Pinned to Key account on /);

    // One click opens the account's card in the panel page.
    const [card] = await Promise.all([browser.context.waitForEvent('page'), book.click('[data-testid="open-card"]')]);
    await cardFor(card, 'Northwind Logistics');
    // The panel treats it as the pinned segment, says so beside the score, and loads the
    // history and the pin form (a chunk of their own) when the rep opens them.
    expect(await card.getAttribute('[data-testid="segment-label"]', 'data-segment')).toBe('key');
    expect(await card.textContent('[data-testid="pin-note"]')).toBe('Pinned by you: Board sponsor <b>signs</b> the framework deal · Scored: Low-touch');
    await card.click('[data-testid="book-open"]');
    await card.waitForSelector('[data-testid="account-history"]');
    expect(await card.textContent('[data-testid="account-history"] li strong')).toMatch(/^Pinned to Key account on /);
    expect(await card.inputValue('[data-testid="pin-segment"]')).toBe('key');
    await card.close();
    await book.close();
  });

  test('a CSV of 1,000 rows imports with its bad rows listed, and the book shows distribution and Pareto', async () => {
    const book = await openBook(browser);
    await book.setInputFiles('[data-testid="import-file"]', { name: 'hubspot-companies.csv', mimeType: 'text/csv', buffer: Buffer.from(hubspotExport(), 'utf8') });
    expect(await book.textContent('.mapping p')).toBe('Looks like an export from HubSpot.');
    // The rows are read while the rep checks the mapping, and read again when a column changes.
    const preview = async (expected: string) => {
      await book.waitForFunction((text) => document.querySelector('[data-testid="import-preview"]')?.textContent === text, expected);
    };
    await preview('Accounts to import: 997. Rows that cannot be imported: 3.');
    await book.selectOption('select[aria-label="Number of Employees"]', 'ignore');
    await preview('Accounts to import: 998. Rows that cannot be imported: 2.');
    await book.selectOption('select[aria-label="Number of Employees"]', 'employees');
    await preview('Accounts to import: 997. Rows that cannot be imported: 3.');
    // The mapping fits the narrowest panel width: nothing sticks out of its card sideways.
    const viewport = book.viewportSize()!;
    await book.setViewportSize({ width: 320, height: viewport.height });
    expect(
      await book.$eval('.import', (card) => {
        const edge = card.getBoundingClientRect().right;
        return [...card.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > edge + 0.5).map((element) => element.tagName);
      }),
    ).toEqual([]);
    await book.setViewportSize(viewport);
    await book.click('[data-testid="import-start"]');
    await book.waitForSelector('[data-testid="import-result"]', { timeout: 30_000 });
    expect(await book.textContent('[data-testid="import-result"] .ok')).toBe('Imported: 997 new, 0 updated, 0 unchanged.');
    expect(await book.$$eval('[data-testid="import-problems"] li', (items) => items.map((item) => item.textContent))).toEqual([
      'Row 999: Number of Employees: "lots" is not a number',
      'Row 1000: no name, website or record id',
      'Row 1001: Company Domain Name: "not a site" is not a website',
    ]);
    await book.waitForFunction(() => document.querySelector('[data-testid="shown-count"]')?.getAttribute('data-shown') === '998');
    const distribution = await book.$$eval('[data-testid="distribution-line"]', (lines) =>
      lines.map((line) => [line.getAttribute('data-segment'), Number(line.getAttribute('data-accounts')), Number(line.getAttribute('data-revenue'))]),
    );
    expect(distribution).toEqual([
      ['key', 1, 38_000_000],
      ['growth', 0, 0],
      ['standard', 100, 30_000_000_000],
      ['low-touch', 897, 448_500_000],
    ]);
    // The top 100 of 998 accounts hold 30,000M of 30,486.5M.
    expect(await book.textContent('[data-testid="pareto-figure"]')).toBe('The top 10% of your accounts hold 98% of the revenue.');

    // Search and segment filter.
    const names = () => book.$$eval('[data-testid="book-row"]', (rows) => rows.slice(0, 4).map((row) => row.querySelector('.name')?.firstChild?.textContent));
    await book.fill('[data-testid="search"]', 'company-99.example');
    await book.waitForFunction(() => document.querySelector('[data-testid="shown-count"]')?.getAttribute('data-shown') === '1');
    // The rows on screen are reused by place: each must show its new account, not the one before.
    expect(await names()).toEqual(['Company 99, Ltd']);
    // The rows the list no longer reaches wait in the page as spares: unseen, and adding no scroll.
    expect(
      await book.$eval('[data-testid="book-body"]', (body) => ({
        scrollable: body.scrollHeight > body.clientHeight,
        seen: [...body.querySelectorAll('[role="row"]')].filter((row) => row.checkVisibility({ visibilityProperty: true })).length,
      })),
    ).toEqual({ scrollable: false, seen: 1 });
    await book.fill('[data-testid="search"]', '');
    await book.waitForFunction(() => document.querySelector('[data-testid="shown-count"]')?.getAttribute('data-shown') === '998');
    // Segment order (Key: Northwind, pinned in the test before; then Standard), then key order.
    expect(await names()).toEqual(['Northwind Logistics', 'Company 0, Ltd', 'Company 1, Ltd', 'Company 10, Ltd']);
    // Scrolled halfway down, the rows there are rendered (and only a screen's worth of rows). Row 500:
    // after Northwind and Standard's 100, the 400th Low-touch account in key order (company-100 … 996).
    await book.$eval('[data-testid="book-body"]', (body) => (body.scrollTop = 36 * 500));
    await book.waitForFunction(() => document.querySelector('[data-testid="book-row"][data-index="500"]'));
    expect(await book.$eval('[data-testid="book-row"][data-index="500"] .name', (name) => name.firstChild?.textContent)).toBe('Company 499, Ltd');
    expect(await book.$$eval('[data-testid="book-row"]', (rows) => rows.length)).toBeLessThan(30);
    await book.$eval('[data-testid="book-body"]', (body) => (body.scrollTop = 0));
    // The keyboard: a row takes focus, arrows move it, End goes to the book's last account
    // (scrolled into view), Enter opens it.
    const focused = () => book.evaluate(() => document.activeElement?.querySelector('.name')?.firstChild?.textContent);
    await book.focus('[data-testid="book-row"][data-index="0"]');
    await book.keyboard.press('ArrowDown');
    await book.waitForFunction(() => document.activeElement?.getAttribute('data-index') === '1');
    expect(await focused()).toBe('Company 0, Ltd');
    await book.keyboard.press('End');
    await book.waitForFunction(() => document.activeElement?.getAttribute('data-index') === '997');
    expect(await focused()).toBe('Company 996, Ltd');
    await book.keyboard.press('Enter');
    await book.waitForFunction(() => document.querySelector('.detail-title')?.textContent === 'Company 996, Ltd');
    await book.selectOption('[data-testid="filter-segment"]', 'standard');
    await book.waitForFunction(() => document.querySelector('[data-testid="shown-count"]')?.getAttribute('data-shown') === '100');
    await book.close();
  });

  test('the export re-imports to the same segments in another browser', async () => {
    const book = await openBook(browser);
    const exported = await exportFile(book);
    const segments = scoredSegments(exported);
    expect(Object.keys(segments)).toHaveLength(998);
    expect(segments['domain:northwind-logistics.com']).toBe('low-touch');
    expect(Object.values(segments).filter((s) => s === 'standard')).toHaveLength(100);
    expect(exported).toContain(',key,Key account,low-touch,key,Board sponsor <b>signs</b> the framework deal,');
    await book.close();

    const other = await launchWithExtension();
    try {
      const fresh = await openBook(other);
      await importFile(fresh, 'playcard-accounts.csv', exported);
      expect(await fresh.textContent('[data-testid="import-result"] .ok')).toBe('Imported: 998 new, 0 updated, 0 unchanged.');
      await fresh.waitForFunction(() => document.querySelector('[data-testid="shown-count"]')?.getAttribute('data-shown') === '998');
      expect(scoredSegments(await exportFile(fresh))).toEqual(segments);
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
