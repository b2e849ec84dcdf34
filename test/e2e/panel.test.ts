import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { launchWithExtension, openPanel, openRealSidePanel, routePages, type ExtensionBrowser } from '../../scripts/lib/browser';
import type { FixturePage } from '../../scripts/lib/fixtures';
import { cardFor, companyPages, expectedName, openSite, spaNavigate } from './helpers';

const hubspot = companyPages('hubspot');
const gmail = companyPages('gmail');
// Named, not by position: other fixtures of the same site come and go.
const byName = (pages: FixturePage[], name: string) => pages.find((page) => page.name === name)!;
const hubspotA = byName(hubspot, 'hubspot/company-kowalski-sparse');
const hubspotB = byName(hubspot, 'hubspot/company-northwind');
const gmailA = byName(gmail, 'gmail/thread-meble-pl');

/**
 * What the panel must show, worked out by hand from the fixture page and the default playbook
 * (lib/playbook/default-playbook.json), not by running the code under test:
 *
 * - HubSpot, Kowalski Meble (sparse record): no employees, no revenue, 0 won and 0 open deals:
 *   2 of the 10 criteria are known (the two deal counts, both 0 points), which could not lift
 *   the account above the lowest segment, so the panel says "Not scored yet" rather than
 *   "Low-touch" (the points still give low-touch, kept in data-segment). The note compares
 *   vendors on a criteria table (references, deadlines per stage, SLA, 3-year cost) and decides
 *   "after analysis, not after the presentation" → Expert; it wants the figures "by Friday" → Fast
 *   second. The checklist starts with the expert's "before" tactic.
 * - Gmail, Kowalski Meble thread: a mail thread carries no CRM facts → no criterion known →
 *   "Not scored yet", and the panel says the page gives no fact to score on.
 *   The buyer collects offers from three suppliers and scores them on the same criteria,
 *   asking for references and implementation data → Expert, nothing second.
 */
const EXPERT_FIRST_TACTIC = 'Collect everything you can find about the account before the first call: structure, past vendors, projects, decision makers.';
const CHECKED_BY_HAND = {
  hubspotKowalski: { segment: 'low-touch', segmentLabel: 'Not scored yet', points: 'Too little is known to score it: 2 of 10 criteria.', primary: 'expert', secondary: 'fast', persona: 'Expert + Fast', firstTactic: EXPERT_FIRST_TACTIC },
  gmailKowalski: { segment: 'low-touch', segmentLabel: 'Not scored yet', points: 'The page gives no fact to score this account on.', primary: 'expert', secondary: '', persona: 'Expert', firstTactic: EXPERT_FIRST_TACTIC },
};

async function shownCard(panel: Page) {
  return {
    segment: await panel.getAttribute('[data-testid="segment-label"]', 'data-segment'),
    segmentLabel: (await panel.textContent('[data-testid="segment-label"]'))?.trim(),
    points: await panel.textContent('[data-testid="segment-points"]'),
    primary: await panel.getAttribute('[data-testid="persona-label"]', 'data-primary'),
    secondary: await panel.getAttribute('[data-testid="persona-label"]', 'data-secondary'),
    persona: (await panel.textContent('[data-testid="persona-label"]'))?.trim(),
    firstTactic: await panel.$eval('[data-testid="checklist"] input[type=checkbox]', (box) => box.parentElement?.textContent?.trim()),
  };
}

let browser: ExtensionBrowser;

