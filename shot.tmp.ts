import { launchWithExtension, openPanel, routePages } from './scripts/lib/browser';
import { loadFixture } from './scripts/lib/fixtures';
const names = process.argv.slice(2);
const pages = names.map(loadFixture);
const browser = await launchWithExtension();
await routePages(browser.context, pages);
const panel = await openPanel(browser, { width: 360, height: 765 });
for (const [i, page] of pages.entries()) {
  const tab = await browser.context.newPage();
  await tab.goto(page.url);
  await panel.waitForFunction((n) => document.querySelector('[data-testid="account-name"]')?.textContent === n, (page.expected?.company as any)?.name ?? '', { timeout: 15000 }).catch(() => {});
  await panel.bringToFront();
  await panel.waitForTimeout(300);
  await panel.screenshot({ path: `/tmp/glance-shot-${i}.png` }); await panel.screenshot({ path: `/tmp/glance-full-${i}.png`, fullPage: true });
  for (const scheme of ['dark'] as const) { await panel.emulateMedia({ colorScheme: scheme }); await panel.screenshot({ path: `/tmp/glance-shot-${i}-${scheme}.png` }); await panel.emulateMedia({ colorScheme: 'light' }); }
  await tab.close();
}
console.log(browser.errors);
await browser.close();
