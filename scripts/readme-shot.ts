/**
 * Retakes docs/panel.png, the README's picture of the panel at its real size in
 * Chrome's side panel (360 × 765), from the demo HubSpot page:
 * `npm run build && npx tsx scripts/readme-shot.ts`.
 */
import { launchWithExtension, openPanel, routePages } from './lib/browser';
import { loadFixture } from './lib/fixtures';

const page = loadFixture('hubspot/company-northwind');
const browser = await launchWithExtension();
await routePages(browser.context, [page]);
const panel = await openPanel(browser, { width: 360, height: 765 });
await (await browser.context.newPage()).goto(page.url);
await panel.waitForSelector('[data-testid="for-this-call"]');
await panel.bringToFront();
await panel.emulateMedia({ colorScheme: 'light' });
await panel.screenshot({ path: 'docs/panel.png' });
await browser.close();
