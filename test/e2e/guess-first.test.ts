import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, openPanel, routePages, type ExtensionBrowser } from '../../scripts/lib/browser';
import { cardFor, companyPages, openSite } from './helpers';

// "Guess first" on a demo account (issue 10): turned on in Learn, the side panel hides the
// persona of the HubSpot demo record until the rep has guessed, then reveals it.
//
// Worked out by hand from test/fixtures/pages/hubspot/company-northwind.html and the default
// playbook: the note ("the last vendor failed us", "I've been burned once", written guarantees)
// reads as Burned, the CFO's request for references from fleets of similar size as Expert second.
const northwind = companyPages('hubspot').find((page) => page.name === 'hubspot/company-northwind')!;
const PERSONA_NAMES = ['Expert', 'Fast', 'Novice', 'Burned'];

let browser: ExtensionBrowser;

describe('guess first in real Chromium', () => {
  beforeAll(async () => {
    browser = await launchWithExtension();
    await routePages(browser.context, [northwind]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('turned on in Learn, the panel hides the demo account’s persona, then reveals it after the guess', async () => {
    const learn = await browser.context.newPage();
    await learn.goto(`chrome-extension://${browser.extensionId}/learn.html?view=progress`);
    await learn.check('[data-testid="guess-first-setting"]');

    const panel = await openPanel(browser);
    await openSite(browser, northwind.url);
    await cardFor(panel, 'Northwind Logistics');
    await panel.waitForSelector('[data-testid="guess-first"]');
    // Nothing outside the guess names a persona: not the header, not "For this call", not the tactics.
    const shown = await panel.evaluate(() => {
      const copy = document.body.cloneNode(true) as HTMLElement;
      copy.querySelector('[data-testid="guess-first"]')?.remove();
      return copy.innerText;
    });
    expect(PERSONA_NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(shown))).toEqual([]);
    expect((await panel.textContent('[data-testid="glance-persona"]'))?.trim()).toBe('Persona: your guess?');
    expect(await panel.locator('[data-testid="persona"]').count()).toBe(0);

    // By keyboard: Burned as the main type, then check.
    await panel.focus('[data-guess="burned"]');
    await panel.keyboard.press('Enter');
    await panel.click('[data-testid="guess-check"]');
    await panel.waitForSelector('[data-testid="guess-outcome"]');
    expect(await panel.getAttribute('[data-testid="guess-outcome"]', 'data-outcome')).toBe('agreed');
    expect(await panel.textContent('[data-testid="guess-outcome"]')).toBe('Your guess: Burned. The suggestion agrees: well spotted.');
    expect(await panel.getAttribute('[data-testid="persona-label"]', 'data-primary')).toBe('burned');
    expect(await panel.getAttribute('[data-testid="persona-label"]', 'data-secondary')).toBe('expert');
    expect(await panel.isVisible('[data-testid="persona-evidence"]')).toBe(true);

    // The guess counts in Learn: one right answer about Burned in My progress.
    await learn.reload();
    await learn.waitForSelector('[data-testid="review-count"][data-count="1"]');
    expect(browser.errors).toEqual([]);
  });
});
