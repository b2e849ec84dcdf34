import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { assessSegment } from '../../lib/core/segment';
import { conditionLines, setCondition, setSignalFact } from '../../lib/studio/condition';
import { getAt, type Json } from '../../lib/studio/draft';
import { matrixGrid, setMatrixAxis, setMatrixCell } from '../../lib/studio/matrix';
import { checkDraft } from '../../lib/studio/check-draft';

// The built-in playbook as the studio opens it: its own file, key order kept.
const base = (): Json => JSON.parse(readFileSync(new URL('../../lib/playbook/default-playbook.json', import.meta.url), 'utf8')) as Json;
const EMPLOYEES_MICRO = ['segmentation', 'criteria', 0, 'options', 0, 'when'];
// The built-in "cooperation" criterion (index 4): asked of the rep, no fact, options one-off / occasional / ongoing.
const COOPERATION = ['segmentation', 'criteria', 4];
// Persona "burned" (index 3), its signal "burned-small-company": employees below 50.
const BURNED_SMALL = ['personas', 3, 'signals'];

describe('conditions in the form', () => {
  test('lines become entries: equals trims and drops blanks, contains keeps a leading space', () => {
    expect(conditionLines(' Poland \n\n  Italy\r\n', 'equals')).toEqual(['Poland', 'Italy']);
    expect(conditionLines(' ag\nlogist\n   \n', 'contains')).toEqual([' ag', 'logist']);
  });

  test("a criterion's value chosen by the industry: equals and contains keep the playbook valid and score the account", () => {
    let doc = base();
    doc = setAtFact(doc, 'industry');
    doc = setCondition(doc, [...COOPERATION, 'options', 2, 'when'], 'equals', conditionLines('Healthcare\nRetail', 'equals'), true);
    doc = setCondition(doc, [...COOPERATION, 'options', 1, 'when'], 'contains', conditionLines('logist', 'contains'), true);
    expect(getAt(doc, [...COOPERATION, 'options', 2, 'when'])).toEqual({ equals: ['Healthcare', 'Retail'] });
    expect(getAt(doc, [...COOPERATION, 'options', 1, 'when'])).toEqual({ contains: ['logist'] });
    const checked = checkDraft(doc);
    expect(checked.errors).toEqual([]);
    const playbook = checked.playbook!;
    // 45 employees (1) + 4 M revenue (1) + 1 won deal (1) + 1 open deal (1) + "healthcare" → ongoing (3) = 7: Standard.
    const dental = assessSegment({ employees: 45, annualRevenue: 4_000_000, wonDeals: 1, openDeals: 1, industry: 'healthcare ' }, {}, playbook);
    expect(dental.points).toBe(7);
    expect(dental.segment.id).toBe('standard');
    const logistics = assessSegment({ industry: 'Road Logistics' }, {}, playbook);
    expect(logistics.reasons.find((r) => r.criterionId === 'cooperation')?.option?.id).toBe('occasional');
  });

  test("clearing a criterion value's last rule removes the rule (the rep picks the value); a min stays a number", () => {
    let doc = setCondition(base(), EMPLOYEES_MICRO, 'max', undefined, true);
    expect(getAt(doc, EMPLOYEES_MICRO)).toBeUndefined();
    expect(checkDraft(doc).errors).toEqual([]);
    doc = setCondition(doc, EMPLOYEES_MICRO, 'min', 5, true);
    expect(getAt(doc, EMPLOYEES_MICRO)).toEqual({ min: 5 });
    doc = setCondition(doc, EMPLOYEES_MICRO, 'equals', [], true);
    expect(getAt(doc, EMPLOYEES_MICRO)).toEqual({ min: 5 });
  });

  test("a persona signal's fact: a new rule asks for a condition, country equals Poland fixes it, clearing the fact removes the rule", () => {
    const signal = [...BURNED_SMALL, 4];
    expect(getAt(base(), [...signal, 'id'])).toBe('burned-small-company');
    let doc = setSignalFact(base(), signal, 'country');
    expect(getAt(doc, [...signal, 'fact'])).toEqual({ key: 'country', when: { max: 50 } });
    doc = setCondition(doc, [...signal, 'fact', 'when'], 'max', undefined, false);
    expect(getAt(doc, [...signal, 'fact'])).toEqual({ key: 'country', when: {} });
    expect(checkDraft(doc).errors).toEqual([{ path: 'personas[3].signals[4].fact.when', message: 'at least one of min, max, equals, contains' }]);
    doc = setCondition(doc, [...signal, 'fact', 'when'], 'equals', ['Poland'], false);
    expect(checkDraft(doc).errors).toEqual([]);
    doc = setSignalFact(doc, signal, undefined);
    expect(getAt(doc, [...signal, 'fact'])).toBeUndefined();
    // That signal has no words either: the schema says it needs one or the other.
    expect(checkDraft(doc).errors).toEqual([{ path: 'personas[3].signals[4]', message: 'patterns or fact' }]);
  });
});

