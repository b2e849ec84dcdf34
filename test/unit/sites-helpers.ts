import { siteReader } from '../../lib/sites/reader';
import type { SiteAdapter } from '../../lib/sites/types';

export function page(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
}

/**
 * What the site's content script makes of `url` on `doc`, through the reader
 * it runs: `record <id>` when it reads the company, else the kind of page it
 * reports (`contact`, `list`, ...; `record` when the record's facts are missing).
 */
export function shown(adapter: SiteAdapter, doc: Document, url: string | URL): string {
  const report = siteReader(adapter).inspectPage(doc, url);
  if (report.status === 'ok') return `record ${report.snapshot.recordId}`;
  if (report.status === 'unreadable') return report.missing.kind;
  return report.status;
}

/** What the site's content script reports is missing on `url`. */
export function missingOn(adapter: SiteAdapter, doc: Document, url: string | URL): unknown {
  const report = siteReader(adapter).inspectPage(doc, url);
  return report.status === 'unreadable' ? report.missing : report.status;
}
