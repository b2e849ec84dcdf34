import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

// My accounts' figures for `npm run bench`: a 10,000-row CRM export imported through the page
// (click → result shown), the page opened with 50,000 accounts (navigation start → the book's
// first rows rendered; then → the whole book read, with the full count), and a keystroke in the search box (the main
// thread's time from the input event to the filtered list painted: see `keystrokes`).

export interface AccountsFigures {
  /** ms from navigation start to the first rows on screen (the count follows), one per run. */
  open: number[];
  /** ms from navigation start to the whole book read: sorting and search work. */
  complete: number[];
  /** ms of main-thread work per keystroke, the list's frame included. */
  keystroke: number[];
  accounts: number;
}

/** A HubSpot companies export: sizes and revenues spread over every segment the facts can reach. */
export function hubspotExport(rows: number): string {
  const lines = ['Record ID,Company name,Company Domain Name,Industry,Number of Employees,Annual Revenue,Country/Region,City'];
  for (let i = 0; i < rows; i++) {
    const employees = [8, 30, 120, 600, 2400][i % 5]!;
    const revenue = [400_000, 3_000_000, 22_000_000, 90_000_000, 400_000_000][(i * 7) % 5]!;
    lines.push(`${900000 + i},"Bench Company ${i}",bench-${i}.example.com,Manufacturing,${employees},"${revenue.toLocaleString('en')}",Poland,Poznań`);
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

async function openBook(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/accounts.html`);
  await page.waitForSelector('[data-testid="shown-count"]', { timeout: 30_000 });
  return page;
}

/** Copies the page's scored accounts (raw IndexedDB, as Dexie stores them) until the book has `total`. */
async function seedScores(page: Page, total: number): Promise<number> {
  return page.evaluate<number>(`(async () => {
    const db = await new Promise((resolve, reject) => { const r = indexedDB.open('playcard'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const req = (r) => new Promise((resolve) => (r.onsuccess = () => resolve(r.result)));
    const templates = await req(db.transaction('scores').objectStore('scores').getAll(null, 50));
    let count = await req(db.transaction('scores').objectStore('scores').count());
    const now = Date.now();
    while (count < ${total}) {
      const tx = db.transaction('scores', 'readwrite');
      const store = tx.objectStore('scores');
      for (let i = 0; i < 5000 && count < ${total}; i++, count++) {
        const base = templates[count % templates.length];
        store.put({ ...base, key: 'domain:seed-' + count + '.example.com', name: 'Seeded ' + count, domain: 'seed-' + count + '.example.com', seenAt: now - (count * 7919) % 63072000000 });
      }
      await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
    }
    db.close();
    return count;
  })()`);
}

/** ms from navigation start to the first rows on screen, and to the whole book read with the full count (sort and search ready). */
async function openToRows(browser: ExtensionBrowser, total: number): Promise<{ first: number; complete: number }> {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript((wanted) => {
      const w = window as unknown as { __benchRendered?: number; __benchComplete?: number };
      const observer = new MutationObserver(() => {
        const book = document.querySelector('[data-testid="book-body"]')?.closest('[data-total]');
        if (!w.__benchRendered && document.querySelector('[data-testid="book-row"]')) w.__benchRendered = performance.now();
        if (book?.getAttribute('data-complete') === 'true' && book.getAttribute('data-total') === String(wanted) && document.querySelector('[data-testid="book-row"]')) {
          w.__benchComplete = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true });
    }, total);
    await page.goto(`chrome-extension://${browser.extensionId}/accounts.html`);
    const handle = await page.waitForFunction(
      () => {
        const w = window as unknown as { __benchRendered?: number; __benchComplete?: number };
        return w.__benchComplete && { first: w.__benchRendered ?? w.__benchComplete, complete: w.__benchComplete };
      },
      undefined,
      { timeout: 60_000, polling: 20 },
    );
    return (await handle.jsonValue()) as { first: number; complete: number };
  } finally {
    await page.close();
  }
}

/**
 * Types each phrase one key at a time into the search box and deletes it again; for each
 * keystroke, the main thread's time to show its result: from the input event to the next
 * task (the filtering and the list's DOM), plus, from the next animation frame's start to the
 * task after it, the style, layout, paint and commit of the frame that shows the list. If that
 * frame ran before the next task, its time is in the first part and the second part reads an
 * empty frame (well under 1 ms). Under 16.7 ms means the list keeps up with typing at 60 Hz.
 * The wait for the display's next frame (0–16.7 ms, idle) is not counted: it does not depend on
 * the page.
 */
async function keystrokes(page: Page, phrases: readonly string[]): Promise<number[]> {
  // A string, not a function: tsx's helpers (__name) do not exist in the page.
  return page.evaluate<number[]>(`(async () => {
    const input = document.querySelector('[data-testid="search"]');
    const nextTask = () => new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = () => resolve(performance.now()); channel.port2.postMessage(0); });
    const result = [];
    for (const typed of ${JSON.stringify(phrases)})
      for (const value of [...Array.from(typed, (_, i) => typed.slice(0, i + 1)), ...Array.from(typed, (_, i) => typed.slice(0, typed.length - 1 - i))]) {
        const start = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const handled = await nextTask();
        const frameStart = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
        const painted = await nextTask();
        result.push(handled - start + (painted - frameStart));
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    return result;
  })()`);
}

export interface ImportTiming {
  /** ms from the click (the event's own timestamp) to the frame that shows the result, on the page's clock. */
  shownMs: number;
  /** ms from Playwright's click call to its finding the result: adds its actionability checks and polling. */
  harnessMs: number;
}

/**
 * One import of `rows` rows of a HubSpot export through the page. `reviewMs`: how long the rep
 * looks at the column mapping before clicking Import (0: at once). The page reads the rows while
 * the mapping is on screen, so a rep who reads the mapping first waits only for the writes.
 */
async function importThroughPage(book: Page, rows: number, reviewMs: number): Promise<ImportTiming> {
  if (process.env.BENCH_CONSOLE) book.on('console', (message) => console.log('  page:', message.text()));
  await book.setInputFiles('[data-testid="import-file"]', { name: 'hubspot-export.csv', mimeType: 'text/csv', buffer: Buffer.from(hubspotExport(rows), 'utf8') });
  await book.waitForSelector('[data-testid="import-start"]');
  await book.evaluate(`(() => {
    const w = window;
    document.addEventListener('click', (event) => { if (event.target.closest('[data-testid="import-start"]')) w.__benchClick = event.timeStamp; }, true);
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="import-result"]')) return;
      observer.disconnect();
      requestAnimationFrame((frame) => (w.__benchShown = frame));
    });
    observer.observe(document.body, { subtree: true, childList: true });
  })()`);
  if (reviewMs) await book.waitForTimeout(reviewMs);
  const started = Date.now();
  await book.click('[data-testid="import-start"]');
  await book.waitForFunction(() => (window as unknown as { __benchShown?: number }).__benchShown !== undefined, undefined, { timeout: 120_000, polling: 50 });
  const harnessMs = Date.now() - started;
  const shownMs = await book.evaluate<number>('Math.round(window.__benchShown - window.__benchClick)');
  return { shownMs, harnessMs };
}

/**
 * IndexedDB alone: 10,000 records shaped like the import's book rows (same keys, the same two
 * indexes), put in transactions of 1,000 into a scratch database of the extension's origin, with
 * nothing else running. What any import of 10,000 accounts costs at least on this machine.
 */
async function writeFloor(book: Page, rows: number): Promise<number> {
  return book.evaluate<number>(`(async () => {
    const open = indexedDB.open('bench-floor', 1);
    open.onupgradeneeded = () => { const store = open.result.createObjectStore('scores', { keyPath: 'key' }); store.createIndex('segment', 'segment'); store.createIndex('playbookHash', 'playbookHash'); };
    const db = await new Promise((resolve, reject) => ((open.onsuccess = () => resolve(open.result)), (open.onerror = () => reject(open.error))));
    const row = (i) => ({ key: 'domain:bench-' + i + '.example.com', name: 'Bench Company ' + i, domain: 'bench-' + i + '.example.com', site: 'import', seenAt: 0, segment: ['low-touch', 'standard', 'key'][i % 3], points: i % 9, persona: { primary: 'novice' }, personaBy: 'suggestion', facts: { employees: i % 3000, annualRevenue: 400000 + i, country: 'PL', city: 'Poznań', industry: 'Manufacturing' }, answers: {}, playbookVersion: '2026.12.1', playbookHash: 'fe63d8b165094c315632815fa612baa9e5bef1b64e04ae9948cffdc91d059def', scoredAt: Date.now(), imported: { firstSeenAt: Date.now(), recordId: String(900000 + i), name: 'Bench Company ' + i } });
    const records = Array.from({ length: ${rows} }, (_, i) => row(i));
    const started = performance.now();
    for (let start = 0; start < records.length; start += 1000) {
      const tx = db.transaction('scores', 'readwrite');
      const store = tx.objectStore('scores');
      for (const record of records.slice(start, start + 1000)) store.put(record);
      await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
    }
    const ms = Math.round(performance.now() - started);
    db.close();
    indexedDB.deleteDatabase('bench-floor');
    return ms;
  })()`);
}

export interface ImportFigures {
  rows: number;
  /** The rep looks at the mapping for a second, then clicks Import. */
  reviewed: ImportTiming[];
  /** Import clicked as soon as the mapping shows. */
  atOnce: ImportTiming[];
  /** IndexedDB alone (writeFloor). */
  floor: number[];
}

/** The import, `runs` times each way, every time a first import into a new profile. */
export async function benchImport(launch: () => Promise<ExtensionBrowser>, { runs = 3, rows = 10_000 } = {}): Promise<ImportFigures> {
  const figures: ImportFigures = { rows, reviewed: [], atOnce: [], floor: [] };
  const once = async <T>(work: (book: Page) => Promise<T>): Promise<T> => {
    const browser = await launch();
    try {
      return await work(await openBook(browser));
    } finally {
      await browser.close();
    }
  };
  for (let i = 0; i < runs; i++) {
    figures.reviewed.push(await once((book) => importThroughPage(book, rows, 1000)));
    figures.atOnce.push(await once((book) => importThroughPage(book, rows, 0)));
    figures.floor.push(await once((book) => writeFloor(book, rows)));
  }
  return figures;
}

export async function benchAccounts(browser: ExtensionBrowser, { runs = 5, importRows = 10_000, accounts = 50_000 } = {}): Promise<AccountsFigures> {
  const book = await openBook(browser);
  // The book is filled by an import (benchImport times it), then copied up to `accounts`.
  await importThroughPage(book, importRows, 1000);
  const total = await seedScores(book, accounts);
  await book.close();

  const open: number[] = [];
  const complete: number[] = [];
  for (let i = 0; i < runs; i++) {
    const times = await openToRows(browser, total);
    open.push(times.first);
    complete.push(times.complete);
  }
  const page = await openBook(browser);
  await page.waitForFunction((wanted) => document.querySelector('[data-testid="shown-count"]')?.getAttribute('data-shown') === String(wanted), total, { timeout: 30_000 });
  // Three phrases, not one typed three times: a query typed before is answered from memory.
  const keystroke = await keystrokes(page, ['bench company 4', 'seeded 31', 'bench-7.example']);
  await page.close();
  return { open, complete, keystroke, accounts: total };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const p95 = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)] ?? NaN;

/**
 * `npm run build && npx tsx scripts/lib/bench-accounts.ts`: section 8 of the bench alone, for work on this page;
 * `... bench-accounts.ts --import=5`: the import alone, five times (BENCH_CONSOLE=1 prints the page's console);
 * `--extension=<dir>,<dir>` runs either for each built extension, in turn.
 */
async function main(): Promise<void> {
  const { launchWithExtension } = await import('./browser');
  // `--import=N`: only the 10,000-row import, N times, each into a new profile (a first import).
  const importRuns = Number(/^--import=(\d+)$/.exec(process.argv.find((arg) => arg.startsWith('--import=')) ?? '')?.[1] ?? 0);
  // `--extension=a,b`: built extensions to compare, run after run (the same load for both).
  const dirs = /^--extension=(.+)$/.exec(process.argv.find((arg) => arg.startsWith('--extension=')) ?? '')?.[1]?.split(',');
  if (importRuns) {
    const results = new Map<string | undefined, ImportFigures[]>((dirs ?? [undefined]).map((dir) => [dir, []]));
    // One run of each build in turn, so both see the same load.
    for (let i = 0; i < importRuns; i++)
      for (const [dir, runs] of results) runs.push(await benchImport(() => launchWithExtension(dir ? { extensionDir: dir } : {}), { runs: 1 }));
    for (const [dir, runs] of results) {
      const all = (pick: (f: ImportFigures) => number[]) => runs.flatMap(pick);
      console.log(`import 10000 rows${dir ? ` (${dir})` : ''}, mapping read for 1 s: median ${median(all((f) => f.reviewed.map((t) => t.shownMs)))} ms (budget 3000): ${all((f) => f.reviewed.map((t) => t.shownMs)).join(' ')}`);
      console.log(`  clicked at once: median ${median(all((f) => f.atOnce.map((t) => t.shownMs)))} ms: ${all((f) => f.atOnce.map((t) => t.shownMs)).join(' ')}`);
      console.log(`  on Playwright's clock (reviewed / at once): ${all((f) => f.reviewed.map((t) => t.harnessMs)).join(' ')} / ${all((f) => f.atOnce.map((t) => t.harnessMs)).join(' ')}`);
      console.log(`  IndexedDB alone, 10000 records: median ${median(all((f) => f.floor))} ms: ${all((f) => f.floor).join(' ')}`);
    }
    return;
  }
  // With `--extension=a,b`: the whole section once per build, in turn.
  for (const dir of dirs ?? [undefined]) {
    const browser = await launchWithExtension(dir ? { extensionDir: dir } : {});
    try {
      const f = await benchAccounts(browser, { runs: 3 });
      if (dir) console.log(`${dir}:`);
      console.log(`open → first rows, ${f.accounts} accounts: median ${median(f.open).toFixed(0)} ms (budget 400): ${f.open.map((ms) => ms.toFixed(0)).join(' ')}`);
      console.log(`open → whole book: median ${median(f.complete).toFixed(0)} ms: ${f.complete.map((ms) => ms.toFixed(0)).join(' ')}`);
      console.log(`keystroke: median ${median(f.keystroke).toFixed(1)} ms, p95 ${p95(f.keystroke).toFixed(1)} ms (budget 16.7 p95): ${f.keystroke.map((ms) => ms.toFixed(0)).join(" ")}`);
    } finally {
      await browser.close();
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
