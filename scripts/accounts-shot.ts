/**
 * `npx tsx scripts/accounts-shot.ts`: the screenshot in docs/accounts.md. Builds nothing: run
 * `npm run build` first. Reads the demo HubSpot record, imports a 1,000-row export, pins the
 * record with a reason and saves the page with its detail open.
 */
import { launchWithExtension, routePages } from './lib/browser';
import { hubspotExport } from './lib/bench-accounts';
import { loadFixture } from './lib/fixtures';

const northwind = loadFixture('hubspot/company-northwind');
const browser = await launchWithExtension({ viewport: { width: 1280, height: 1100 } });
try {
  await routePages(browser.context, [northwind]);
  const crm = await browser.context.newPage();
  await crm.goto(northwind.url);
  const book = await browser.context.newPage();
  await book.goto(`chrome-extension://${browser.extensionId}/accounts.html`);
  await book.waitForSelector('[data-testid="book-row"]', { timeout: 30_000 });
  await book.setInputFiles('[data-testid="import-file"]', { name: 'hubspot.csv', mimeType: 'text/csv', buffer: Buffer.from(hubspotExport(1000), 'utf8') });
  await book.click('[data-testid="import-start"]');
  await book.waitForSelector('[data-testid="import-result"]', { timeout: 120_000 });
  await book.fill('[data-testid="search"]', 'northwind');
  await book.click('[data-testid="book-row"]');
  await book.selectOption('[data-testid="pin-segment"]', 'key');
  await book.fill('[data-testid="pin-reason"]', 'Board sponsor signs the framework deal in Q1');
  await book.click('[data-testid="pin-save"]');
  await book.waitForSelector('[data-testid="pin-note"]');
  await book.fill('[data-testid="search"]', '');
  await book.waitForTimeout(300);
  await book.screenshot({ path: 'docs/accounts.png', fullPage: true });
  console.log('docs/accounts.png written');
} finally {
  await browser.close();
}
