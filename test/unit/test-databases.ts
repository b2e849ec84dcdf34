import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { openDb, type PlaycardDb } from '../../lib/db';

/**
 * The databases of one test file: every name is new, and every database named or opened here is
 * closed and deleted after each test, so each test starts from nothing and leaves nothing behind.
 * (The same `let db; afterEach(close, Dexie.delete)` lines were written out in file after file.)
 */
export function testDatabases(prefix: string) {
  let opened: PlaycardDb[] = [];
  let named = new Set<string>();
  let count = 0;
  afterEach(async () => {
    for (const db of opened) db.close();
    for (const name of named) await Dexie.delete(name);
    opened = [];
    named = new Set();
  });
  /** A new name: for a database a test writes the way an older build did, then opens. */
  const name = (label = prefix): string => {
    const fresh = `${label}-${++count}`;
    named.add(fresh);
    return fresh;
  };
  /** The database of that name (a new one if none is given), opened by the current code. */
  const open = (existing: string = name()): PlaycardDb => {
    const db = openDb(existing);
    opened.push(db);
    named.add(existing);
    return db;
  };
  return { name, open };
}
