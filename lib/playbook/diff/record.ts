// The generic part of the playbook diff: JSON paths, matching lists by id, per-language texts
// and lists, and the recorder that turns differing values into changes.
import type { PlaybookChange } from '../changes';
import type { Condition, LocalPhrases, LocalText } from '../schema';

export type Path = (string | number)[];

/** What every change of one thing shares: its area, id, owner and words. */
export type ChangeBase = Pick<PlaybookChange, 'area' | 'id' | 'owner' | 'label'>;

export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out || '(root)';
}

/** A condition as data that fits in `before`/`after`; the wording happens at render. */
export function conditionValue(condition: Condition | undefined): string | undefined {
  return condition && JSON.stringify(condition);
}

/** Collects the changes of a diff. */
export class Recorder {
  readonly changes: PlaybookChange[] = [];

  /** A change of one value (a boolean is recorded as "true"/"false"). */
  scalar(
    base: ChangeBase,
    path: Path,
    field: string,
    before: string | number | boolean | undefined,
    after: string | number | boolean | undefined,
    language?: string,
  ): void {
    if (before === after) return;
    const b = typeof before === 'boolean' ? String(before) : before;
    const a = typeof after === 'boolean' ? String(after) : after;
    this.changes.push({
      kind: 'changed',
      ...base,
      path: formatPath([...path, ...field.split('.'), ...(language === undefined ? [] : [language])]),
      field,
      ...(language === undefined ? {} : { language }),
      ...(b === undefined ? {} : { before: b }),
      ...(a === undefined ? {} : { after: a }),
    });
  }

  /** One change per language whose text differs. */
  text(base: ChangeBase, path: Path, field: string, before: LocalText | undefined, after: LocalText | undefined): void {
    for (const lang of languages(before, after)) this.scalar(base, path, field, before?.[lang], after?.[lang], lang);
  }

  /** Lists of texts or phrases, compared per language as a whole. */
  list(base: ChangeBase, path: Path, field: string, before: LocalPhrases | undefined, after: LocalPhrases | undefined): void {
    for (const lang of languages(before, after)) {
      const b = before?.[lang] ?? [];
      const a = after?.[lang] ?? [];
      if (sameList(b, a)) continue;
      this.changes.push({
        kind: 'changed',
        ...base,
        path: formatPath([...path, field, lang]),
        field,
        language: lang,
        before: b.join(' | '),
        after: a.join(' | '),
        counts: { added: a.filter((x) => !b.includes(x)).length, removed: b.filter((x) => !a.includes(x)).length },
      });
    }
  }

  push(change: PlaybookChange): void {
    this.changes.push(change);
  }
}

function languages(...texts: (Record<string, unknown> | undefined)[]): string[] {
  const all = new Set<string>();
  for (const text of texts) for (const lang of Object.keys(text ?? {})) all.add(lang);
  return [...all];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** `[{en: "a"}, {en: "b"}]` → `{en: ["a", "b"]}`, for traits and "avoid" lists. */
export function byLanguage(list: readonly LocalText[]): LocalPhrases {
  const out: LocalPhrases = {};
  for (const text of list) for (const [lang, value] of Object.entries(text)) (out[lang] ??= []).push(value);
  return out;
}

export function indexById<T extends { id: string }>(items: readonly T[]): Map<string, { item: T; index: number }> {
  return new Map(items.map((item, index) => [item.id, { item, index }]));
}

/** Ids present in either list: the new order first, then removed ones in their old order. */
export function unionIds(before: readonly { id: string }[], after: readonly { id: string }[]): string[] {
  const ids = after.map((x) => x.id);
  for (const { id } of before) if (!ids.includes(id)) ids.push(id);
  return ids;
}
