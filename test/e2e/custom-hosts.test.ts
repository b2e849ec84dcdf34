import { afterAll, beforeAll, expect, test } from 'vitest';
import { extensionGranting, launchWithExtension, openPanel, routePages, type ExtensionBrowser } from '../../scripts/lib/browser';
import { loadFixture } from '../../scripts/lib/fixtures';

/**
 * A self-hosted CRM added in the options page. Chromium's permission prompt is
 * browser UI that automation cannot click, so this build copy already holds the
 * host permission (as if the rep had clicked "Allow"): permissions.request then
 * resolves at once and everything after it — storage, the background's dynamic
 * content-script registration, the read, the panel — runs for real.
 */
const suite = loadFixture('generic/suitecrm7-accounts-detailview');
const HOST = 'https://crm.example.com';
// An on-premises Dynamics 365 on the team's own domain: the Dynamics page, served at another host.
const dynamicsCloud = loadFixture('dynamics/account-northwind');
const DYNAMICS_HOST = 'https://crm.contoso-intranet.com';
const dynamicsOnPrem = { ...dynamicsCloud, url: dynamicsCloud.url.replace(new URL(dynamicsCloud.url).origin, DYNAMICS_HOST) };

let browser: ExtensionBrowser;
let extension: ReturnType<typeof extensionGranting> | undefined;

beforeAll(async () => {
  extension = extensionGranting([`${HOST}/*`, `${DYNAMICS_HOST}/*`]);
  browser = await launchWithExtension({ extensionDir: extension.dir });
  await routePages(browser.context, [suite, dynamicsOnPrem]);
});

afterAll(async () => {
  await browser?.close();
  extension?.remove();
});

async function registeredMatches(id = 'playcard-custom-generic'): Promise<string[]> {
  return browser.worker.evaluate(async (scriptId) => {
    type Scripting = { getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ matches?: string[] }[]> };
    const scripting = (globalThis as unknown as { chrome: { scripting: Scripting } }).chrome.scripting;
    const [script] = await scripting.getRegisteredContentScripts({ ids: [scriptId] });
    return script?.matches ?? [];
  }, id);
}

async function addHost(address: string, site: string): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.fill('[data-testid="custom-hosts"] input[name="address"]', address);
  await options.selectOption('[data-testid="custom-hosts"] select[name="site"]', site);
  await options.click('[data-testid="custom-hosts"] button[type="submit"]');
  await options.waitForSelector('[data-testid="custom-hosts-message"].ok');
  await options.close();
}

test('a CRM host added in the options page is read and shown in the panel; removing it stops reading', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.fill('[data-testid="custom-hosts"] input[name="address"]', `${suite.url}`);
  await options.selectOption('[data-testid="custom-hosts"] select[name="site"]', 'generic');
  await options.click('[data-testid="custom-hosts"] button[type="submit"]');
  await options.waitForSelector('[data-testid="custom-hosts-message"].ok');
  await options.waitForSelector(`[data-origin="${HOST}"]`);
  for (let i = 0; i < 50 && (await registeredMatches()).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(await registeredMatches()).toEqual([`${HOST}/*`]);

  const panel = await openPanel(browser);
  const crm = await browser.context.newPage();
  await crm.goto(suite.url);
  await panel.waitForFunction(() => document.querySelector('[data-testid="account-name"]')?.textContent === 'DD Furniture Inc', undefined, { timeout: 15_000 });
  expect(await panel.textContent('[data-testid="facts"]')).toContain('Consulting');

  await options.bringToFront();
  await options.click(`[data-origin="${HOST}"] button`);
  await options.waitForSelector(`[data-origin="${HOST}"]`, { state: 'detached' });
  for (let i = 0; i < 50 && (await registeredMatches()).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(await registeredMatches()).toEqual([]);
  expect(browser.errors).toEqual([]);
});

test('a host assigned to a known CRM is read with that CRM\'s own adapter', async () => {
  await addHost(dynamicsOnPrem.url, 'dynamics');
  for (let i = 0; i < 50 && (await registeredMatches('playcard-custom-dynamics')).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(await registeredMatches('playcard-custom-dynamics')).toEqual([`${DYNAMICS_HOST}/*`]);
  const panel = await openPanel(browser);
  const crm = await browser.context.newPage();
  await crm.goto(dynamicsOnPrem.url);
  const name = (dynamicsCloud.expected?.company as { name: string }).name;
  await panel.waitForFunction((wanted) => document.querySelector('[data-testid="account-name"]')?.textContent === wanted, name, { timeout: 15_000 });
  expect(browser.errors).toEqual([]);
});

test('an address that is not a web address is refused with a message and nothing is stored', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.fill('[data-testid="custom-hosts"] input[name="address"]', 'ftp://files.example.com');
  await options.click('[data-testid="custom-hosts"] button[type="submit"]');
  await options.waitForSelector('[data-testid="custom-hosts-message"].error');
  expect(await options.textContent('[data-testid="custom-hosts-message"]')).toMatch(/http and https/);
  expect(await options.locator('[data-origin^="ftp:"]').count()).toBe(0);
});
