import { accountKeyOf } from './core/account';
import { saveSnapshot, type PlaycardDb } from './db';
import { storageProblemOf } from './db/storage-errors';
import { PageReport, type PageSnapshot } from './snapshot';
import { COMPANY_NOT_FOUND } from './sites/missing';
import type { TabState } from './tab-state';

export type ApplyResult = { ok: true; state: TabState } | { ok: false; error: string };

/** A report read: what the panel shows for the tab and, for a read company, the snapshot to store. */
type ReadReport = { ok: true; state: TabState; snapshot?: PageSnapshot } | { ok: false; error: string };

/**
 * Validates what a content script sent (it runs in the page's world, so its message is untrusted
 * input) and says what the panel should show for the tab. The account key of a read company is
 * its snapshot's, so the state is known before the account is stored: the panel can be told at
 * once and read the account (a revisit's stored record) while the new read is written.
 */
function readReport(message: unknown, now: number): ReadReport {
  const parsed = salvaged(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid page report at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown'}` };
  }
  const report = parsed.data;
  switch (report.status) {
    case 'ok': {
      const { snapshot } = report;
      const accountKey = accountKeyOf(snapshot);
      if (!accountKey) {
        return { ok: true, state: { status: 'unreadable', site: snapshot.site, siteLabel: snapshot.site, url: snapshot.url, missing: COMPANY_NOT_FOUND, at: now } };
      }
      return { ok: true, state: { status: 'ok', accountKey, site: snapshot.site, url: snapshot.url, at: now }, snapshot };
    }
    case 'unreadable':
      return { ok: true, state: { ...report, at: now } };
    case 'unrecognised':
      return { ok: true, state: { status: 'unrecognised', url: report.url, at: now } };
  }
}

/**
 * readReport, and a read company stored: what the panel should show for the tab once it is.
 * `onRead` hears that state as soon as the report is validated, before the store.
 */
export async function applyReport(db: PlaycardDb, message: unknown, now = Date.now(), onRead: (state: TabState) => void = () => {}): Promise<ApplyResult> {
  const read = readReport(message, now);
  if (!read.ok) return read;
  onRead(read.state);
  if (read.snapshot) await saveSnapshot(db, read.snapshot, now);
  return { ok: true, state: read.state };
}

/** Parts of a read company or its deals that may be dropped alone: one odd fact never loses the page. */
const DROPPABLE = new Set(['company', 'deals']);

/**
 * The report parsed; when only some facts of a read page are invalid (a
 * count of 2^53, a malformed range), the same report without those facts.
 * The content script tidies its reads to the schema (tidySnapshot), so this
 * only matters for a script of another version or a page that got around it.
 */
function salvaged(message: unknown): ReturnType<typeof PageReport.safeParse> {
  const parsed = PageReport.safeParse(message);
  if (parsed.success || !message || typeof message !== 'object') return parsed;
  const report = message as { status?: unknown; snapshot?: Record<string, unknown> };
  if (report.status !== 'ok' || !report.snapshot || typeof report.snapshot !== 'object') return parsed;
  const snapshot: Record<string, unknown> = { ...report.snapshot };
  for (const issue of parsed.error.issues) {
    const [top, part, field] = issue.path;
    if (top !== 'snapshot' || typeof part !== 'string' || !DROPPABLE.has(part) || typeof field !== 'string') return parsed;
    const facts = snapshot[part];
    if (!facts || typeof facts !== 'object') return parsed;
    const copy: Record<string, unknown> = { ...(facts as Record<string, unknown>) };
    delete copy[field];
    snapshot[part] = copy;
  }
  return PageReport.safeParse({ ...report, snapshot });
}

export interface TabReportDeps {
  db: PlaycardDb;
  /** Stores what the panel shows for the tab (storage.session in the extension). */
  save: (tabId: number, state: TabState) => Promise<void>;
  /**
   * Tells open panels what the tab shows as soon as it is known, before the read is stored and
   * the state saved (a message in the extension; `save` stays the record a panel opened later reads).
   */
  announce?: (tabId: number, state: TabState) => void;
  /** Forgets a closed tab. */
  forget: (tabId: number) => Promise<void>;
  onRejected?: (tabId: number, error: string) => void;
  /** After a read account is stored and the tab's state saved (the background re-scores it for its history); in the order the reads were stored, never holding up a later report. */
  onStored?: (accountKey: string) => Promise<void>;
  onError?: (error: unknown) => void;
  now?: () => number;
}

/**
 * Applies each tab's reports in the order they arrived. applyReport awaits a Dexie write for
 * an `ok` report and not for the others, so unordered, an earlier `ok` could land after a
 * later `unrecognised` and the panel would show a page the rep has left.
 */
export function createTabReports({ db, save, announce = () => {}, forget, onRejected = () => {}, onStored, onError = console.warn, now = Date.now }: TabReportDeps) {
  const queues = new Map<number, Promise<void>>();
  /**
   * The re-scoring after each stored read, one after another in the order the reads were stored,
   * so two reads of one account are compared in the order they happened. Apart from the tabs'
   * queues: a tab's next report (the rep's next record) never waits for the last one's scoring.
   */
  let scoring = Promise.resolve();
  function scoreInOrder(accountKey: string): void {
    if (!onStored) return;
    scoring = scoring.then(() => onStored(accountKey)).catch(onError);
  }
  function inOrder(tabId: number, work: () => Promise<void>): Promise<void> {
    const run = (queues.get(tabId) ?? Promise.resolve()).then(work).catch(onError);
    queues.set(tabId, run);
    // An idle tab keeps no queue.
    void run.then(() => {
      if (queues.get(tabId) === run) queues.delete(tabId);
    });
    return run;
  }
  return {
    report(tabId: number, message: unknown): Promise<void> {
      return inOrder(tabId, async () => {
        let result: ApplyResult;
        try {
          // The panel hears first and reads the account while it is written: on a revisit the
          // stored record is already there (and its live query catches the write); a first visit
          // shows "Loading…" for the moment the write takes, never the previous page's account.
          result = await applyReport(db, message, now(), (state) => announce(tabId, state));
        } catch (error) {
          // Not stored (a full disk, an upgrade under way): the tab's panel says so rather than
          // showing a card it cannot keep; the next report of the tab replaces it.
          const problem: TabState = { status: 'storage', problem: storageProblemOf(error), at: now() };
          announce(tabId, problem);
          await save(tabId, problem);
          throw error;
        }
        if (!result.ok) return onRejected(tabId, result.error);
        // Saved once stored: a panel opened later never reads a state whose account is not there.
        await save(tabId, result.state);
        // After the save, so the panel shows the account first.
        if (result.state.status === 'ok') scoreInOrder(result.state.accountKey);
      });
    },
    /** After the tab's pending reports, so none of them writes the state back. */
    closed(tabId: number): Promise<void> {
      return inOrder(tabId, () => forget(tabId));
    },
  };
}
