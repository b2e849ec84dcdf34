import type { PlaycardDb } from '../../lib/db/database';

/**
 * A disk that fills up when told: after `fill(from)`, the `from`-th write on (0: the next one)
 * and every write after it is refused as the browser refuses it on a full disk; `free()` makes
 * room again. Dexie aborts the refused write's transaction, so earlier writes in it roll back.
 */
export function fillableDisk(db: PlaycardDb) {
  let failFrom: number | undefined;
  let writes = 0;
  db.use({
    stack: 'dbcore',
    name: 'fillable-disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => {
            if (failFrom !== undefined && writes++ >= failFrom) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return {
    fill(from = 0) {
      failFrom = from;
      writes = 0;
    },
    free() {
      failFrom = undefined;
    },
  };
}
