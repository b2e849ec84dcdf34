import { signal } from '@preact/signals';
import type { PageDiagnostics } from '../diagnostics/page';
import { diagnosticsText } from '../diagnostics/report';

export interface ReportPageDeps {
  /** The extension's version (manifest). */
  version: string;
  /** Asks the followed tab's content script for its diagnostics; rejects when the tab has none. */
  diagnose: () => Promise<PageDiagnostics>;
  /** Puts the text on the clipboard. */
  copy: (text: string) => Promise<void>;
}

export type ReportResult = { status: 'copied' | 'not-copied'; text: string };

/**
 * "Report this page": asks the tab for its diagnostics (the page's shape, never its content),
 * adds the version and copies the text. The text is kept so the rep can see what was copied,
 * and copy it by hand if the clipboard refused.
 */
export function createReportPage({ version, diagnose, copy }: ReportPageDeps) {
  const result = signal<ReportResult | undefined>(undefined);
  return {
    result,
    async run(): Promise<ReportResult> {
      const page = await diagnose().catch(() => undefined);
      const text = diagnosticsText(version, page);
      const status = await copy(text).then(
        () => 'copied' as const,
        () => 'not-copied' as const,
      );
      result.value = { status, text };
      return result.value;
    },
    /** Another tab or page: what was copied described the previous one. */
    reset() {
      result.value = undefined;
    },
  };
}

export type ReportPage = ReturnType<typeof createReportPage>;
