import { computed, type ReadonlySignal } from '@preact/signals';
import { honoursPin, type PinCheck } from '../accounts/pins';
import type { HistoryEntry, Pin } from '../accounts/types';
import type { PlaycardDb } from '../db/database';
import { historyOf } from '../db/history';

/** Pinning re-scores the account: the book's scoring (and the persona classifier) loads on the first pin, not with the panel. */
const book = () => import('../db/book');
import type { Playbook } from '../playbook/schema';
import { liveSignal } from './live';

export interface BookPanelDeps {
  db: PlaycardDb;
  /** The account the panel shows (the panel state's `accountKey`). */
  accountKey: ReadonlySignal<string | undefined>;
  playbook: ReadonlySignal<Playbook | undefined>;
  onError?: (error: unknown) => void;
}

/** What My accounts knows of the shown account: the rep's pin and the latest segment move. */
export interface BookEntry {
  key: string;
  pin?: Pin;
  /** The newest history entry that moved the segment (a pin or unpin included). */
  lastMove?: HistoryEntry;
}

/**
 * The panel's view of the book (issue 15) for the shown account: its pin, which decides the
 * segment the card treats it as (effectiveSegment), and its latest move. One small read of
 * `pins` and `history` per account, in parallel with the account's own; the whole history is
 * read only when the rep opens it (`history`).
 */
export function createBookPanelState({ db, accountKey, playbook, onError = console.error }: BookPanelDeps) {
  const entry = liveSignal<BookEntry>(() => {
    const key = accountKey.value;
    return key
      ? () =>
          db.transaction('r', db.pins, db.history, async () => {
            const [pin, entries] = await Promise.all([db.pins.get(key), historyOf(db, key)]);
            const lastMove = entries.find((e) => e.segment !== undefined);
            return { key, ...(pin ? { pin } : {}), ...(lastMove ? { lastMove } : {}) };
          })
      : undefined;
  }, onError);
  const mine = computed(() => {
    const value = entry.value.value;
    return value && value.key === accountKey.value ? value : undefined;
  });
  /** The pin, while the playbook honours it (a pin a playbook forbids is kept, not applied). */
  const pin = computed<Pin | undefined>(() => {
    const stored = mine.value?.pin;
    const rules = playbook.value;
    return stored && rules && honoursPin(stored, rules) ? stored : undefined;
  });

  function keyOrThrow(): string {
    const key = accountKey.peek();
    if (!key) throw new Error('no account is shown');
    return key;
  }

  return {
    /** False until the shown account's pin is read: the card waits, so it never shows the scored segment and then jumps. */
    loaded: computed(() => mine.value !== undefined),
    pin,
    /** The pin as stored, honoured or not (the pin form starts from it). */
    storedPin: computed(() => mine.value?.pin),
    lastMove: computed(() => mine.value?.lastMove),
    /** The shown account's whole history, newest first, while the caller keeps it open. */
    history(): { value: ReadonlySignal<HistoryEntry[] | undefined>; dispose: () => void } {
      const key = accountKey.peek();
      return liveSignal(() => (key ? () => historyOf(db, key) : undefined), onError);
    },
    pinAccount(segment: string, reason: string): Promise<PinCheck> {
      const key = keyOrThrow();
      return book().then(({ pinAccount }) => pinAccount(db, key, segment, reason));
    },
    unpinAccount(): Promise<void> {
      const key = keyOrThrow();
      // A failure (a full disk) reaches the pin form, which tells the rep (as My accounts' does).
      return book().then(({ unpinAccount }) => unpinAccount(db, key));
    },
    dispose() {
      entry.dispose();
    },
  };
}

export type BookPanelState = ReturnType<typeof createBookPanelState>;
