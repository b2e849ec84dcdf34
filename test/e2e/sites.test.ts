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

const CONTACT = 'This is a contact. Open the company they work for to see its card.';
const INBOX = 'Open an email thread to see the card of the company you are writing with.';
/** What the panel says on each site's page that is not a company (checked by reading the fixtures). */
const NOT_A_COMPANY: Record<string, { fixture: string; says: string }> = {
  dynamics: { fixture: 'contact-dana', says: CONTACT },
  gmail: { fixture: 'inbox-list', says: INBOX },
  hubspot: { fixture: 'contact-dana', says: CONTACT },
  linkedin: { fixture: 'feed', says: 'Open a company record in LinkedIn to see its card.' },
  outlook: { fixture: 'inbox-list', says: INBOX },
  pipedrive: { fixture: 'person-olivia', says: CONTACT },
  salesforce: { fixture: 'contact-priya', says: CONTACT },
  zoho: { fixture: 'lead-kasia', says: 'This is a lead. Open a company record to see its card.' },
};

describe.each(SITES)('%s in real Chromium', (site) => {
  test('a record at its real URL shows in the panel, an SPA navigation shows the next one, and a non-company page says which site it saw', async () => {
    const all = readdirSync(`${FIXTURES_DIR}${site}`)
      .filter((file) => file.endsWith('.expected.json'))
      .map((file) => loadFixture(`${site}/${file.replace(/\.expected\.json$/, '')}`));
    const [first, second] = companyPages(site);
    const other = all.find((page) => page.name === `${site}/${NOT_A_COMPANY[site]?.fixture}`);
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
      // A contact, a lead or the inbox is a normal page of the site: a hint where to go, not an error.
      await panel.waitForSelector('[data-testid="page-hint"]', { timeout: 15_000 });
      const label = ADAPTERS.find((adapter) => adapter.id === site)!.label;
      expect(await panel.textContent('[data-testid="page-hint"] h2')).toBe(label);
      expect(await panel.textContent('[data-testid="page-hint"] p')).toBe(NOT_A_COMPANY[site]!.says);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
