import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type ConsoleMessage, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/usr/bin/microsoft-edge',
  '/usr/bin/brave-browser',
];

/**
 * A Chromium that honours --load-extension. Branded Google Chrome (137+)
 * ignores that flag, so it is not a candidate; set CHROME_PATH to use another.
 */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chromium, Chrome for Testing, Edge or Brave binary.',
    );
  }
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  /** Console errors and CSP reports from extension pages and the background. */
  errors: string[];
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Reuse a profile to test what survives a browser restart. */
  userDataDir?: string;
  extensionDir?: string;
  viewport?: { width: number; height: number } | null;
  /**
   * The browser's languages, first preferred (`['pl-PL', 'pl']`): a profile set up the way a
   * Polish rep's is. Chromium takes `--lang` (and LANGUAGE) for its own UI and the
   * `intl.accept_languages` preference for what pages see in `navigator.languages`; on Linux
   * only the preference reaches pages, so both are set. Only for a fresh profile.
   */
  languages?: readonly string[];
}

/** Writes the profile's language preference before the first start, as chrome://settings/languages would. */
function presetLanguages(userDataDir: string, languages: readonly string[]): void {
  mkdirSync(join(userDataDir, 'Default'), { recursive: true });
  const list = languages.join(',');
  writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ intl: { accept_languages: list, selected_languages: list } }));
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run npm run build first.`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'playcard-profile-'));
  const languages = options.languages;
  if (languages?.length && !options.userDataDir) presetLanguages(userDataDir, languages);
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...(languages?.length && { env: { ...process.env, LANGUAGE: languages[0]!.replace('-', '_') } }),
    executablePath: findChromium(),
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(languages?.length ? [`--lang=${languages[0]}`] : []),
    ],
  });
  const errors: string[] = [];
  const record = (where: string) => (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`${where}: ${message.text()}`);
  };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  worker.on('console', record('background'));
  const extensionId = new URL(worker.url()).host;
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (page.url().startsWith('chrome-extension://')) record('extension page')(message);
    });
    page.on('pageerror', (error) => {
      if (page.url().startsWith('chrome-extension://')) errors.push(`extension page: ${error.message}`);
    });
  });
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    errors,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface RoutedPage {
  /** A real URL such as https://app.hubspot.com/contacts/123/record/0-2/456 */
  url: string;
  html: string;
}

/**
 * Serves fixture HTML at the sites' real URLs, so the content script runs
 * exactly as it does on the live site, without a network. Requests that match
 * no fixture (images, APIs) get an empty 204.
 */
export async function routePages(context: BrowserContext, pages: RoutedPage[]): Promise<void> {
  // The fragment never reaches a server, so two pages that differ only after '#' cannot both be served.
  const served = new Map<string, string>();
  for (const page of pages) {
    const url = new URL(page.url);
    const document = url.origin + url.pathname + url.search;
    const clash = served.get(document);
    if (clash && clash !== page.url) throw new Error(`${page.url} and ${clash} are the same document to a server; give one another path`);
    served.set(document, page.url);
  }
  const origins = [...new Set(pages.map((page) => new URL(page.url).origin))];
  for (const origin of origins) {
    await context.route(`${origin}/**`, async (route) => {
      const requested = new URL(route.request().url());
      const match = pages.find((page) => {
        const url = new URL(page.url);
        return url.origin === requested.origin && url.pathname === requested.pathname && url.search === requested.search;
      });
      if (match && route.request().resourceType() === 'document') {
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: match.html });
      } else {
        await route.fulfill({ status: 204, body: '' });
      }
    });
  }
}

/** The panel page in a tab of its own, standing in for the side panel. */
export async function openPanel(browser: ExtensionBrowser, size = { width: 400, height: 900 }): Promise<Page> {
  const panel = await browser.context.newPage();
  await panel.setViewportSize(size);
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  return panel;
}

export interface RealSidePanel {
  /** Evaluates a JavaScript expression in the side panel and returns its JSON-able value. */
  evaluate<T>(expression: string): Promise<T>;
}

/**
 * Opens Chrome's real side panel for the window, as the toolbar button does.
 * `sidePanel.open` needs a user gesture in an extension page; Playwright's
 * evaluate provides one. Playwright does not list the panel as a page, so it
 * is reached through a CDP target session.
 */
export async function openRealSidePanel(browser: ExtensionBrowser, windowPage: Page): Promise<RealSidePanel> {
  const launcher = await browser.context.newPage();
  await launcher.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  await windowPage.bringToFront();
  const cdp = await browser.context.newCDPSession(windowPage);
  const before = new Set(((await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string }[] }).targetInfos.map((t) => t.targetId));
  await launcher.evaluate(async () => {
    type Chrome = { windows: { getCurrent(): Promise<{ id: number }> }; sidePanel: { open(options: { windowId: number }): Promise<void> } };
    const api = (globalThis as unknown as { chrome: Chrome }).chrome;
    const { id } = await api.windows.getCurrent();
    await api.sidePanel.open({ windowId: id });
  });
  await launcher.close();
  let targetId: string | undefined;
  for (let attempt = 0; attempt < 50 && !targetId; attempt++) {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] };
    targetId = targetInfos.find((t) => !before.has(t.targetId) && t.url.endsWith('/sidepanel.html'))?.targetId;
    if (!targetId) await new Promise((r) => setTimeout(r, 100));
  }
  if (!targetId) throw new Error('the side panel did not open');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  let nextId = 0;
  const pending = new Map<number, (value: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: { result?: { value?: unknown } } };
    if (message.id !== undefined) pending.get(message.id)?.(message.result?.result?.value);
  });
  return {
    evaluate<T>(expression: string) {
      const id = ++nextId;
      return new Promise<T>((resolve) => {
        pending.set(id, (value) => resolve(value as T));
        void cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true, awaitPromise: true } }),
        });
      });
    },
  };
}

/**
 * A copy of the built extension that already holds host permissions for
 * `hosts`, as if the user had accepted the prompt an optional permission
 * shows: automation cannot click Chromium's permission dialog.
 */
export function extensionGranting(hosts: string[]): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'playcard-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push(...hosts);
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
