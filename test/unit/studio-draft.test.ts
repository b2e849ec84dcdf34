import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { bumpVersion, canonicalBytes, canonicalText, exportFileName } from '../../lib/studio/canonical';
import { getAt, idsIn, insertAt, moveAt, newId, record, redo, removeAt, setAt, startHistory, undo, type Json } from '../../lib/studio/draft';
import { addItem, type ItemKind } from '../../lib/studio/items';
import { checkDraft } from '../../lib/studio/check-draft';
import { errorsAt, parseJsonText } from '../../lib/studio/validate';

const DEFAULT_FILE = readFileSync(new URL('../../lib/playbook/default-playbook.json', import.meta.url));
const base = (): Json => JSON.parse(DEFAULT_FILE.toString('utf8')) as Json;
const texts = { language: 'en', label: 'New' };

describe('the exported file', () => {
  test('the built-in playbook opened and exported unchanged is byte-identical', () => {
    expect(Buffer.from(canonicalBytes(base())).equals(DEFAULT_FILE)).toBe(true);
  });

  test('an edit changes only its own line, keeping the key order', () => {
    const edited = setAt(base(), ['segmentation', 'segments', 2, 'minPoints'], 0);
    const before = DEFAULT_FILE.toString('utf8').split('\n');
    const after = canonicalText(edited).split('\n');
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [[line.trim(), after[i]?.trim()]]));
    expect(changed).toEqual([['"minPoints": 7,', '"minPoints": 0,']]);
  });

  test.each([
    ['2026.12.1', '2026.12.2'],
    ['2026.11-2', '2026.11-3'],
    ['v9', 'v10'],
    ['2026.09', '2026.10'],
    ['1.0-beta', '1.1-beta'],
    ['draft', 'draft-2'],
  ])('version %s bumps to %s', (from, to) => {
    expect(bumpVersion(from)).toBe(to);
  });

  test('the download is named after the id and version, made safe for a file system', () => {
    expect(exportFileName({ id: 'acme-sales', version: '2026.11-2' })).toBe('acme-sales-2026.11-2.json');
    expect(exportFileName({ id: 'acme', version: 'Q4 / final' })).toBe('acme-Q4-final.json');
    expect(exportFileName({})).toBe('playbook.json');
  });
});

describe('editing by path', () => {
  test('setAt copies the path and shares the rest; undefined removes a key', () => {
    const doc = { a: { b: 1 }, c: [{ d: 'x' }] } as Json;
    const next = setAt(doc, ['c', 0, 'd'], 'y');
    expect(next).toEqual({ a: { b: 1 }, c: [{ d: 'y' }] });
    expect((next as { a: unknown }).a).toBe((doc as { a: unknown }).a);
    expect(doc).toEqual({ a: { b: 1 }, c: [{ d: 'x' }] });
    expect(setAt(doc, ['a', 'b'], undefined)).toEqual({ a: {}, c: [{ d: 'x' }] });
    expect(setAt(doc, ['e', 'f'], 2)).toEqual({ a: { b: 1 }, c: [{ d: 'x' }], e: { f: 2 } });
  });

  test('insert, remove and move keep every item with its id', () => {
    const doc = { list: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] } as Json;
    expect(getAt(moveAt(doc, ['list'], 0, 2), ['list'])).toEqual([{ id: 'b' }, { id: 'c' }, { id: 'a' }]);
    expect(getAt(removeAt(doc, ['list'], 1), ['list'])).toEqual([{ id: 'a' }, { id: 'c' }]);
    expect(getAt(insertAt(doc, ['list'], { id: 'z' }, 1), ['list'])).toEqual([{ id: 'a' }, { id: 'z' }, { id: 'b' }, { id: 'c' }]);
    expect(moveAt(doc, ['list'], 0, 5)).toBe(doc);
  });

  test('new ids avoid every id in the playbook, whatever its kind', () => {
    const taken = idsIn(base());
    expect(taken.has('burned-industry-stories')).toBe(true);
    expect(taken.has('key')).toBe(true);
    expect(newId('burned-tactic', new Set(['burned-tactic-1']))).toBe('burned-tactic-2');
    expect(newId('Persona!', new Set())).toBe('persona-1');
  });
});