describe('the side panel in real Chromium', () => {
  beforeAll(async () => {
    browser = await launchWithExtension();
    await routePages(browser.context, [
      ...hubspot,
      ...gmail,
      { url: 'https://app.hubspot.com/contacts/99/record/0-2/404', html: '<!doctype html><title>HubSpot</title><body><div id="hs-app">Loading…</div></body>' },
      { url: 'https://example.com/', html: '<!doctype html><title>Example</title><body><h1>Example Domain</h1></body>' },
    ]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    // Every test also asserts a clean console in extension pages and the background.
    expect(browser.errors).toEqual([]);
  });

  // These two check the card for the page alone, so each gets an empty profile:
  // in a shared one, the HubSpot record and the Gmail thread of one company merge into one account.
  test('HubSpot company records show their company, segment with points and service level and why, persona and checklist', async () => {
    const own = await launchWithExtension();
    try {
      await routePages(own.context, hubspot);
      const panel = await openPanel(own);
      const crm = await openSite(own, hubspotA.url);
      await cardFor(panel, 'Kowalski Meble Sp. z o.o.');
      expect(hubspotA.url).toContain('/company/9876543210'); // the sparse Kowalski Meble record described above
      expect(await shownCard(panel)).toEqual(CHECKED_BY_HAND.hubspotKowalski);
      expect(await panel.textContent('[data-testid="account"]')).toContain('kowalski-meble.pl');
      expect(await panel.locator('[data-testid="service-level"] dd').count()).toBe(4);
      // One line per criterion of the default playbook: size, revenue, won, open, cooperation, breadth, referral, local decision, potential, share of wallet.
      expect(await panel.locator('[data-testid="segment-reasons"] li').count()).toBe(10);

      // The rich record, Northwind Logistics: 420 employees (250–999: 3) + 38M USD revenue (10M–50M: 2)
      // + 1 won deal (1–2: 1) + 2 open deals (two or more: 2) = 8 points → "Standard account" (7–13).
      // The note: the last vendor failed them, "I've been burned once", written guarantees → Burned;
      // the CFO wants references from fleets of similar size → Expert second.
      await spaNavigate(crm, hubspotB);
      await cardFor(panel, 'Northwind Logistics');
      expect(await shownCard(panel)).toEqual({
        segment: 'standard',
        segmentLabel: 'Standard account',
        points: '8 pts · Growth account from 14',
        primary: 'burned',
        secondary: 'expert',
        // About 70 % sure (the persona decision of issue 13, calibrated): under 80 %, so "likely".
        persona: 'likely Burned + Expert',
        firstTactic: 'Prepare two or three success stories from their own or a close industry, ideally with a client they could call.',
      });
      // Money through Intl in the browser's locale (en-US here): 38,000,000 USD → "$38M".
      expect(await panel.textContent('[data-testid="facts"]')).toContain('Annual revenue$38M');
      expect(own.errors).toEqual([]);
    } finally {
      await own.close();
    }
  });

  test('a Gmail thread shows the sender company and a persona suggested from the email, with its evidence', async () => {
    const own = await launchWithExtension();
    try {
      await routePages(own.context, gmail);
      const panel = await openPanel(own);
      await openSite(own, gmailA.url);
      await cardFor(panel, expectedName(gmailA));
      expect(gmailA.url).toContain('FMfcgzQZTvBcWnLkRpSxJhQmGfDdKsNp'); // the Kowalski Meble thread described above
      expect(await shownCard(panel)).toEqual(CHECKED_BY_HAND.gmailKowalski);
      expect(await panel.locator('[data-testid="persona-evidence"] li').count()).toBeGreaterThan(0);
      expect(own.errors).toEqual([]);
    } finally {
      await own.close();
    }
  });

  test("the rep's persona choice wins over the suggestion and can be undone", async () => {
    const panel = await openPanel(browser);
    await openSite(browser, gmailA.url);
    await cardFor(panel, expectedName(gmailA));
    // A real side panel is always visible; a background tab's timers are throttled.
    await panel.bringToFront();
    const suggested = await panel.getAttribute('[data-testid="persona-label"]', 'data-primary');
    const other = DEFAULT_PLAYBOOK.personas.find((p) => p.id !== suggested)!.id;
    await panel.click(`[data-persona="${other}"]`);
    await panel.waitForSelector(`[data-testid="persona-label"][data-primary="${other}"]`);
    expect(await panel.textContent('[data-testid="persona-source"]')).toBe('Set by you');
    await panel.click('[data-testid="persona-reset"]');
    await panel.waitForSelector(`[data-testid="persona-label"][data-primary="${suggested}"]`);
    await panel.close();
  });

  test('answering the potential × share-of-wallet questions re-scores the segment at once', async () => {
    const matrix = DEFAULT_PLAYBOOK.segmentation.matrix!;
    const panel = await openPanel(browser);
    await openSite(browser, hubspotB.url);
    await cardFor(panel, expectedName(hubspotB));
    await panel.bringToFront();
    const before = await panel.getAttribute('[data-testid="segment-label"]', 'data-segment');
    // Pick the cell that leads to a different segment than the current one.
    const cell = matrix.cells.find((c) => c.segment !== before)!;
    await panel.click(`[data-criterion="${matrix.rows}"] [data-option="${cell.row}"]`);
    await panel.click(`[data-criterion="${matrix.columns}"] [data-option="${cell.column}"]`);
    await panel.waitForSelector(`[data-testid="segment-label"][data-segment="${cell.segment}"]`);
    await panel.waitForSelector('[data-testid="segment-matrix"]', { state: 'attached' });
    // Clearing an answer hands the decision back to the points.
    await panel.click(`[data-criterion="${matrix.rows}"] [data-option="${cell.row}"]`);
    await panel.waitForSelector(`[data-testid="segment-label"][data-segment="${before}"]`);
    await panel.close();
  });

  test('SPA navigation to another company updates the panel, and switching tabs follows the active tab', async () => {
    const panel = await openPanel(browser);
    const crm = await openSite(browser, hubspotA.url);
    await cardFor(panel, expectedName(hubspotA));
    await spaNavigate(crm, hubspotB);
    await cardFor(panel, expectedName(hubspotB));

    const mail = await openSite(browser, gmailA.url);
    await cardFor(panel, expectedName(gmailA));
    await crm.bringToFront();
    await cardFor(panel, expectedName(hubspotB));
    await mail.close();
    await crm.close();
    await panel.close();
  });

  test('a page that is not a company says so and lists recent accounts, which open from the cache', async () => {
    const panel = await openPanel(browser);
    await openSite(browser, hubspotA.url);
    await cardFor(panel, expectedName(hubspotA));
    await openSite(browser, 'https://example.com/');
    await panel.waitForSelector('[data-testid="not-recognised"]');
    await panel.bringToFront();
    await panel.click(`[data-testid="recent"] button:has-text("${expectedName(hubspotA)}")`);
    await cardFor(panel, expectedName(hubspotA));
    await panel.close();
  });

  test("Chrome's real side panel, opened as the toolbar button opens it, shows the active tab's account and follows tab switches", async () => {
    expect(await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { sidePanel: { getPanelBehavior(): Promise<unknown> } } }).chrome.sidePanel.getPanelBehavior())).toEqual({
      openPanelOnActionClick: true,
    });
    const crm = await openSite(browser, hubspotA.url);
    const sidePanel = await openRealSidePanel(browser, crm);
    const shownName = () => sidePanel.evaluate<string | null>(`document.querySelector('[data-testid="account-name"]')?.textContent ?? null`);
    const until = async (name: string) => {
      for (let i = 0; i < 100 && (await shownName()) !== name; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await shownName()).toBe(name);
    };
    await until(expectedName(hubspotA));
    const mail = await openSite(browser, gmailA.url);
    await until(expectedName(gmailA));
    await crm.bringToFront();
    await until(expectedName(hubspotA));
    await mail.close();
    await crm.close();
  });

  test('a recognised CRM page whose company cannot be read says which site it saw', async () => {
    const panel = await openPanel(browser);
    await openSite(browser, 'https://app.hubspot.com/contacts/99/record/0-2/404');
    await panel.waitForSelector('[data-testid="unreadable"]', { timeout: 15_000 });
    expect(await panel.textContent('[data-testid="unreadable"] h2')).toContain('HubSpot');
    await panel.close();
  });
});

