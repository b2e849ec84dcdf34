import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { Window } from 'happy-dom';
import { assessAccount } from '../../lib/core/assess';
import { factsOf } from '../../lib/core/facts';
import { suggestPersona } from '../../lib/core/persona';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { readPage } from '../../lib/sites';
import { PageSnapshot } from '../../lib/snapshot';
import { launchWithExtension, openPanel, openRealSidePanel, routePages, type ExtensionBrowser } from '../../scripts/lib/browser';
import type { FixturePage } from '../../scripts/lib/fixtures';
import { cardFor, companyPages, expectedName, openSite, spaNavigate } from './helpers';

const hubspot = companyPages('hubspot');
const gmail = companyPages('gmail');
const [hubspotA, hubspotB] = hubspot as [FixturePage, FixturePage];
const [gmailA] = gmail as [FixturePage];

/** What the panel must show for a fixture: the same library code run here on the same HTML. */
function expectedCard(page: FixturePage) {
  const window = new Window({ url: page.url });
  const doc = new window.DOMParser().parseFromString(page.html, 'text/html') as unknown as Document;
  const snapshot = PageSnapshot.parse(readPage(doc, page.url));
  const card = assessAccount({ facts: factsOf(snapshot), answers: {}, text: snapshot.text ?? '' }, DEFAULT_PLAYBOOK, suggestPersona);
  return {
    segment: card.segment.segment.id,
    primary: card.persona.primary ?? '',
    secondary: card.persona.secondary ?? '',
    tactics: card.checklist.map((item) => item.id),
  };
}

async function shownCard(panel: Page) {
  return {
    segment: await panel.getAttribute('[data-testid="segment-label"]', 'data-segment'),
    primary: await panel.getAttribute('[data-testid="persona-label"]', 'data-primary'),
    secondary: await panel.getAttribute('[data-testid="persona-label"]', 'data-secondary'),
    tactics: await panel.$$eval('[data-testid="checklist"] input[type=checkbox]', (boxes) => boxes.map((b) => b.getAttribute('data-tactic'))),
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

  // These two compare with the library's result for the page alone, so each gets an empty profile:
  // in a shared one, the HubSpot record and the Gmail thread of one company merge into one account.
  test('a HubSpot company record shows its company, segment with service level and why, persona and checklist', async () => {
    const own = await launchWithExtension();
    try {
      await routePages(own.context, hubspot);
      const panel = await openPanel(own);
      await openSite(own, hubspotA.url);
      await cardFor(panel, expectedName(hubspotA));
      expect(await shownCard(panel)).toEqual(expectedCard(hubspotA));
      expect(await panel.textContent('[data-testid="account"]')).toContain((hubspotA.expected?.company as { domain: string }).domain);
      expect(await panel.locator('[data-testid="service-level"] dd').count()).toBe(4);
      expect(await panel.locator('[data-testid="segment-reasons"] li').count()).toBe(DEFAULT_PLAYBOOK.segmentation.criteria.length);
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
      const expected = expectedCard(gmailA);
      expect(expected.primary).not.toBe('');
      expect(await shownCard(panel)).toEqual(expected);
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
    const tactic = await panel.getAttribute('[data-testid="checklist"] input[type=checkbox]', 'data-tactic');
    await panel.check(`[data-tactic="${tactic}"]`);
    await panel.waitForSelector(`[data-testid="checklist-progress"]:has-text("1 of")`);
    await panel.reload();
    await cardFor(panel, expectedName(hubspotA));
    expect(await panel.isChecked(`[data-tactic="${tactic}"]`)).toBe(true);
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
      expect(await again.isChecked(`[data-tactic="${tactic}"]`)).toBe(true);
      await second.context.setOffline(false);

      await routePages(second.context, hubspot);
      await openSite(second, hubspotA.url);
      await again.bringToFront();
      await again.waitForSelector('[data-testid="account-source"]:not(:has-text("From cache"))');
      expect(await again.isChecked(`[data-tactic="${tactic}"]`)).toBe(true);
      expect(second.errors).toEqual([]);
    } finally {
      await second.close({ keepProfile: true });
      rmSync(first.userDataDir, { recursive: true, force: true });
    }
  });
});
