// Editing a condition (when a page fact satisfies a criterion's value or a persona signal) in
// the form view: numbers by `min` and `max`, text by `equals` and `contains`, one entry a line.
// Pure: the editor calls these through the draft's history.
import { getAt, setAt, type Json, type Path } from './draft';

export type ConditionKey = 'min' | 'max' | 'equals' | 'contains';

/**
 * The entries a textarea's lines give. Blank lines are dropped. `equals` entries are trimmed
 * (the match ignores surrounding spaces anyway); `contains` entries keep their spaces, because
 * " ag" (a word starting with "ag") and "ag" match different text.
 */
export function conditionLines(text: string, key: 'equals' | 'contains'): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => (key === 'equals' ? line.trim() : line))
    .filter((line) => line.trim() !== '');
}

/**
 * The draft with one key of the condition at `path` set (`undefined` or an empty list removes
 * it: the schema wants a list to have an entry). With `dropWhenEmpty`, a condition left with no
 * key is removed too: a criterion's value without one is simply chosen by the rep. A persona
 * signal's fact keeps its empty condition, and the schema's message says what is missing.
 */
export function setCondition(doc: Json, path: Path, key: ConditionKey, value: number | readonly string[] | undefined, dropWhenEmpty: boolean): Json {
  const cleared = value === undefined || (typeof value !== 'number' && value.length === 0);
  const next = setAt(doc, [...path, key], cleared ? undefined : typeof value === 'number' ? value : [...value]);
  const condition = getAt(next, path);
  const empty = condition !== null && typeof condition === 'object' && !Array.isArray(condition) && Object.keys(condition).length === 0;
  return dropWhenEmpty && empty ? setAt(next, path, undefined) : next;
}

/**
 * A persona signal's page fact: which fact (`undefined` removes the whole rule). Changing the
 * fact keeps the condition; a new rule starts with an empty one for the lead to fill in.
 */
export function setSignalFact(doc: Json, signal: Path, key: string | undefined): Json {
  if (key === undefined) return setAt(doc, [...signal, 'fact'], undefined);
  const current = getAt(doc, [...signal, 'fact', 'when']);
  return setAt(doc, [...signal, 'fact'], { key, when: current ?? {} });
}
