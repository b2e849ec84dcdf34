// @vitest-environment happy-dom
/**
 * Issue 14, defect 9: a page must not be able to switch the reader off by
 * dispatching WXT's "content script started" event (the extension id in its
 * name is public).
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { ownContext } from '../../lib/content/context';
import { startPageReader, type ContentMessaging } from '../../lib/content/start';
import type { PageReader, PageReportInput } from '../../lib/sites/reader';

import { browser } from 'wxt/browser';

/** The extension's id: public (it is in every web-accessible URL and in the store). Here, WXT's test browser's. */
const EXTENSION_ID = browser.runtime.id;

/** What a hostile page does: WXT's event, with the public extension id and the script's name. */
function forgeStartedEvent(script: string): void {
  // WXT names it `${runtime.id}:${ENTRYPOINT}:wxt:content-script-started`; a page tries every entrypoint name.
  for (const entrypoint of [script, 'undefined']) {
    document.dispatchEvent(
      new CustomEvent(`${EXTENSION_ID}:${entrypoint}:wxt:content-script-started`, { detail: { contentScriptName: script, messageId: 'forged' } }),
    );
  }
}

let alive = true;
beforeEach(() => {
  alive = true;
});

function reader(name: () => string): PageReader {
  return {
    readPage: () => null,
    inspectPage: (): PageReportInput => ({ status: 'ok', snapshot: { site: 'hubspot', kind: 'company', url: 'https://app.hubspot.com/', company: { name: name() } } }),
    observeRoot: () => null,
  };
}

describe('a forged "content script started" event', () => {
  test("ends WXT's own context (the attack works on it)", async () => {
    const { ContentScriptContext } = await import('wxt/utils/content-script-context');
    const wxt = new ContentScriptContext('hubspot');
    expect(wxt.isValid).toBe(true);
    forgeStartedEvent('hubspot');
    expect(wxt.isValid).toBe(false);
  });

  test('does not end the reader: it still reports the next record', async () => {
    vi.useFakeTimers();
    try {
      const { ContentScriptContext } = await import('wxt/utils/content-script-context');
      const wxt = new ContentScriptContext('hubspot');
      const ctx = ownContext({ name: 'hubspot', extensionAlive: () => alive, host: wxt });
      let company = 'Northwind Logistics';
      const sent: string[] = [];
      const messaging: ContentMessaging = {
        sendReport: async (report) => {
          if (report.status === 'ok') sent.push(String(report.snapshot.company.name));
        },
        onReadAgain: () => () => {},
        onDiagnose: () => () => {},
      };
      startPageReader(ctx, reader(() => company), { messaging });
      expect(sent).toEqual(['Northwind Logistics']);

      forgeStartedEvent('hubspot');
      expect(wxt.isValid).toBe(false);
      expect(ctx.isInvalid).toBe(false);

      company = 'Kowalski Meble';
      document.body.append(document.createElement('div'));
      await vi.advanceTimersByTimeAsync(5000);
      expect(sent).toEqual(['Northwind Logistics', 'Kowalski Meble']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the reader still stops when it should', () => {
  test('when the extension is updated or removed (its runtime id is gone)', () => {
    const ctx = ownContext({ name: 'gmail', extensionAlive: () => alive });
    expect(ctx.isInvalid).toBe(false);
    alive = false;
    expect(ctx.isInvalid).toBe(true);
    expect(ctx.signal.aborted).toBe(true);
  });

  test("when WXT's context ends because the extension is gone", () => {
    const callbacks: Array<() => void> = [];
    const ctx = ownContext({ name: 'outlook', extensionAlive: () => alive, host: { onInvalidated: (cb) => callbacks.push(cb) } });
    callbacks.forEach((cb) => cb());
    expect(ctx.signal.aborted).toBe(false);
    alive = false;
    callbacks.forEach((cb) => cb());
    expect(ctx.signal.aborted).toBe(true);
  });

  test('when a newer instance of the same script starts in the same isolated world', () => {
    const older = ownContext({ name: 'zoho', extensionAlive: () => alive });
    const other = ownContext({ name: 'gmail-other', extensionAlive: () => alive });
    const newer = ownContext({ name: 'zoho', extensionAlive: () => alive });
    expect(older.signal.aborted).toBe(true);
    expect(newer.signal.aborted).toBe(false);
    expect(other.signal.aborted).toBe(false);
  });
});
