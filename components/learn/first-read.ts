import type { PlaycardDb, StoredPlaybook } from '../../lib/db/database';
import type { CardProgress } from '../../lib/learn/due';

export interface FirstRead {
  stored: StoredPlaybook | null;
  progress: CardProgress[];
}

/**
 * The first card's data (the active playbook and the progress rows) read straight from IndexedDB,
 * in one read-only transaction, while Dexie opens the same database. Dexie's open checks the
 * installed schema against every table (a transaction over all fourteen stores) before its first
 * query runs; on a page opened to show one card that was the largest wait. The rows are the
 * ones Dexie would return (these tables have no reading hooks).
 *
 * Only for a database already at the schema this code declares: a missing database is not
 * created (its creation is aborted), and an older one is left to Dexie to upgrade; both answer
 * undefined, and the page reads through Dexie. The connection closes as soon as it has read, so it
 * never holds up a later upgrade.
 */
export function readFirstCard(db: PlaycardDb): Promise<FirstRead | undefined> {
  // Dexie stores version n as native version 10 n.
  const nativeVersion = Math.round(db.verno * 10);
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(db.name);
    } catch {
      resolve(undefined);
      return;
    }
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      resolve(undefined);
    };
    request.onblocked = () => resolve(undefined);
    request.onsuccess = () => {
      const idb = request.result;
      idb.onversionchange = () => idb.close();
      try {
        const names = idb.objectStoreNames;
        if (idb.version !== nativeVersion || !names.contains('playbooks') || !names.contains('learnProgress')) {
          idb.close();
          resolve(undefined);
          return;
        }
        const tx = idb.transaction(['playbooks', 'learnProgress'], 'readonly');
        const active = tx.objectStore('playbooks').get('active') as IDBRequest<StoredPlaybook | undefined>;
        const progress = tx.objectStore('learnProgress').getAll() as IDBRequest<CardProgress[]>;
        tx.oncomplete = () => {
          idb.close();
          resolve({ stored: active.result ?? null, progress: progress.result });
        };
        tx.onerror = tx.onabort = () => {
          idb.close();
          resolve(undefined);
        };
      } catch {
        idb.close();
        resolve(undefined);
      }
    };
  });
}
