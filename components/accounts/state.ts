import { computed, signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { buildRows, createRowFilter, prepareSearch, sortRows, type BookFilter, type BookRow, type SortKey } from '../../lib/accounts/book';
import type { HistoryEntry } from '../../lib/accounts/types';
import { historyOf, pinAccount, unpinAccount, type PlaycardDb, type StoredPlaybook } from '../../lib/db';

/**
 * The My accounts page's state. The book is read whole (50,000 small rows load in a few
 * hundred ms) and re-read when the database changes; sorting runs when the sort changes and
 * filtering per keystroke over the sorted rows, so a keystroke costs one pass over the book.
 */
export function createBookState(db: PlaycardDb, onError: (error: unknown) => void = console.error) {
  const stored = signal<StoredPlaybook | null | undefined>(undefined);
  const rows = signal<BookRow[] | undefined>(undefined);
  const sort = signal<{ key: SortKey; descending: boolean }>({ key: 'segment', descending: false });
  const filter = signal<BookFilter>({ query: '' });
  const selected = signal<string | undefined>(undefined);
  const history = signal<HistoryEntry[]>([]);
  /** How many accounts the book has; counted after the first screen, before the whole book is read. */
  const total = signal<number | undefined>(undefined);
  /** The whole book is read (sorting and filtering see every account). */
  const complete = signal(false);

  const playbook = computed(() => stored.value?.playbook);
  const sorted = computed(() => {
    const all = rows.value;
    const rules = playbook.value;
    if (!all || !rules) return [];
    const order = sortRows(all, sort.value.key, sort.value.descending, rules);
    // The search text is joined here, with the order, so the first keystroke finds it ready.
    prepareSearch(order);
    return order;
  });
  const filterBook = createRowFilter();
  const shown = computed(() => filterBook(sorted.value, filter.value));
  const selectedRow = computed(() => rows.value?.find((row) => row.key === selected.value));

  async function load(): Promise<{ playbook: StoredPlaybook | undefined; rows: BookRow[] }> {
    return db.transaction('r', [db.playbooks, db.scores, db.pins, db.inputs], async () => {
      const [active, scores, pins, inputs] = await Promise.all([db.playbooks.get('active'), db.scores.toArray(), db.pins.toArray(), db.inputs.toArray()]);
      if (!active) return { playbook: undefined, rows: [] };
      const done = new Map(inputs.map((input) => [input.key, new Set(Object.entries(input.checks).filter(([, c]) => c.done).map(([id]) => id))]));
      return { playbook: active, rows: buildRows(scores, pins, done, active.playbook) };
    });
  }

  /**
   * The first screen: the first rows in the default order (segments in the playbook's order,
   * then key order, as the full sort gives them), read through the segment index so a
   * 50,000-account book shows its top before the whole of it is read. Not the count: IndexedDB
   * counts by walking every record (about 250 ms for 50,000, more than the rows themselves).
   */
  async function loadFirstScreen(rowsWanted = 60): Promise<void> {
    const first = await db.transaction('r', [db.playbooks, db.scores, db.pins, db.inputs], async () => {
      const active = await db.playbooks.get('active');
      if (!active) return undefined;
      const pins = await db.pins.toArray();
      const scores = [];
      for (const segment of active.playbook.segmentation.segments) {
        if (scores.length >= rowsWanted) break;
        scores.push(...(await db.scores.where('segment').equals(segment.id).limit(rowsWanted - scores.length).toArray()));
      }
      const inputs = await db.inputs.bulkGet(scores.map((score) => score.key));
      const done = new Map(inputs.flatMap((input) => (input ? [[input.key, new Set(Object.entries(input.checks).filter(([, c]) => c.done).map(([id]) => id))] as const] : [])));
      // A pinned account shows under its pin's segment once the whole book is read.
      return { active, rows: buildRows(scores, pins, done, active.playbook) };
    });
    if (!first || complete.peek()) return;
    stored.value = first.active;
    rows.value = first.rows;
  }

  /** The book's size, shown while the whole book is read. */
  async function countBook(): Promise<void> {
    const count = await db.scores.count();
    if (!complete.peek()) total.value = count;
  }

  // Paused while an import writes, so the book is not re-read after every chunk.
  let paused = false;
  let subscription: { unsubscribe(): void } | undefined;
  function watch() {
    subscription = liveQuery(load).subscribe({
      next: (result) => {
        if (paused) return;
        stored.value = result.playbook ?? null;
        rows.value = result.rows;
        total.value = result.rows.length;
        complete.value = true;
      },
      error: onError,
    });
  }
  let historySubscription: { unsubscribe(): void } | undefined;
  function watchHistory(key: string | undefined) {
    historySubscription?.unsubscribe();
    history.value = [];
    if (!key) return;
    historySubscription = liveQuery(() => historyOf(db, key)).subscribe({ next: (entries) => (history.value = entries), error: onError });
  }

  return {
    db,
    playbook,
    rows,
    sorted,
    shown,
    sort,
    filter,
    selected,
    selectedRow,
    history,
    total,
    complete,
    start() {
      // IndexedDB answers a page's requests in order: the small first-screen read goes first,
      // then the whole book.
      void loadFirstScreen()
        .catch(onError)
        .then(() => {
          void countBook().catch(onError);
          if (!paused && !subscription) watch();
        });
    },
    select(key: string | undefined) {
      selected.value = key;
      watchHistory(key);
    },
    sortBy(key: SortKey) {
      if (!complete.peek()) return;
      const current = sort.peek();
      sort.value = { key, descending: current.key === key ? !current.descending : key === 'seenAt' || key === 'revenue' || key === 'openTactics' };
    },
    setFilter(change: Partial<BookFilter>) {
      filter.value = { ...filter.peek(), ...change };
    },
    /** Stops re-reading the book while an import writes it chunk by chunk. */
    pause() {
      paused = true;
      subscription?.unsubscribe();
      subscription = undefined;
    },
    resume() {
      paused = false;
      watch();
    },
    pin(key: string, segment: string, reason: string) {
      return pinAccount(db, key, segment, reason);
    },
    unpin(key: string) {
      // Rejects on a full disk: the pin form tells the rep.
      return unpinAccount(db, key);
    },
    dispose() {
      subscription?.unsubscribe();
      historySubscription?.unsubscribe();
    },
  };
}

export type BookState = ReturnType<typeof createBookState>;
