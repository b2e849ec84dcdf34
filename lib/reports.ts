import { saveSnapshot, type PlaycardDb } from './db';
import { PageReport } from './snapshot';
import { COMPANY_NOT_FOUND } from './sites/missing';
import type { TabState } from './tab-state';

export type ApplyResult = { ok: true; state: TabState } | { ok: false; error: string };

/**
 * Validates what a content script sent (it runs in the page's world, so its
 * message is untrusted input), stores a read account and returns what the
 * panel should show for the tab.
 */
export async function applyReport(db: PlaycardDb, message: unknown, now = Date.now()): Promise<ApplyResult> {
  const parsed = PageReport.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid page report at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown'}` };
  }
  const report = parsed.data;
  switch (report.status) {
    case 'ok': {
      const accountKey = await saveSnapshot(db, report.snapshot, now);
      if (!accountKey) {
        return {
          ok: true,
          state: { status: 'unreadable', site: report.snapshot.site, siteLabel: report.snapshot.site, url: report.snapshot.url, missing: COMPANY_NOT_FOUND, at: now },
        };
      }
      return { ok: true, state: { status: 'ok', accountKey, site: report.snapshot.site, url: report.snapshot.url, at: now } };
    }
    case 'unreadable':
      return { ok: true, state: { ...report, at: now } };
    case 'unrecognised':
      return { ok: true, state: { status: 'unrecognised', url: report.url, at: now } };
  }
}
