/**
 * The studio's figures for `npm run bench` (issue 11):
 * - open: navigation start → the built-in playbook's editor is rendered and checked, ms;
 * - rescore: with 5,000 cached accounts, one keystroke in a segment threshold → the preview
 *   lists the moved accounts, ms, and the longest main-thread task meanwhile (typing is blocked
 *   for at most that long).
 * Runs alone too: `npm run build && tsx scripts/lib/bench-studio.ts`.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser';

export interface StudioFigures {
  openMs: number[];
  /** Where the open time goes, ms from navigation start, one entry per run. */
  openPhases: OpenPhases[];
  rescoreMs: number[];
  longestTaskMs: number[];
  accounts: number;
}

const ACCOUNTS = 5000;

export interface OpenPhases {
  /** Every module of the page evaluated (main.tsx's first line). */
  script: number;
  /** The draft and the active playbook read from IndexedDB. */
  loaded: number;
  /** The editor's forms in the page. */
  editor: number;
  /** The header says whether the draft is valid (the schema has checked it). */
  checked: number;
}

/** Writes `count` accounts straight into the extension's database (Dexie's object store), with facts spread over the built-in ranges. */
async function seed(page: Page, count: number): Promise<number> {
  return page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('playcard');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['accounts', 'studioDrafts'], 'readwrite');
    const store = tx.objectStore('accounts');
    for (let i = 0; i < n; i++) {
      const domain = `bench-${i}.example.com`;
      const company = { name: `Bench ${i}`, domain, employees: (i * 37) % 3000, annualRevenue: { amount: ((i * 7919) % 400) * 1_000_000, currency: 'EUR' } };
      const snapshot = { site: 'hubspot', kind: 'company', url: `https://app.hubspot.com/contacts/1/record/0-2/${i}`, recordId: String(i), company, people: [], deals: { openCount: i % 4, wonCount: i % 12 } };
      store.put({ key: `domain:${domain}`, name: company.name, domain, site: 'hubspot', snapshot, firstSeenAt: 1, seenAt: 1 + i });
    }
    tx.objectStore('studioDrafts').delete('current');
    await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
    const counting = db.transaction('accounts').objectStore('accounts').count();
    const total = await new Promise<number>((resolve) => (counting.onsuccess = () => resolve(counting.result)));
    db.close();
    return total;
  }, count);
}

async function discardDraft(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('playcard');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('studioDrafts', 'readwrite');
    tx.objectStore('studioDrafts').delete('current');
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
}

/** ms from navigation start until the editor shows the checked built-in playbook, and when each phase ended. */
async function openOnce(browser: ExtensionBrowser, url: string): Promise<OpenPhases> {
  const page = await browser.context.newPage();
  try {
    await page.goto(url.replace('studio.html', 'options.html'));
    await discardDraft(page);
    await page.addInitScript(() => {
      const w = window as unknown as { __ready?: number; __editor?: number };
      const observer = new MutationObserver(() => {
        const editor = document.querySelector('[data-testid="segment-standard"]');
        if (editor && w.__editor === undefined) w.__editor = performance.now();
        if (editor && document.querySelector('[data-testid="error-count"]')) {
          w.__ready = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { subtree: true, childList: true });
    });
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready, undefined, { timeout: 15_000, polling: 20 });
    // No named functions inside evaluate: tsx would wrap them in a helper the page lacks.
    return await page.evaluate(() => {
      const w = window as unknown as { __ready: number; __editor: number };
      const [script, loaded] = ['studio-script', 'studio-loaded'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN);
      return { script: script!, loaded: loaded!, editor: w.__editor, checked: w.__ready };
    });
  } finally {
    await page.close();
  }
}

/** One keystroke in Standard's threshold → the moves list changes; and the longest task meanwhile. */
async function rescoreOnce(page: Page, value: string): Promise<{ ms: number; longest: number }> {
  return page.evaluate(async (next) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="segment-minPoints-standard"]')!;
    const moves = document.querySelector('aside [data-testid="moves"]')!;
    const before = moves.textContent;
    let longest = 0;
    const tasks = new PerformanceObserver((list) => list.getEntries().forEach((e) => (longest = Math.max(longest, e.duration))));
    tasks.observe({ type: 'longtask' });
    const start = performance.now();
    const done = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (moves.textContent !== before) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(moves, { subtree: true, childList: true, characterData: true });
    });
    input.value = next;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const end = await done;
    // Long tasks are reported after they end: give the observer a frame.
    await new Promise((resolve) => setTimeout(resolve, 50));
    tasks.disconnect();
    return { ms: end - start, longest };
  }, value);
}

/**
 * Waits until the background has created the extension's database. The bench writes to it
 * directly; opened before that, a bare indexedDB.open would create an empty one (no stores).
 */
async function databaseReady(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const request = indexedDB.open('playcard');
          // Never create it: that is the extension's job.
          request.onupgradeneeded = () => request.transaction?.abort();
          request.onerror = () => resolve(false);
          request.onsuccess = () => {
            const ready = request.result.objectStoreNames.contains('studioDrafts');
            request.result.close();
            resolve(ready);
          };
        }),
      undefined,
      { timeout: 30_000, polling: 100 },
    );
  } finally {
    await page.close();
  }
}

export async function benchStudio(browser: ExtensionBrowser, runs = 7): Promise<StudioFigures> {
  const url = `chrome-extension://${browser.extensionId}/studio.html`;
  await databaseReady(browser);
  const openPhases: OpenPhases[] = [];
  for (let i = 0; i < runs; i++) openPhases.push(await openOnce(browser, url));
  const openMs = openPhases.map((p) => p.checked);

  const page = await browser.context.newPage();
  try {
    await page.goto(url.replace('studio.html', 'options.html'));
    const accounts = await seed(page, ACCOUNTS);
    await page.goto(url);
    await page.waitForSelector('[data-testid="segment-standard"]');
    await page.click('[data-testid="segment-standard"] .item-title');
    await page.waitForSelector('aside [data-testid="moves"]');
    // Let the first full scoring (on open) finish.
    await page.waitForTimeout(1000);
    const rescoreMs: number[] = [];
    const longestTaskMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { ms, longest } = await rescoreOnce(page, i % 2 === 0 ? '0' : '7');
      rescoreMs.push(ms);
      longestTaskMs.push(longest);
    }
    return { openMs, openPhases, rescoreMs, longestTaskMs, accounts };
  } finally {
    await page.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const browser = await launchWithExtension();
  try {
    const figures = await benchStudio(browser);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    console.log(`studio open (built-in playbook): median ${median(figures.openMs).toFixed(0)} ms of ${figures.openMs.map((v) => v.toFixed(0)).join(', ')}`);
    for (const phase of ['script', 'loaded', 'editor', 'checked'] as const)
      console.log(`  ${phase.padEnd(8)} median ${median(figures.openPhases.map((p) => p[phase])).toFixed(0)} ms after navigation start`);
    console.log(`re-score ${figures.accounts} accounts after an edit: median ${median(figures.rescoreMs).toFixed(0)} ms of ${figures.rescoreMs.map((v) => v.toFixed(0)).join(', ')}`);
    console.log(`longest main-thread task meanwhile: median ${median(figures.longestTaskMs).toFixed(0)} ms, max ${Math.max(...figures.longestTaskMs).toFixed(0)} ms`);
  } finally {
    await browser.close();
  }
}
