import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';

// Learn's entry script draws the frame the page last kept (components/learn/first-frame.ts) before
// the page's code loads; the page then renders over the same nodes. What a rep must see: the
// right first card at once, no flash when the page takes over, and what they pressed meanwhile.

const profile = mkdtempSync(join(tmpdir(), 'playcard-learn-frame-'));
let browser: ExtensionBrowser;

/** Opens learn.html with a watcher installed before any of the page's scripts: it notes the first card's node and #app's markup the moment the card appears, and whether that node is ever removed. */
/**
 * Runs `edit` in another page of the extension (its options page) once no Learn page is open:
 * Learn keeps its frame a moment after any change, so an edit made in a Learn page could be
 * written over before the next open reads it (it was, once, in a full e2e run).
 */
async function withNoLearnOpen(edit: () => void): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.evaluate(edit);
  await page.close();
}

async function openWatched(click?: string): Promise<Page> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
    source: `new MutationObserver((records, observer) => {
      const card = document.querySelector('[data-testid="flashcard"]');
      if (!window.firstCard && card) {
        window.firstCard = card;
        window.firstMarkup = document.getElementById('app').innerHTML;
        window.framed = performance.getEntriesByName('learn:frame').length === 1;
        ${click ? `document.querySelector(${JSON.stringify(click)}).click();` : ''}
      }
      for (const record of records) for (const node of record.removedNodes) if (window.firstCard && node.contains(window.firstCard)) window.cardRemoved = true;
    }).observe(document, { childList: true, subtree: true });`,
  });
  await page.goto(`chrome-extension://${browser.extensionId}/learn.html`);
  await page.waitForSelector('[data-testid="flashcard"]');
  return page;
}

/** The page's code has rendered over the frame and is awake (the handout is rendered once it is). */
const live = (page: Page) => page.waitForSelector('.handout', { state: 'attached' });

/** Waits until the stored frame shows `text`. */
const frameShows = (page: Page, text: string) => page.waitForFunction((wanted) => (localStorage.getItem('playcard.learn.frame') ?? '').includes(wanted), text);

describe('Learn: the first frame', () => {
  beforeAll(async () => {
    browser = await launchWithExtension({ userDataDir: profile });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  test('the first open has no frame; the next shows the first card at once, and the page takes over the same nodes without a change', async () => {
    const first = await openWatched();
    expect(await first.evaluate(() => (window as unknown as { framed: boolean }).framed)).toBe(false);
    await live(first);
    // Grading the first card changes the counts a fresh open shows ("new" goes down by one).
    await first.keyboard.press('Space');
    await first.keyboard.press('3');
    await first.waitForSelector('[data-testid="flashcard"][data-card="persona:fast"]');
    const newCount = (await first.textContent('[data-testid="new-count"]'))!;
    await frameShows(first, newCount);
    await first.close();

    const second = await openWatched();
    const seen = await second.evaluate(() => {
      const w = window as unknown as { framed: boolean; firstCard: Element; firstMarkup: string };
      return { framed: w.framed, card: w.firstCard.getAttribute('data-card'), title: w.firstCard.querySelector('h2')?.textContent, markup: w.firstMarkup };
    });
    // Drawn from the frame, before the page's code: the first persona card (a fresh open starts there), with today's counts.
    expect(seen.framed).toBe(true);
    expect(seen.card).toBe('persona:expert');
    expect(seen.title).toBe('Expert');
    expect(seen.markup).toContain(newCount);
    await live(second);
    const after = await second.evaluate((frameMarkup) => {
      const w = window as unknown as { firstCard: Element; cardRemoved?: boolean };
      const frame = document.createElement('template');
      frame.innerHTML = frameMarkup;
      const screen = document.querySelector('.screen')!.cloneNode(true) as Element;
      // The "ready" badge comes once the history is read, after the first card, on every open.
      const badge = screen.querySelector('[data-testid="overall-ready"]');
      badge?.previousSibling?.remove();
      badge?.remove();
      // Attribute order aside (Preact re-sets tabindex last), the nodes must say the same.
      const canonical = (root: Element) => {
        for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
          const attributes = Array.from(element.attributes, (a) => [a.name, a.value] as const).sort(([a], [b]) => a.localeCompare(b));
          for (const [name] of attributes) element.removeAttribute(name);
          for (const [name, value] of attributes) element.setAttribute(name, value);
        }
        return root.outerHTML;
      };
      return { same: document.querySelector('[data-testid="flashcard"]') === w.firstCard, removed: w.cardRemoved ?? false, frame: canonical(frame.content.firstElementChild!), markup: canonical(screen) };
    }, seen.markup);
    expect(after.same).toBe(true);
    expect(after.removed).toBe(false);
    expect(after.frame).toBe(after.markup);
    // The page works on those nodes: Space flips the card.
    await second.keyboard.press('Space');
    await second.waitForSelector('[data-testid="flashcard"][data-card="persona:expert"][data-side="answer"]');
    await second.close();
  });

  test('a click on the frame before the page has loaded counts once it has', async () => {
    const page = await openWatched('[data-testid="flip"]');
    expect(await page.evaluate(() => (window as unknown as { framed: boolean }).framed)).toBe(true);
    await page.waitForSelector('[data-testid="flashcard"][data-side="answer"]');
    await live(page);
    expect(await page.getAttribute('[data-testid="flashcard"]', 'data-side')).toBe('answer');
    await page.close();
  });

  test('a frame kept by another build of the extension is not drawn; one kept yesterday is, with "due today" counted for today', async () => {
    const page = await openWatched();
    await live(page);
    await page.close();
    await withNoLearnOpen(() => {
      const frame = JSON.parse(localStorage.getItem('playcard.learn.frame')!);
      localStorage.setItem('playcard.learn.frame', JSON.stringify({ ...frame, build: '0.0.1' }));
    });
    const other = await openWatched();
    expect(await other.evaluate(() => (window as unknown as { framed: boolean }).framed)).toBe(false);
    await live(other);
    // The page keeps its own frame again; then it is made yesterday's, with no review due yesterday.
    await other.waitForFunction(() => JSON.parse(localStorage.getItem('playcard.learn.frame')!).build !== '0.0.1');
    const today = (await other.textContent('[data-testid="due-today"]'))!;
    await other.close();
    await withNoLearnOpen(() => {
      const frame = JSON.parse(localStorage.getItem('playcard.learn.frame')!);
      const day = 86_400_000;
      type Node = string | [string, Record<string, string>, Node[]];
      const find = (nodes: Node[]): [string, Record<string, string>, Node[]] | undefined => {
        for (const node of nodes) {
          if (typeof node === 'string') continue;
          if (node[1]['data-testid'] === 'due-today') return node;
          const inside = find(node[2]);
          if (inside) return inside;
        }
        return undefined;
      };
      const due = find(frame.nodes)!;
      due[1]['data-count'] = '0';
      due[2] = [frame.due.texts[0]];
      localStorage.setItem('playcard.learn.frame', JSON.stringify({ ...frame, since: frame.since - day, until: frame.until - day }));
    });
    const yesterday = await openWatched();
    const drawn = await yesterday.evaluate(() => {
      const w = window as unknown as { framed: boolean; firstMarkup: string };
      const frame = document.createElement('template');
      frame.innerHTML = w.firstMarkup;
      return { framed: w.framed, due: frame.content.querySelector('[data-testid="due-today"]')!.textContent };
    });
    expect(drawn.framed).toBe(true);
    // One card graded "good" in the first test comes back today.
    expect(today).toBe('1 review due today');
    expect(drawn.due).toBe(today);
    await yesterday.close();
  });
});
