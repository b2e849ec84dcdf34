import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, openPanel, routePages, type ExtensionBrowser } from '../../scripts/lib/browser';
import { loadFixture } from '../../scripts/lib/fixtures';
import { cardFor, openSite } from './helpers';

// Issue 14, defect 6: an 80-character company name with no spaces made the 400 px panel 908 px
// wide. At the narrowest side panel (320 px) nothing may overflow sideways.

const LONG_NAME = 'Przedsiębiorstwo'.repeat(5);
const northwind = loadFixture('hubspot/company-northwind');
const longNamed = {
  url: northwind.url.replace(/\d+$/, '424242'),
  html: northwind.html.replaceAll('Northwind Logistics', LONG_NAME).replaceAll('northwind-logistics.com', 'przedsiebiorstwo-bez-spacji.pl'),
};

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
  await routePages(browser.context, [longNamed]);
});
afterAll(() => browser?.close());

test('an 80-character company name without spaces wraps inside a 320 px panel', async () => {
  expect(LONG_NAME).toHaveLength(80);
  const panel = await openPanel(browser, { width: 320, height: 765 });
  await openSite(browser, longNamed.url);
  await cardFor(panel, LONG_NAME);
  await panel.bringToFront();
  expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  // Every fold open, the same: the facts, the service level, the evidence.
  await panel.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  expect(browser.errors).toEqual([]);
});
