// The studio's draft: the playbook as plain JSON (the lead's file, key order kept, so an
// unchanged draft exports byte-identical), edited immutably by path, with undo and redo.
// Pure: no zod, no DOM, no Dexie.

/** Any JSON value of the draft. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
/** A path into the draft: `['personas', 2, 'tactics', 0, 'text', 'en']`. */
export type Path = readonly (string | number)[];

/** `personas[2].tactics[0].text.en`: the same form parsePlaybook gives its errors. */
export function pathKey(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out || '(root)';
}

export function getAt(doc: Json | undefined, path: Path): Json | undefined {
  let at: Json | undefined = doc;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = Array.isArray(at) ? (typeof key === 'number' ? at[key] : undefined) : (at as JsonObject)[String(key)];
  }
  return at;
}

/**
 * The draft with `value` at `path` (copies along the path, shares the rest). `undefined`
 * removes an object key; a missing object on the way is created. A new key goes last, an
 * existing one keeps its place, so the file's key order survives edits.
 */
export function setAt(doc: Json, path: Path, value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(doc)) {
    if (typeof key !== 'number' || key < 0 || key > doc.length) throw new RangeError(`no index ${String(key)} in a list of ${doc.length}`);
    const copy = doc.slice();
    const next = setAt(doc[key] ?? {}, rest, value);
    if (rest.length === 0 && value === undefined) copy.splice(key, 1);
    else copy[key] = next;
    return copy;
  }
  const object: JsonObject = doc !== null && typeof doc === 'object' ? doc : {};
  const name = String(key);
  if (rest.length === 0) {
    if (value === undefined) {
      if (!(name in object)) return object;
      const { [name]: _removed, ...kept } = object;
      return kept;
    }
    return { ...object, [name]: value };
  }
  return { ...object, [name]: setAt(object[name] ?? (typeof rest[0] === 'number' ? [] : {}), rest, value) };
}

function listAt(doc: Json, path: Path): Json[] {
  const list = getAt(doc, path);
  return Array.isArray(list) ? list : [];
}

/** `item` inserted into the list at `path` (created when absent) before `index` (default: at the end). */
export function insertAt(doc: Json, path: Path, item: Json, index?: number): Json {
  const list = listAt(doc, path).slice();
  list.splice(index ?? list.length, 0, item);
  return setAt(doc, path, list);
}

export function removeAt(doc: Json, path: Path, index: number): Json {
  const list = listAt(doc, path).slice();
  list.splice(index, 1);
  return setAt(doc, path, list);
}

/** Moves an item within its list; ids are untouched, so nothing a rep stored is lost. */
export function moveAt(doc: Json, path: Path, from: number, to: number): Json {
  const list = listAt(doc, path).slice();
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return doc;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item!);
  return setAt(doc, path, list);
}

/** Every `id` value anywhere in the draft: new ids avoid all of them, whatever their kind. */
export function idsIn(doc: Json | undefined, found = new Set<string>()): Set<string> {
  if (Array.isArray(doc)) for (const item of doc) idsIn(item, found);
  else if (doc !== null && typeof doc === 'object') {
    for (const [key, value] of Object.entries(doc)) {
      if (key === 'id' && typeof value === 'string') found.add(value);
      else idsIn(value, found);
    }
  }
  return found;
}

/** A fresh id from `base` (`tactic`, `burned-tactic`): `base-1`, `base-2`, ... the first one not taken. */
export function newId(base: string, taken: ReadonlySet<string>): string {
  const stem =
    base
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '')
      .slice(0, 50)
      .replace(/[-_]+$/, '') || 'item';
  for (let n = 1; ; n++) {
    const id = `${stem}-${n}`;
    if (!taken.has(id)) return id;
  }
}

// Undo and redo -------------------------------------------------------------------------------

export interface History {
  past: readonly Json[];
  present: Json;
  future: readonly Json[];
  /** The field of the last edit: typing on in the same field is one undo step, not one per key. */
  lastKey?: string;
}

const MAX_UNDO = 200;

export function startHistory(doc: Json): History {
  return { past: [], present: doc, future: [] };
}

/**
 * Records an edit. With `coalesce` equal to the previous edit's, the edit replaces it
 * (one step for a whole word typed into one field); any other edit starts a new step.
 */
export function record(history: History, next: Json, coalesce?: string): History {
  if (next === history.present) return history;
  if (coalesce !== undefined && coalesce === history.lastKey) return { ...history, present: next, future: [] };
  return { past: [...history.past, history.present].slice(-MAX_UNDO), present: next, future: [], lastKey: coalesce };
}

export function undo(history: History): History {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo(history: History): History {
  const [next, ...future] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future };
}
