import { signal } from '@preact/signals';
import type { OpenDbHooks } from './db/database';
import { storageProblemOf, type StorageProblem } from './db/storage-errors';

/**
 * The database problem a page should tell the rep about, or null. Set by the write paths'
 * error handlers and by openDb's hooks; read by components/storage-problem.tsx.
 */
export const storageProblem = signal<StorageProblem | null>(null);

/** Records a failed database call; returns its code (so a caller can undo what it showed). */
export function noteStorageError(error: unknown): StorageProblem {
  const problem = storageProblemOf(error);
  storageProblem.value = problem;
  return problem;
}

/** openDb's hook: `openDb(DB_NAME, { onStorageProblem: noteStorageProblem })`. */
export function noteStorageProblem(problem: StorageProblem): void {
  storageProblem.value = problem;
}

/** openDb's ready hook: the upgrade an old tab blocked has run, so its notice goes away. */
export function noteStorageReady(): void {
  if (storageProblem.peek() === 'blocked') storageProblem.value = null;
}

/** What a page passes to openDb so the notice follows the database: `openDb(DB_NAME, storageProblemHooks)`. */
export const storageProblemHooks: OpenDbHooks = { onStorageProblem: noteStorageProblem, onReady: noteStorageReady };

/** A later write succeeded (space was freed): the message goes away. */
export function clearStorageProblem(): void {
  if (storageProblem.peek() === 'full' || storageProblem.peek() === 'failed') storageProblem.value = null;
}
