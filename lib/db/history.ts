import type { HistoryEntry } from '../accounts/types';
import type { PlaycardDb } from './database';

/** An account's history, newest first. Its own module: the panel reads it without loading the book's scoring. */
export function historyOf(db: PlaycardDb, key: string): Promise<HistoryEntry[]> {
  return db.history.where('key').equals(key).reverse().sortBy('at');
}
