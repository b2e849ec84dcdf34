import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { extensionGranting, launchWithExtension, openPanel, routePages, type ExtensionBrowser } from '../../scripts/lib/browser';
import { loadFixture } from '../../scripts/lib/fixtures';
import { cardFor, expectedName, openSite } from './helpers';

/**
 * A team lead publishes a playbook at an HTTPS address (served here by route
 * interception at its real URL); a rep subscribes in the options page. The
 * build copy holds the host permission the options page asks for, because
 * automation cannot click Chromium's permission prompt.
 */
const PLAYBOOK_URL = 'https://playbooks.example.com/sales/team.json';
const NEW_TACTIC = 'Send two references from their own industry before the call';
const thread = loadFixture('gmail/thread-northwind-en');

const teamPlaybook = {
  ...DEFAULT_PLAYBOOK,
  version: '2099.1.1',
  personas: DEFAULT_PLAYBOOK.personas.map((persona) =>
    persona.id === 'burned'
      ? { ...persona, tactics: [{ id: 'burned-references-first', when: 'before' as const, text: { en: NEW_TACTIC } }, ...persona.tactics] }
      : persona,
  ),
};

let served: { body: string; contentType: string } = { body: JSON.stringify(teamPlaybook), contentType: 'application/json' };
let browser: ExtensionBrowser;
let extension: ReturnType<typeof extensionGranting> | undefined;

beforeAll(async () => {
  extension = extensionGranting(['https://playbooks.example.com/*']);
  browser = await launchWithExtension({ extensionDir: extension.dir });
  await routePages(browser.context, [thread]);
  await browser.context.route(PLAYBOOK_URL, (route) => route.fulfill({ status: 200, contentType: served.contentType, body: served.body }));
});

afterAll(async () => {
  await browser?.close();
  extension?.remove();
});

const tactics = (panel: Page) => panel.$$eval('[data-testid="checklist"] label span', (spans) => spans.map((s) => s.textContent ?? ''));

test('a subscribed playbook is applied, announced once, survives a broken update, and can be rolled back', async () => {
  const panel = await openPanel(browser);
  const mail = await openSite(browser, thread.url);
  await cardFor(panel, expectedName(thread));
  // The panel (a tab here) follows the last tab used before it: back to the mail, then to the panel.
  const showPanel = async () => {
    await mail.bringToFront();
    await panel.bringToFront();
    await cardFor(panel, expectedName(thread));
  };
  expect(await panel.getAttribute('[data-testid="persona-label"]', 'data-primary')).toBe('burned');
  expect(await tactics(panel)).not.toContain(NEW_TACTIC);

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.fill('[data-testid="playbook"] input[name="url"]', PLAYBOOK_URL);
  await options.click('[data-testid="playbook"] button[type="submit"]');
  await options.waitForSelector('[data-testid="playbook-active"]:has-text("2099.1.1")', { timeout: 15_000 });

  // The rep's panel follows: the new tactic, and the notice with the change that concerns this account.
  await showPanel();
  await panel.waitForSelector('[data-testid="update-notice"]:has-text("Playbook updated to 2099.1.1")');
  expect(await panel.textContent('[data-testid="update-notice"] li.mine')).toBe(
    'this account Tactic "Send two references from their own industry before the call" added to persona Burned (Before the call)',
  );
  expect(await tactics(panel)).toContain(NEW_TACTIC);
  await panel.click('[data-testid="update-dismiss"]');
  await panel.waitForSelector('[data-testid="update-notice"]', { state: 'detached' });

  // The lead's host breaks (a login page instead of the JSON): nothing changes for the rep but a short line.
  served = { body: '<!doctype html><title>Sign in</title><form></form>', contentType: 'text/html' };
  await options.bringToFront();
  await options.click('[data-testid="playbook-check"]');
  await options.waitForSelector('[data-testid="playbook-message"]:has-text("Not applied")');
  await options.waitForSelector('[data-testid="playbook-error"]');
  await showPanel();
  await panel.waitForSelector('[data-testid="update-error"]:has-text("could not be applied; you are on 2099.1.1")');
  expect(await tactics(panel)).toContain(NEW_TACTIC);

  // Roll back to the built-in playbook from the history.
  await options.bringToFront();
  await options.click(`[data-testid="playbook-history"] tr:has-text("${DEFAULT_PLAYBOOK.version}") button`);
  await options.waitForSelector(`[data-testid="playbook-active"]:has-text("${DEFAULT_PLAYBOOK.version}")`);
  await showPanel();
  await panel.waitForFunction((text) => ![...document.querySelectorAll('[data-testid="checklist"] label span')].some((s) => s.textContent === text), NEW_TACTIC);
  // The rollback settled it: the failed update's line is gone from the panel.
  await panel.waitForSelector('[data-testid="update-error"]', { state: 'detached' });

  // A file import goes to the background as exact bytes (here with a byte-order mark) and is applied there.
  await options.bringToFront();
  await options.fill('[data-testid="playbook"] input[name="url"]', '');
  await options.click('[data-testid="playbook"] button[type="submit"]');
  await options.waitForSelector('[data-testid="playbook"] input[type="file"]:not([disabled])');
  const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ ...teamPlaybook, version: '2099.2.0' }))]);
  await options.setInputFiles('[data-testid="playbook"] input[type="file"]', { name: 'team-file.json', mimeType: 'application/json', buffer: file });
  await options.waitForSelector('[data-testid="playbook-active"]:has-text("2099.2.0")');
  expect(await options.textContent('[data-testid="playbook-active"]')).toContain('team-file.json');
  expect(browser.errors).toEqual([]);
});
