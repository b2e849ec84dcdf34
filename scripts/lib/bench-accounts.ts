import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

// My accounts' figures for `npm run bench`: a 10,000-row CRM export imported through the page
// (click → result shown), the page opened with 50,000 accounts (navigation start → the book's
// first rows rendered; then → the whole book read, with the full count), and a keystroke in the search box (input event →
// the filtered list committed to the DOM, measured at the next task).

export interface AccountsFigures {
  /** ms from the import click to the result on screen, 10,000 rows. */
  importMs: number;
  importRows: number;
  /** ms from navigation start to the first rows on screen (the count follows), one per run. */
  open: number[];
  /** ms from navigation start to the whole book read: sorting and search work. */
  complete: number[];
  /** ms per keystroke. */
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

/** Types `text` one key at a time into the search box; the time of each, to the next task after the input event. */
async function keystrokes(page: Page, text: string): Promise<number[]> {
  // A string, not a function: tsx's helpers (__name) do not exist in the page.
  return page.evaluate<number[]>(`(async () => {
    const typed = ${JSON.stringify(text)};
    const input = document.querySelector('[data-testid="search"]');
    const times = [];
    for (const value of [...Array.from(typed, (_, i) => typed.slice(0, i + 1)), ...Array.from(typed, (_, i) => typed.slice(0, typed.length - 1 - i))]) {
      const start = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = resolve; channel.port2.postMessage(0); });
      times.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return times;
  })()`);
}

/** ms from the import click to the result on screen, `rows` rows of a HubSpot export, in a book page left open. */
async function importThroughPage(book: Page, rows: number): Promise<number> {
  if (process.env.BENCH_CONSOLE) book.on('console', (message) => console.log('  page:', message.text()));
  await book.setInputFiles('[data-testid="import-file"]', { name: 'hubspot-export.csv', mimeType: 'text/csv', buffer: Buffer.from(hubspotExport(rows), 'utf8') });
  await book.waitForSelector('[data-testid="import-start"]');
  const started = Date.now();
  await book.click('[data-testid="import-start"]');
  await book.waitForSelector('[data-testid="import-result"]', { timeout: 120_000 });
  return Date.now() - started;
}

export async function benchAccounts(browser: ExtensionBrowser, { runs = 5, importRows = 10_000, accounts = 50_000 } = {}): Promise<AccountsFigures> {
  const book = await openBook(browser);
  const importMs = await importThroughPage(book, importRows);
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
  const keystroke = await keystrokes(page, 'bench company 4');
  await page.close();
  return { importMs, importRows, open, complete, keystroke, accounts: total };
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
    const times = new Map<string | undefined, number[]>((dirs ?? [undefined]).map((dir) => [dir, []]));
    for (let i = 0; i < importRuns; i++) {
      for (const [dir, runs] of times) {
        const browser = await launchWithExtension(dir ? { extensionDir: dir } : {});
        try {
          runs.push(await importThroughPage(await openBook(browser), 10_000));
        } finally {
          await browser.close();
        }
      }
    }
    for (const [dir, runs] of times) console.log(`import 10000 rows${dir ? ` (${dir})` : ''}: median ${median(runs)} ms (budget 3000): ${runs.join(' ')}`);
    return;
  }
  // With `--extension=a,b`: the whole section once per build, in turn.
  for (const dir of dirs ?? [undefined]) {
    const browser = await launchWithExtension(dir ? { extensionDir: dir } : {});
    try {
      const f = await benchAccounts(browser, { runs: 3 });
      if (dir) console.log(`${dir}:`);
      console.log(`import ${f.importRows} rows: ${f.importMs} ms (budget 3000)`);
      console.log(`open → first rows, ${f.accounts} accounts: median ${median(f.open).toFixed(0)} ms (budget 400): ${f.open.map((ms) => ms.toFixed(0)).join(' ')}`);
      console.log(`open → whole book: median ${median(f.complete).toFixed(0)} ms: ${f.complete.map((ms) => ms.toFixed(0)).join(' ')}`);
      console.log(`keystroke: median ${median(f.keystroke).toFixed(1)} ms, p95 ${p95(f.keystroke).toFixed(1)} ms (budget 16.7 p95): ${f.keystroke.map((ms) => ms.toFixed(0)).join(" ")}`);
    } finally {
      await browser.close();
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