describe('what a rep ticks is kept', () => {
  test('a checked tactic survives a panel reload and a browser restart', async () => {
    const first = await launchWithExtension();
    await routePages(first.context, hubspot);
    const panel = await openPanel(first);
    await openSite(first, hubspotA.url);
    await cardFor(panel, expectedName(hubspotA));
    await panel.bringToFront();
    // Ticked where a rep ticks: the first tactic of "For this call".
    const tactic = await panel.getAttribute('[data-testid="for-this-call"] input[type=checkbox]', 'data-tactic');
    // A click, as a rep ticks (the item re-renders as done, which Playwright's check() misreads).
    await panel.click(`[data-testid="for-this-call"] [data-tactic="${tactic}"]`);
    await panel.waitForSelector(`[data-testid="checklist-progress"]:has-text("1 of")`);
    await panel.reload();
    await cardFor(panel, expectedName(hubspotA));
    // The card can paint a moment before the rep's ticks are read from the database: wait for the tick, fail if it never comes.
    await panel.waitForSelector(`[data-testid="checklist"] [data-tactic="${tactic}"]:checked`, { state: 'attached', timeout: 5_000 });
    expect(first.errors).toEqual([]);
    await first.close({ keepProfile: true });

    const second = await launchWithExtension({ userDataDir: first.userDataDir });
    try {
      // Offline, with no CRM tab open: the account is still there, from the cache.
      await second.context.setOffline(true);
      const again = await openPanel(second);
      await again.waitForSelector('[data-testid="not-recognised"]');
      await again.click(`[data-testid="recent"] button:has-text("${expectedName(hubspotA)}")`);
      await cardFor(again, expectedName(hubspotA));
      await again.waitForSelector(`[data-testid="checklist"] [data-tactic="${tactic}"]:checked`, { state: 'attached', timeout: 5_000 });
      await second.context.setOffline(false);

      await routePages(second.context, hubspot);
      await openSite(second, hubspotA.url);
      await again.bringToFront();
      await again.waitForSelector('[data-testid="account-source"]:not(:has-text("From cache"))');
      await again.waitForSelector(`[data-testid="checklist"] [data-tactic="${tactic}"]:checked`, { state: 'attached', timeout: 5_000 });
      expect(second.errors).toEqual([]);
    } finally {
      await second.close({ keepProfile: true });
      rmSync(first.userDataDir, { recursive: true, force: true });
    }
  });
});
