/**
 * Retakes docs/panel.png, the README's picture of the panel, from the demo
 * HubSpot page: `npm run build && npx tsx scripts/readme-shot.ts`.
 */
import { launchWithExtension, openPanel, routePages } from './lib/browser';
import { loadFixture } from './lib/fixtures';

const page = loadFixture('hubspot/company-northwind');
const browser = await launchWithExtension();
await routePages(browser.context, [page]);
const panel = await openPanel(browser, { width: 380, height: 1100 });
await (await browser.context.newPage()).goto(page.url);
await panel.waitForSelector('[data-testid="checklist"]');
await panel.bringToFront();
await panel.click('.evidence summary');
await panel.screenshot({ path: 'docs/panel.png' });
await browser.close();
