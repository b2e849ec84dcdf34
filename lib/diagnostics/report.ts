/**
 * The text "report this page" copies: the extension's version and the page's diagnostics, as
 * JSON so whoever fixes the adapter reads it exactly, in whatever language the rep's panel is.
 * Nothing here reads the page: the content script already left its content out (./page.ts).
 */
import type { PageDiagnostics } from './page';

export interface DiagnosticsReport {
  playcard: string;
  /** The content script's diagnostics; absent when the tab has no Playcard reader (a site Playcard does not read). */
  page?: PageDiagnostics;
  reader: 'present' | 'none';
}

export function diagnosticsReport(version: string, page: PageDiagnostics | undefined): DiagnosticsReport {
  return page ? { playcard: version, reader: 'present', page } : { playcard: version, reader: 'none' };
}

export function diagnosticsText(version: string, page: PageDiagnostics | undefined): string {
  return JSON.stringify(diagnosticsReport(version, page), null, 2);
}
