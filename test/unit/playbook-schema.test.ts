import { describe, expect, test } from 'vitest';
import { formatPath, parsePlaybook } from '../../lib/playbook/schema';
import smallJson from '../fixtures/playbooks/small.json';

/** The fixture with one thing broken. */
function broken(edit: (json: any) => void): unknown {
  const json = structuredClone(smallJson) as any;
  edit(json);
  return json;
}

describe('parsePlaybook accepts', () => {
  test('the small fixture, filling defaults', () => {
    const result = parsePlaybook(smallJson);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { playbook } = result;
    expect(playbook.segmentation.criteria.map((c) => [c.id, c.ask])).toEqual([
      ['size', true],
      ['potential', true],
      ['wallet', true],
      ['industry', true],
      ['history', false],
    ]);
    expect(playbook.segmentation.segments.map((s) => s.id)).toEqual(['key', 'standard', 'small']);
    expect(playbook.personas.map((p) => [p.id, p.tactics.length, p.signals, p.avoid])).toEqual([
      ['expert', 3, [], []],
      ['fast', 2, [], []],
    ]);
    expect(playbook.personaSuggestion).toEqual({ neutralExamples: {}, minConfidence: 0.35, secondaryRatio: 0.5 });
    expect(playbook.learning).toEqual({ scenarios: [] });
  });
});

describe('parsePlaybook rejects, naming the JSON path', () => {
  test.each<[string, unknown, string, RegExp]>([
    ['a tactic with an unknown when', broken((j) => (j.personas[0].tactics[1].when = 'lunch')), 'personas[0].tactics[1].when', /before|during|after/],
    ['a tactic without text', broken((j) => delete j.segmentation.segments[1].tactics[0].text), 'segmentation.segments[1].tactics[0].text', /./],
    [
      'a tactic id used twice by personas',
      broken((j) => (j.personas[1].tactics[0].id = 'expert-before-cases')),
      'personas[1].tactics[0].id',
      /duplicate tactic id "expert-before-cases"/,
    ],
    [
      'a tactic id shared by a segment and a persona',
      broken((j) => (j.segmentation.segments[2].tactics[0].id = 'fast-during-decide')),
      'personas[1].tactics[1].id',
      /duplicate tactic id "fast-during-decide"/,
    ],
    [
      'a tactic id used twice inside one segment',
      broken((j) => (j.segmentation.segments[0].tactics[1].id = 'key-before-plan')),
      'segmentation.segments[0].tactics[1].id',
      /duplicate tactic id/,
    ],
    [
      'a matrix cell naming an unknown row option',
      broken((j) => (j.segmentation.matrix.cells[0].row = 'huge')),
      'segmentation.matrix.cells[0].row',
      /criterion "potential" has no option "huge"/,
    ],
    [
      'a matrix cell naming an unknown column option',
      broken((j) => (j.segmentation.matrix.cells[4].column = 'none')),
      'segmentation.matrix.cells[4].column',
      /criterion "wallet" has no option "none"/,
    ],
    [
      'a matrix cell naming an unknown segment',
      broken((j) => (j.segmentation.matrix.cells[2].segment = 'vip')),
      'segmentation.matrix.cells[2].segment',
      /no segment "vip"/,
    ],
    ['a matrix naming an unknown criterion', broken((j) => (j.segmentation.matrix.rows = 'profit')), 'segmentation.matrix.rows', /no criterion "profit"/],
    ['a matrix without cells', broken((j) => (j.segmentation.matrix.cells = [])), 'segmentation.matrix.cells', /./],
    ['a duplicate criterion id', broken((j) => (j.segmentation.criteria[3].id = 'size')), 'segmentation.criteria[3].id', /duplicate criterion id "size"/],
    ['a duplicate option id', broken((j) => (j.segmentation.criteria[0].options[2].id = 'large')), 'segmentation.criteria[0].options[2].id', /duplicate option id "large"/],
    ['a duplicate segment id', broken((j) => (j.segmentation.segments[2].id = 'key')), 'segmentation.segments[2].id', /duplicate segment id "key"/],
    ['a duplicate persona id', broken((j) => (j.personas[1].id = 'expert')), 'personas[1].id', /duplicate persona id "expert"/],
    ['an empty condition', broken((j) => (j.segmentation.criteria[0].options[0].when = {})), 'segmentation.criteria[0].options[0].when', /at least one of/],
    ['a condition with a text min', broken((j) => (j.segmentation.criteria[0].options[0].when = { min: '1000' })), 'segmentation.criteria[0].options[0].when.min', /number/],
    ['an unknown fact', broken((j) => (j.segmentation.criteria[1].fact = 'headcount')), 'segmentation.criteria[1].fact', /./],
    ['an id with capitals and punctuation', broken((j) => (j.segmentation.criteria[0].id = 'Size!')), 'segmentation.criteria[0].id', /lower-case id/],
    ['a label with no language', broken((j) => (j.segmentation.segments[0].label = {})), 'segmentation.segments[0].label', /at least one language/],
    ['an unknown touch', broken((j) => (j.segmentation.segments[0].serviceLevel.touch = 'extreme')), 'segmentation.segments[0].serviceLevel.touch', /./],
    ['a bad colour', broken((j) => (j.segmentation.segments[0].colour = 'green')), 'segmentation.segments[0].colour', /colour/],
    ['no segments', broken((j) => (j.segmentation.segments = [])), 'segmentation.segments', /./],
    ['no personas', broken((j) => (j.personas = [])), 'personas', /./],
    ['a future schema version', broken((j) => (j.schemaVersion = 2)), 'schemaVersion', /./],
    ['a scenario naming an unknown persona', broken((j) => (j.learning = { scenarios: [{ id: 's1', text: { en: 'Hi' }, persona: 'burned', why: { en: 'x' } }] })), 'learning.scenarios[0].persona', /no persona "burned"/],
    ['an unknown key inside a criterion', broken((j) => (j.segmentation.criteria[2].weight = 3)), 'segmentation.criteria[2]', /weight/],
    ['an unknown top-level key', broken((j) => (j.owner = 'sales')), '(root)', /owner/],
    ['not an object', null, '(root)', /./],
    ['an array', [], '(root)', /./],
  ])('%s', (_name, json, path, message) => {
    const result = parsePlaybook(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});

describe('formatPath', () => {
  test.each<[PropertyKey[], string]>([
    [[], '(root)'],
    [['personas', 0, 'tactics', 1, 'when'], 'personas[0].tactics[1].when'],
    [['segmentation', 'matrix', 'cells', 3, 'row'], 'segmentation.matrix.cells[3].row'],
  ])('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
