// New items for the editor's "add" buttons. Each is valid as soon as it is added, so adding
// never breaks the draft; its texts come from the page (already translated), never from here.
import { getAt, idsIn, insertAt, newId, type Json, type JsonObject, type Path } from './draft';

/** The words a new item starts with, in the lead's editing language. */
export interface NewTexts {
  language: string;
  /** "New persona", "New tactic"...: shown until the lead types their own. */
  label: string;
}

const local = (texts: NewTexts, value = texts.label): JsonObject => ({ [texts.language]: value });

export type ItemKind = 'persona' | 'segment' | 'criterion' | 'option' | 'signal' | 'tactic' | 'scenario' | 'cell' | 'trait' | 'avoid';

/** Where each kind of item lives, given its owner's path. */
export function newItem(doc: Json, kind: ItemKind, owner: Path, texts: NewTexts): Json {
  const taken = idsIn(doc);
  const id = (base: string) => newId(base, taken);
  switch (kind) {
    case 'persona':
      return { id: id('persona'), label: local(texts), summary: local(texts), traits: [], signals: [], examples: {}, tactics: [], avoid: [] };
    case 'segment':
      return {
        id: id('segment'),
        label: local(texts),
        minPoints: 0,
        serviceLevel: { owner: local(texts), responseTime: local(texts), channel: local(texts), touch: 'medium' },
        tactics: [],
      };
    case 'criterion':
      return { id: id('criterion'), label: local(texts), question: local(texts), ask: true, options: [{ id: id('option'), label: local(texts), points: 0 }] };
    case 'option':
      return { id: id(`${String(ownerId(doc, owner) ?? 'option')}`), label: local(texts), points: 0 };
    case 'signal':
      return { id: id(`${String(ownerId(doc, owner) ?? 'signal')}-signal`), label: local(texts), weight: 1, patterns: { [texts.language]: [] } };
    case 'tactic':
      return { id: id(`${String(ownerId(doc, owner) ?? 'tactic')}-tactic`), when: 'during', text: local(texts) };
    case 'scenario':
      return { id: id('scenario'), text: local(texts), persona: firstPersona(doc), why: local(texts) };
    case 'cell':
      return firstCell(doc);
    case 'trait':
    case 'avoid':
      return local(texts);
  }
}

function ownerId(doc: Json, owner: Path): Json | undefined {
  return getAt(doc, [...owner, 'id']);
}

const idOf = (value: Json | undefined): string => (typeof value === 'string' ? value : '');

/** A cell naming the first option of each axis and the first segment: valid from the start. */
function firstCell(doc: Json): JsonObject {
  const criteria = getAt(doc, ['segmentation', 'criteria']);
  const optionOf = (criterion: Json | undefined) =>
    Array.isArray(criteria) ? idOf(getAt(criteria.find((c) => getAt(c, ['id']) === criterion) ?? null, ['options', 0, 'id'])) : '';
  return {
    row: optionOf(getAt(doc, ['segmentation', 'matrix', 'rows'])),
    column: optionOf(getAt(doc, ['segmentation', 'matrix', 'columns'])),
    segment: idOf(getAt(doc, ['segmentation', 'segments', 0, 'id'])),
  };
}

function firstPersona(doc: Json): string {
  const id = getAt(doc, ['personas', 0, 'id']);
  return typeof id === 'string' ? id : '';
}

/** The list each kind is added to, under its owner. */
export function listOf(kind: ItemKind, owner: Path): Path {
  switch (kind) {
    case 'persona':
      return ['personas'];
    case 'segment':
      return ['segmentation', 'segments'];
    case 'criterion':
      return ['segmentation', 'criteria'];
    case 'option':
      return [...owner, 'options'];
    case 'signal':
      return [...owner, 'signals'];
    case 'tactic':
      return [...owner, 'tactics'];
    case 'scenario':
      return ['learning', 'scenarios'];
    case 'cell':
      return ['segmentation', 'matrix', 'cells'];
    case 'trait':
      return [...owner, 'traits'];
    case 'avoid':
      return [...owner, 'avoid'];
  }
}

/** The draft with a new item of `kind` at the end of its list under `owner`. */
export function addItem(doc: Json, kind: ItemKind, owner: Path, texts: NewTexts): Json {
  return insertAt(doc, listOf(kind, owner), newItem(doc, kind, owner, texts));
}
