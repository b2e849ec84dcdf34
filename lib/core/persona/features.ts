/**
 * Open-addressing hash table from an n-gram hash (30 bits) to a feature index, kept as two
 * typed arrays so that the trained model is plain data: structured-clone copies it into and
 * out of IndexedDB as two memory blocks, and lookups allocate nothing.
 */
export interface FeatureTable {
  /** `hash | 0x40000000` per used slot, 0 for a free one; the length is a power of two. */
  keys: Int32Array;
  values: Int32Array;
  /** How many features the table holds. */
  size: number;
}

const USED = 0x40000000;

export function createFeatureTable(capacity: number): FeatureTable {
  let slots = 16;
  while (slots < capacity * 2) slots *= 2;
  return { keys: new Int32Array(slots), values: new Int32Array(slots), size: 0 };
}

/** The feature index of `hash`, or -1. */
export function featureOf(table: FeatureTable, hash: number): number {
  const { keys, values } = table;
  const mask = keys.length - 1;
  const key = hash | USED;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const found = keys[slot];
    if (found === key) return values[slot] ?? -1;
    if (!found) return -1;
  }
}

/** The feature index of `hash`, adding it when new. */
export function addFeature(table: FeatureTable, hash: number): number {
  if (table.size * 2 >= table.keys.length) grow(table);
  const { keys, values } = table;
  const mask = keys.length - 1;
  const key = hash | USED;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const found = keys[slot];
    if (found === key) return values[slot] ?? -1;
    if (!found) {
      keys[slot] = key;
      values[slot] = table.size;
      return table.size++;
    }
  }
}

function grow(table: FeatureTable): void {
  const { keys, values } = table;
  table.keys = new Int32Array(keys.length * 2);
  table.values = new Int32Array(keys.length * 2);
  const mask = table.keys.length - 1;
  for (let slot = 0; slot < keys.length; slot++) {
    const key = keys[slot] ?? 0;
    if (!key) continue;
    for (let at = key & 0x3fffffff & mask; ; at = (at + 1) & mask) {
      if (!table.keys[at]) {
        table.keys[at] = key;
        table.values[at] = values[slot] ?? 0;
        break;
      }
    }
  }
}
