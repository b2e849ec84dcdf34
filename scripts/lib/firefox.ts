import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import type { RoutedPage } from './browser';

export const FIREFOX_EXTENSION_DIR = fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));

const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  '/Applications/Firefox Developer Edition.app/Contents/MacOS/firefox',
];

/**
 * A Firefox to drive over WebDriver BiDi: FIREFOX_PATH, else the usual install
 * places. Undefined when there is none, so the caller decides whether that is
 * a skip (a developer's machine) or a failure (CI).
 */
export function findFirefox(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

export const NO_FIREFOX_HINT =
  'No Firefox found. Install it (Debian/Ubuntu: sudo apt-get install firefox-esr) or set FIREFOX_PATH to a Firefox 140+ binary.';

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on id from the manifest (browser_specific_settings.gecko.id). */
  extensionId: string;
  /** moz-extension://<uuid>/ of this run, fixed at launch so the test knows it. */
  extensionOrigin: string;
  close(): Promise<void>;
}

/**
 * Starts Firefox with the built extension installed as a temporary add-on.
 *
 * Two launch settings make the panel page reachable, neither of which touches
 * the build:
 * - `extensions.webextensions.uuids` fixes the extension's internal UUID, so
 *   its pages have a URL known before launch (Firefox picks a random one per
 *   profile otherwise);
 * - `--remote-allow-system-access` lets WebDriver BiDi navigate a tab to a
 *   `moz-extension://` page: without it Firefox's remote agent refuses every
 *   scheme but http(s), file, blob and about:blank ("Navigation to ... is not
 *   allowed in this context"). It is the flag geckodriver's
 *   `--allow-system-access` passes; it only widens what the test driver may do.
 */
export async function launchFirefoxWithExtension(options: { executablePath: string; extensionDir?: string }): Promise<FirefoxWithExtension> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No Firefox build at ${extensionDir}: run npm run build:firefox first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: options.executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }) },
  });
  try {
    const extensionId = await browser.installExtension(extensionDir);
    return { browser, extensionId, extensionOrigin: `moz-extension://${uuid}/`, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Serves fixture HTML at the sites' real URLs in one tab, so the content
 * script runs as it does on the live site, without a network. Other requests
 * from the tab (favicon, images) get an empty 204.
 */
export async function routeTab(page: Page, pages: RoutedPage[]): Promise<void> {
  const documentOf = (href: string) => {
    const url = new URL(href);
    return url.origin + url.pathname + url.search;
  };
  const served = new Map(pages.map((routed) => [documentOf(routed.url), routed.html]));
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const html = request.isNavigationRequest() ? served.get(documentOf(request.url())) : undefined;
    void (html === undefined
      ? request.respond({ status: 204, body: '' })
      : request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  });
}

/**
 * Until the tab's document is `url`, loaded. A check that lands while the navigation swaps the
 * tab's realm can fail with a protocol error (on a loaded machine Firefox answered "right-hand
 * side of 'in' should be an object, got null"): that check is made again, until the deadline.
 */
async function documentLoaded(page: Page, url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      await page.waitForFunction((wanted: string) => location.href === wanted && document.readyState === 'complete', { timeout: Math.max(1, deadline - Date.now()) }, url);
      return;
    } catch (error) {
      if ((error as Error).name === 'TimeoutError' || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * Opens one of the extension's pages in a new tab. Firefox loads it in the
 * extension process, and puppeteer never sees that navigation's request
 * finish, so `goto` alone would wait until its timeout: wait for the document
 * instead, then stop `goto` waiting.
 */
export async function openExtensionPage(firefox: FirefoxWithExtension, path: string): Promise<Page> {
  const url = firefox.extensionOrigin + path;
  const page = await firefox.browser.newPage();
  const stopWaiting = new AbortController();
  const navigation = page.goto(url, { signal: stopWaiting.signal }).then(
    () => undefined,
    (error: unknown) => {
      if (!stopWaiting.signal.aborted) throw error;
    },
  );
  const loaded = documentLoaded(page, url, Date.now() + 15_000);
  // Whichever settles second is not awaited by the race; its rejection is not news.
  loaded.catch(() => undefined);
  await Promise.race([navigation, loaded]);
  stopWaiting.abort();
  await navigation;
  return page;
}
