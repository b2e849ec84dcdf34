import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchWithExtension } from './browser';

/** What no extension page can beat on this machine: ms from navigation start, medians of `runs` opens. */
export interface PageFloor {
  /** An extension page with no script: its document parsed (domInteractive). */
  parsed: number[];
  /** An extension page whose only script is one line: that script runs. */
  script: number[];
}

/**
 * The floor under every "page opens" figure (panel, Learn, studio, My accounts): a copy of the
 * built extension with two more pages, one empty and one with a one-line module script, each
 * opened as the bench opens the real pages (a new tab, navigation start → the moment). A page's
 * own work is what its figure adds to this; the copy lives in a temporary folder, nothing is
 * added to the shipped extension.
 */
export async function measurePageFloor(runs = 9): Promise<PageFloor> {
  const dir = mkdtempSync(join(tmpdir(), 'playcard-floor-'));
  try {
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'floor-empty.html'), '<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>floor</title></head><body><p>floor</p></body></html>');
    writeFileSync(join(dir, 'floor-script.js'), "performance.mark('floor:script');\n");
    writeFileSync(join(dir, 'floor-script.html'), '<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>floor</title><script type="module" src="/floor-script.js"></script></head><body><p>floor</p></body></html>');
    const browser = await launchWithExtension({ extensionDir: dir });
    try {
      const floor: PageFloor = { parsed: [], script: [] };
      // One open of each first: the extension's process and its disk cache are warm for the real pages too.
      for (let i = 0; i <= runs; i++) {
        for (const kind of ['empty', 'script'] as const) {
          const page = await browser.context.newPage();
          await page.goto(`chrome-extension://${browser.extensionId}/floor-${kind}.html`);
          if (kind === 'script') await page.waitForFunction(() => performance.getEntriesByName('floor:script').length > 0, undefined, { timeout: 10_000, polling: 20 });
          const at = await page.evaluate(() => ({
            parsed: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domInteractive ?? NaN,
            script: performance.getEntriesByName('floor:script')[0]?.startTime ?? NaN,
          }));
          await page.close();
          if (i === 0) continue;
          if (kind === 'empty') floor.parsed.push(at.parsed);
          else floor.script.push(at.script);
        }
      }
      return floor;
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
