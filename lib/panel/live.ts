import { liveQuery } from 'dexie';
import { effect, signal, type ReadonlySignal } from '@preact/signals';

/**
 * A Dexie liveQuery as a signal that re-subscribes whenever the signals read
 * by `query` change, and unsubscribes on dispose. `undefined` means "not
 * answered yet"; a query that finds nothing should return `null`.
 */
export function liveSignal<T>(
  query: () => (() => Promise<T>) | undefined,
  onError: (error: unknown) => void,
): { value: ReadonlySignal<T | undefined>; dispose: () => void } {
  const value = signal<T | undefined>(undefined);
  const dispose = effect(() => {
    const querier = query();
    value.value = undefined;
    if (!querier) return;
    const subscription = liveQuery(querier).subscribe({
      next: (result) => (value.value = result),
      error: onError,
    });
    return () => subscription.unsubscribe();
  });
  return { value, dispose };
}
