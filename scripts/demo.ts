/**
 * `npm run demo`: builds the extension (the npm script does), starts Chromium
 * with it, and opens the bundled demo pages at their real URLs (served from
 * test fixtures, no network) next to the Playcard panel.
 *
 * With a display it leaves the browser open for you to click around.
 * Without one (or with --headless) it says so, saves a picture of the panel
 * for each page under demo-output/ at the side panel's real size (360 × 765,
 * what the rep sees without scrolling) and prints one line per page.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension, openPanel, openRealSidePanel, routePages } from './lib/browser';
import { loadFixture } from './lib/fixtures';

const DEMO_PAGES = process.env.PLAYCARD_DEMO_PAGES?.split(',') ?? [
  'hubspot/company-northwind',
  'hubspot/company-kowalski-sparse',
  'gmail/thread-northwind-en',
  'gmail/thread-meble-pl',
];

/** Chrome's side panel on a 1080p screen: the pictures show what a rep sees without scrolling. */
const SIDE_PANEL = { width: 360, height: 765 };
const OUTPUT = 'demo-output';

const headlessBecause = process.argv.includes('--headless')
  ? 'you asked for --headless'
  : process.env.CI === 'true'
    ? 'CI=true'
    : !process.env.DISPLAY
      ? 'no display was found (DISPLAY is not set)'
      : undefined;
const headless = headlessBecause !== undefined;
if (headless) {
  console.log(`Running headless because ${headlessBecause}: no window opens.`);
  console.log(`Pictures of the panel at ${SIDE_PANEL.width} × ${SIDE_PANEL.height}, one per demo page, go to ${resolve(OUTPUT)}/`);
}
const pages = DEMO_PAGES.map(loadFixture);
const browser = await launchWithExtension({ headless, viewport: headless ? { width: 1280, height: 800 } : null });
await routePages(browser.context, pages);
if (!headless) {
  const tabs = [];
  for (const page of pages) {
    const tab = await browser.context.newPage();
    await tab.goto(page.url);
    tabs.push(tab);
  }
  await openRealSidePanel(browser, tabs[0]!);
  console.log(
    [
      'Playcard is running in Chromium with the demo pages open and its side panel showing.',
      'Switch between the demo tabs and watch the panel follow; the Playcard toolbar button opens and closes it.',
      'Close the browser window to finish.',
    ].join('\n'),
  );
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  process.exit(0);
}

const panel = await openPanel(browser, SIDE_PANEL);
mkdirSync(OUTPUT, { recursive: true });
let failures = 0;
let previousKey: string | null = null;
for (const page of pages) {
  const tab = await browser.context.newPage();
  await tab.goto(page.url);
  // The panel follows the new tab: wait until it shows another account than before.
  const shown = await panel
    .waitForFunction(
      (previous) => {
        const key = document.querySelector('[data-testid="card"]')?.getAttribute('data-account-key');
        return key && key !== previous && document.querySelector('[data-testid="for-this-call"]') ? key : null;
      },
      previousKey,
      { timeout: 15_000 },
    )
    .then(async (handle) => {
      previousKey = (await handle.jsonValue()) as string;
      return true;
    })
    .catch(() => false);
  const file = `${OUTPUT}/${page.name.replace('/', '-')}.png`;
  // The panel as it is in view: a side panel does not show a 2,500 px page at once.
  await panel.bringToFront();
  await panel.screenshot({ path: file });
  if (!shown) {
    failures++;
    console.log(`${page.name.padEnd(32)} NOT SHOWN (see ${file})`);
  } else {
    // No helper functions inside evaluate: tsx's name-keeping helper does not exist in the page.
    const line = await panel.evaluate(() => {
      const personas = Array.from(document.querySelectorAll('[data-testid="account"] [data-testid="glance-persona"]'))
        .map((badge) => badge.textContent?.trim())
        .join(' ');
      const textOf = ['account-name', 'segment-label', 'segment-points', 'persona-source'].map(
        (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '',
      );
      const first = document.querySelector('[data-testid="for-this-call"] label')?.textContent?.trim() ?? '';
      return {
        account: textOf[0],
        segment: `${textOf[1]} (${textOf[2]})`,
        persona: `${personas} (${textOf[3]})`,
        tactics: document.querySelectorAll('[data-testid="checklist"] input[type=checkbox]').length,
        first: first.length > 60 ? `${first.slice(0, 59)}…` : first,
      };
    });
    console.log(
      `${page.name.padEnd(32)} account: ${line.account} | segment: ${line.segment} | persona: ${line.persona} | tactics: ${line.tactics} | first: ${line.first} | ${file}`,
    );
  }
  await tab.close();
}
if (browser.errors.length) console.log(`console errors:\n${browser.errors.join('\n')}`);
console.log(`Pictures: ${resolve(OUTPUT)}/`);
await browser.close();
process.exit(failures || browser.errors.length ? 1 : 0);
