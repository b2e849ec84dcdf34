// Learn's figure for `npm run bench`: learn.html opened → its first card rendered, with 2,000
// reviews in the history (issue 10: median ≤ 100 ms). Run alone: `tsx scripts/lib/bench-learn.ts`.
import type { ExtensionBrowser } from './browser';

export const LEARN_REVIEWS = 2000;

/** Seeds `count` reviews (and progress for the scenarios they touch) straight into IndexedDB, as weeks of study would leave them. */
export async function seedReviews(browser: ExtensionBrowser, count: number): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/learn.html`);
  await page.waitForSelector('[data-testid="flashcard"]');
  await page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('playcard');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['learnReviews', 'learnProgress'], 'readwrite');
    const reviews = tx.objectStore('learnReviews');
    const progress = tx.objectStore('learnProgress');
    const start = Date.now() - 60 * 86_400_000;
    const personas = ['expert', 'fast', 'novice', 'burned'];
    for (let i = 0; i < n; i++) {
      const persona = personas[i % 4]!;
      reviews.add({ cardId: `scenario:bench-${i % 300}`, at: start + i * 2_500_000, grading: i % 5 ? 'good' : 'again', source: 'quiz', correct: i % 5 !== 0, personas: [persona] });
    }
    for (let i = 0; i < 300; i++) {
      progress.put({ id: `scenario:bench-${i}`, hash: 'bench', due: Date.now() + i * 3_600_000, stability: 4, difficulty: 5, scheduledDays: 4, learningSteps: 0, reps: 6, lapses: 1, state: 2, lastReview: Date.now() - 86_400_000 });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
  await page.close();
}

/** Where one open's time went, in ms from navigation start (the page's own performance marks; see entrypoints/learn/main.tsx). */
export interface LearnOpenParts {
  /** The HTML is parsed. */
  parsed: number;
  /** The entry script starts (it draws the stored first frame, then loads the page's code). */
  script: number;
  /** The stored first frame is drawn (NaN when there was none to draw: the first open, a new day, a new build). */
  frame: number;
  /** The page's code has loaded and read the playbook and the progress. */
  data: number;
  /** The strings are loaded; the page renders. */
  strings: number;
  /** The first card is in the DOM. */
  card: number;
}

/**
 * Milliseconds from navigation start to the first card in the DOM, per run: a MutationObserver
 * installed before the page's own script notes the moment, on the page's own clock. `parts`, if
 * given, receives each run's breakdown.
 */
export async function benchLearnOpen(browser: ExtensionBrowser, runs = 15, parts?: LearnOpenParts[], { seeded = false } = {}): Promise<number[]> {
  // A browser already seeded (a driver comparing two builds in turns) is not seeded twice.
  if (!seeded) await seedReviews(browser, LEARN_REVIEWS);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.context.newPage();
    // Playwright's addInitScript skips extension pages; the DevTools protocol's own call does not.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: `new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-testid="flashcard"]')) return;
        window.firstCardAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });`,
    });
    await page.goto(`chrome-extension://${browser.extensionId}/learn.html`);
    await page.waitForSelector('[data-testid="flashcard"]');
    // No named functions inside: tsx would wrap them in a helper the page does not have.
    const run = await page.evaluate(() => {
      const [script, frame, data, strings] = ['learn:script', 'learn:frame', 'learn:data', 'learn:strings'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN);
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { parsed: navigation?.domInteractive ?? NaN, script: script!, frame: frame!, data: data!, strings: strings!, card: (window as unknown as { firstCardAt: number }).firstCardAt };
    });
    samples.push(run.card);
    parts?.push(run);
    await page.close();
  }
  return samples;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { launchWithExtension } = await import('./browser');
  const browser = await launchWithExtension();
  try {
    const parts: LearnOpenParts[] = [];
    const samples = (await benchLearnOpen(browser, 15, parts)).sort((a, b) => a - b);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!.toFixed(0);
    console.log(`learn.html → first card, ${LEARN_REVIEWS} reviews: median ${median(samples)} ms; samples ${samples.map((s) => s.toFixed(0)).join(' ')}`);
    console.log(
      `  medians from navigation start: HTML parsed ${median(parts.map((p) => p.parsed))} ms, script starts ${median(parts.map((p) => p.script))} ms, ` +
        `page read the playbook and progress ${median(parts.map((p) => p.data))} ms, strings loaded ${median(parts.map((p) => p.strings))} ms, first card ${median(samples)} ms`,
    );
  } finally {
    await browser.close();
  }
}
