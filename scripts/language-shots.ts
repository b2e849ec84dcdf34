/**
 * Retakes docs/panel-<lang>.png: the panel at the side panel's real size (360 × 765) on the
 * demo HubSpot company, in a browser set to each of the UI's other languages (docs/panel.png
 * is English): `npm run build && npx tsx scripts/language-shots.ts`. Prints anything wider
 * than the panel, so a long translation that overflows is seen before the picture is.
 */
import { launchWithExtension, openPanel, routePages } from './lib/browser';
import { loadFixture } from './lib/fixtures';

const SIDE_PANEL = { width: 360, height: 765 };
const page = loadFixture('hubspot/company-northwind');

for (const language of ['pl', 'ru', 'ro', 'it']) {
  const browser = await launchWithExtension({ languages: [language] });
  await routePages(browser.context, [page]);
  const panel = await openPanel(browser, SIDE_PANEL);
  await (await browser.context.newPage()).goto(page.url);
  await panel.waitForSelector('[data-testid="for-this-call"]');
  await panel.bringToFront();
  await panel.emulateMedia({ colorScheme: 'light' });
  const overflowing = await panel.evaluate(() => {
    // Open every fold so long labels in them are measured too, then close them again for the picture.
    const folds = [...document.querySelectorAll('details')].filter((d) => !d.open);
    folds.forEach((d) => (d.open = true));
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      // Screen-reader-only text is clipped to 1 px on purpose.
      .filter((element) => element.clientWidth > 1 && element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible')
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent!.slice(0, 60)}`);
    if (document.documentElement.scrollWidth > window.innerWidth) wide.unshift(`page is ${document.documentElement.scrollWidth} px wide`);
    folds.forEach((d) => (d.open = false));
    return wide;
  });
  for (const line of overflowing) console.warn(`${language}: overflows: ${line}`);
  await panel.screenshot({ path: `docs/panel-${language}.png` });
  console.log(`docs/panel-${language}.png`);
  await browser.close();
}
