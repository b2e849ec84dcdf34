/**
 * What went wrong with the database, as a code the pages word in the rep's language:
 * - `full`: the browser refused a write for lack of space (QuotaExceededError);
 * - `blocked`: an upgrade waits for an old tab that still holds the database open;
 * - `outdated`: a newer Playcard upgraded the database under this page: it must be reopened;
 * - `failed`: anything else.
 */
export type StorageProblem = 'full' | 'blocked' | 'outdated' | 'failed';

/** Dexie wraps the browser's error (`inner`), sometimes twice (an AbortError caused by the quota). */
export function storageProblemOf(error: unknown): StorageProblem {
  for (let at: unknown = error, depth = 0; at && depth < 4; depth++) {
    const name = (at as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'full';
    if (name === 'DatabaseClosedError' || name === 'VersionChangeError') return 'outdated';
    at = (at as { inner?: unknown }).inner;
  }
  return 'failed';
}
