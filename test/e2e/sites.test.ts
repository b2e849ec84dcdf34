import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ADAPTERS } from '../../lib/sites';
import { launchWithExtension, openPanel, routePages } from '../../scripts/lib/browser';
import { FIXTURES_DIR, loadFixture } from '../../scripts/lib/fixtures';
import { cardFor, companyPages, expectedName, openSite, spaNavigate } from './helpers';

/** Every site with its own content script; `generic` is covered by custom-hosts.test.ts. */
const SITES = readdirSync(FIXTURES_DIR).filter((site) => site !== 'generic');

test('every adapter has fixtures here, so none ships without an end-to-end run', () => {
  expect(SITES.sort()).toEqual(ADAPTERS.map((adapter) => adapter.id).sort());
});

describe.each(SITES)('%s in real Chromium', (site) => {
  test('a record at its real URL shows in the panel, an SPA navigation shows the next one, and a non-company page says which site it saw', async () => {
    const all = readdirSync(`${FIXTURES_DIR}${site}`)
      .filter((file) => file.endsWith('.expected.json'))
      .map((file) => loadFixture(`${site}/${file.replace(/\.expected\.json$/, '')}`));
    const [first, second] = companyPages(site);
    const other = all.find((page) => page.expected === null);
    expect(first && second && other, `${site} needs two company fixtures and one that is not`).toBeTruthy();
    if (!first || !second || !other) return;

    const browser = await launchWithExtension();
    try {
      await routePages(browser.context, all);
      const panel = await openPanel(browser);
      const crm = await openSite(browser, first.url);
      await cardFor(panel, expectedName(first));
      await spaNavigate(crm, second);
      await cardFor(panel, expectedName(second));

      await openSite(browser, other.url);
      await panel.waitForSelector('[data-testid="unreadable"]', { timeout: 15_000 });
      const label = ADAPTERS.find((adapter) => adapter.id === site)!.label;
      expect(await panel.textContent('[data-testid="unreadable"] h2')).toContain(label);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
