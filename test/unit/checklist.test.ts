import { describe, expect, test } from 'vitest';
import { buildChecklist, groupByWhen, type ChecklistItem } from '../../lib/core/checklist';
import { parsePlaybook, type Playbook, type When } from '../../lib/playbook/schema';
import smallJson from '../fixtures/playbooks/small.json';

function load(json: unknown): Playbook {
  const result = parsePlaybook(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.playbook;
}

const playbook = load(smallJson);

describe('buildChecklist', () => {
  test.each<[string, string | undefined, { primary?: string; secondary?: string }, string[]]>([
    [
      'by when, then primary, secondary, segment',
      'key',
      { primary: 'expert', secondary: 'fast' },
      [
        'expert-before-cases', 'fast-before-slot', 'key-before-plan',
        'expert-during-process', 'fast-during-decide',
        'expert-after-summary', 'key-after-review',
      ],
    ],
    [
      'swapping primary and secondary swaps their order within each when',
      'key',
      { primary: 'fast', secondary: 'expert' },
      [
        'fast-before-slot', 'expert-before-cases', 'key-before-plan',
        'fast-during-decide', 'expert-during-process',
        'expert-after-summary', 'key-after-review',
      ],
    ],
    ['segment only', 'standard', {}, ['standard-during-upsell']],
    ['persona only, no segment', undefined, { primary: 'fast' }, ['fast-before-slot', 'fast-during-decide']],
    ['secondary without primary', 'small', { secondary: 'fast' }, ['fast-before-slot', 'fast-during-decide', 'small-after-portal']],
    [
      'the same persona twice gives each tactic once',
      'small',
      { primary: 'expert', secondary: 'expert' },
      ['expert-before-cases', 'expert-during-process', 'expert-after-summary', 'small-after-portal'],
    ],
    ['unknown segment and persona ids are ignored', 'vip', { primary: 'burned', secondary: 'fast' }, ['fast-before-slot', 'fast-during-decide']],
    ['nothing chosen', undefined, {}, []],
  ])('%s', (_name, segmentId, persona, ids) => {
    expect(buildChecklist(segmentId, persona, playbook).map((i) => i.id)).toEqual(ids);
  });

  test('items carry text, why only when written, and their source', () => {
    const items = buildChecklist('key', { primary: 'expert' }, playbook);
    expect(items.find((i) => i.id === 'expert-during-process')).toEqual({
      id: 'expert-during-process',
      when: 'during',
      text: { en: 'Walk through your process and deadlines.' },
      why: { en: 'Experts judge on experience before price.' },
      source: { kind: 'persona', id: 'expert' },
    });
    const plan = items.find((i) => i.id === 'key-before-plan');
    expect(plan).toEqual({
      id: 'key-before-plan',
      when: 'before',
      text: { en: 'Review the account plan.' },
      source: { kind: 'segment', id: 'key' },
    });
    expect(plan && 'why' in plan).toBe(false);
  });

  test('a tactic id shared by a persona and a segment (only in an unvalidated playbook) appears once, from the persona', () => {
    const json = structuredClone(smallJson) as any;
    json.segmentation.segments[0].tactics.push({ id: 'fast-before-slot', when: 'after', text: { en: 'Duplicate.' } });
    expect(parsePlaybook(json).ok).toBe(false);
    const unvalidated = { ...playbook, segmentation: { ...playbook.segmentation, segments: json.segmentation.segments } } as Playbook;
    const items = buildChecklist('key', { primary: 'fast' }, unvalidated);
    expect(items.filter((i) => i.id === 'fast-before-slot')).toEqual([
      { id: 'fast-before-slot', when: 'before', text: { en: 'Have a start date ready.' }, source: { kind: 'persona', id: 'fast' } },
    ]);
  });
});

describe('groupByWhen', () => {
  const item = (id: string, when: When): ChecklistItem => ({ id, when, text: { en: id }, source: { kind: 'segment', id: 's' } });

  test.each<[string, ChecklistItem[], [When, string[]][]]>([
    ['empty list, no groups', [], []],
    [
      'groups in before, during, after order, items keep their order',
      [item('a1', 'after'), item('b1', 'before'), item('a2', 'after'), item('d1', 'during'), item('b2', 'before')],
      [
        ['before', ['b1', 'b2']],
        ['during', ['d1']],
        ['after', ['a1', 'a2']],
      ],
    ],
    [
      'empty groups are left out',
      [item('a1', 'after'), item('b1', 'before')],
      [
        ['before', ['b1']],
        ['after', ['a1']],
      ],
    ],
  ])('%s', (_name, items, expected) => {
    expect(groupByWhen(items).map((g) => [g.when, g.items.map((i) => i.id)])).toEqual(expected);
  });

  test('grouping a built checklist', () => {
    const groups = groupByWhen(buildChecklist('standard', { primary: 'fast' }, playbook));
    expect(groups.map((g) => [g.when, g.items.map((i) => i.id)])).toEqual([
      ['before', ['fast-before-slot']],
      ['during', ['fast-during-decide', 'standard-during-upsell']],
    ]);
  });
});