describe('every editor operation keeps the playbook valid or shows the error', () => {
  const owners: [ItemKind, (string | number)[]][] = [
    ['persona', []],
    ['segment', []],
    ['criterion', []],
    ['option', ['segmentation', 'criteria', 0]],
    ['signal', ['personas', 0]],
    ['tactic', ['personas', 3]],
    ['tactic', ['segmentation', 'segments', 0]],
    ['scenario', []],
    ['trait', ['personas', 1]],
    ['avoid', ['personas', 2]],
  ];
  test.each(owners)('adding a %s under %j leaves the built-in playbook valid, with a new id', (kind, owner) => {
    const before = idsIn(base());
    const next = addItem(base(), kind, owner, texts);
    expect(checkDraft(next).errors).toEqual([]);
    const added = [...idsIn(next)].filter((id) => !before.has(id));
    expect(added.length).toBe(['cell', 'trait', 'avoid'].includes(kind) ? 0 : kind === 'criterion' ? 2 : 1);
  });

  test('a cell added to the full 3 × 3 matrix of the built-in playbook is shown as a duplicate, at its own path', () => {
    const next = addItem(base(), 'cell', [], texts);
    expect(checkDraft(next).errors).toEqual([
      { path: 'segmentation.matrix.cells[9]', message: 'a second cell for row "high", column "high" (the first is cells[0])' },
    ]);
  });

  test('two tactics added to one persona get two ids, and renaming one keeps its id', () => {
    const once = addItem(base(), 'tactic', ['personas', 3], texts);
    const twice = addItem(once, 'tactic', ['personas', 3], texts);
    const ids = (getAt(twice, ['personas', 3, 'tactics']) as { id: string }[]).slice(-2).map((t) => t.id);
    expect(ids).toEqual(['burned-tactic-1', 'burned-tactic-2']);
    const renamed = setAt(twice, ['personas', 3, 'tactics', 12, 'text', 'en'], 'Call them the day after delivery.');
    expect(getAt(renamed, ['personas', 3, 'tactics', 12, 'id'])).toBe('burned-tactic-1');
    expect(checkDraft(renamed).errors).toEqual([]);
  });

  test('removing a segment a matrix cell names shows the error at that cell', () => {
    const next = removeAt(base(), ['segmentation', 'segments'], 0);
    const errors = checkDraft(next).errors;
    expect(errorsAt(errors, 'segmentation.matrix.cells[0]')).toEqual([{ path: 'segmentation.matrix.cells[0].segment', message: 'no segment "key"' }]);
  });

  test('an emptied text, a wrong "when" and a duplicate id each sit at their field', () => {
    let doc = setAt(base(), ['personas', 0, 'label'], {});
    doc = setAt(doc, ['personas', 3, 'tactics', 0, 'when'], 'sometime');
    doc = setAt(doc, ['segmentation', 'segments', 1, 'id'], 'key');
    const errors = checkDraft(doc).errors;
    expect(errorsAt(errors, 'personas[0].label').map((e) => e.message)).toEqual(['at least one language']);
    expect(errorsAt(errors, 'personas[3].tactics[0].when').map((e) => e.message)).toEqual(['Invalid option: expected one of "before"|"during"|"after"']);
    // Reference checks run once the shape is valid, as in the CLI.
    const duplicate = checkDraft(setAt(base(), ['segmentation', 'segments', 1, 'id'], 'key')).errors;
    expect(duplicate).toEqual([
      { path: 'segmentation.segments[1].id', message: 'duplicate segment id "key"' },
      // The matrix still names the old id: changing an id is not a rename, and the lead sees why.
      { path: 'segmentation.matrix.cells[2].segment', message: 'no segment "growth"' },
      // So do the Learn scenarios whose answer is that segment.
      { path: 'learning.scenarios[36].segment', message: 'no segment "growth"' },
      { path: 'learning.scenarios[39].segment', message: 'no segment "growth"' },
    ]);
  });

  test('the JSON view reports a syntax error and otherwise gives the value', () => {
    expect(parseJsonText('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    const broken = parseJsonText('{"a": }');
    expect(broken.ok).toBe(false);
  });
});

describe('undo and redo', () => {
  test('typing in one field is one step; another field starts a new one; redo is dropped by a new edit', () => {
    let h = startHistory({ a: '', b: '' });
    h = record(h, { a: 'h', b: '' }, 'a');
    h = record(h, { a: 'hi', b: '' }, 'a');
    h = record(h, { a: 'hi', b: 'x' }, 'b');
    expect(h.past.length).toBe(2);
    h = undo(h);
    expect(h.present).toEqual({ a: 'hi', b: '' });
    h = undo(h);
    expect(h.present).toEqual({ a: '', b: '' });
    h = redo(h);
    expect(h.present).toEqual({ a: 'hi', b: '' });
    h = record(h, { a: 'hi', b: 'y' }, 'b');
    expect(h.future).toEqual([]);
    expect(undo(startHistory(1))).toEqual(startHistory(1));
  });
});

test('the built-in playbook object the extension ships is what the file holds', () => {
  expect(canonicalText(DEFAULT_PLAYBOOK as unknown as Json)).toBe(DEFAULT_FILE.toString('utf8'));
});