describe('the matrix as a grid', () => {
  test('the built-in matrix reads as 3 × 3: potential down, share of wallet across', () => {
    const grid = matrixGrid(base())!;
    expect(grid.rows).toEqual(['high', 'medium', 'low']);
    expect(grid.columns).toEqual(['high', 'medium', 'low']);
    expect(grid.segments).toEqual([
      ['key', 'key', 'growth'],
      ['standard', 'standard', 'standard'],
      ['low-touch', 'low-touch', 'low-touch'],
    ]);
    expect(grid.stray).toEqual([]);
  });

  test('a cell changed in place, cleared (points decide) and set again (appended); the playbook stays valid and scores by it', () => {
    let doc = setMatrixCell(base(), 'high', 'low', 'key');
    expect(getAt(doc, ['segmentation', 'matrix', 'cells', 2])).toEqual({ row: 'high', column: 'low', segment: 'key' });
    const answers = { potential: 'high', 'share-of-wallet': 'low' };
    expect(assessSegment({}, answers, checkDraft(doc).playbook!).segment.id).toBe('key');
    doc = setMatrixCell(doc, 'high', 'low', undefined);
    expect(matrixGrid(doc)!.segments[0]).toEqual(['key', 'key', undefined]);
    // No cell: the points decide. high potential (4) + low share (1) = 5 points: Low-touch.
    const pointsOnly = assessSegment({}, answers, checkDraft(doc).playbook!);
    expect([pointsOnly.decidedBy, pointsOnly.segment.id]).toEqual(['points', 'low-touch']);
    doc = setMatrixCell(doc, 'high', 'low', 'growth');
    expect((getAt(doc, ['segmentation', 'matrix', 'cells']) as Json[]).at(-1)).toEqual({ row: 'high', column: 'low', segment: 'growth' });
    expect(checkDraft(doc).errors).toEqual([]);
  });

  test('another criterion on an axis drops the cells it cannot hold; cells for lost values show as stray until removed', () => {
    const doc = setMatrixAxis(base(), 'columns', 'cooperation');
    expect(getAt(doc, ['segmentation', 'matrix', 'columns'])).toBe('cooperation');
    expect(getAt(doc, ['segmentation', 'matrix', 'cells'])).toEqual([]);
    expect(checkDraft(doc).errors).toEqual([{ path: 'segmentation.matrix.cells', message: 'Too small: expected array to have >=1 items' }]);
    const renamed = setAtOptionId(base(), 'low', 'minor');
    const grid = matrixGrid(renamed)!;
    expect(grid.rows).toEqual(['high', 'medium', 'minor']);
    expect(grid.stray).toEqual([6, 7, 8]);
    expect(grid.segments[2]).toEqual([undefined, undefined, undefined]);
  });
});

function setAtFact(doc: Json, fact: string): Json {
  const criterion = getAt(doc, COOPERATION) as Record<string, Json>;
  const criteria = (getAt(doc, ['segmentation', 'criteria']) as Json[]).map((c) => (c === criterion ? { ...criterion, fact } : c));
  const segmentation = getAt(doc, ['segmentation']) as Record<string, Json>;
  return { ...(doc as Record<string, Json>), segmentation: { ...segmentation, criteria } };
}

/** The "potential" criterion's option `from` renamed (its id changed), as a lead could do in the JSON view. */
function setAtOptionId(doc: Json, from: string, to: string): Json {
  const text = JSON.stringify(doc);
  const marker = '"id":"potential"';
  const at = text.indexOf(marker);
  const option = text.indexOf(`"id":"${from}"`, at);
  return JSON.parse(text.slice(0, option) + `"id":"${to}"` + text.slice(option + `"id":"${from}"`.length)) as Json;
}
