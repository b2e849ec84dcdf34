import { expect, test } from 'vitest';
import { buildChecklist, type ChecklistItem } from '../../lib/core/checklist';
import { forThisCall } from '../../lib/core/for-this-call';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';

const item = (id: string, when: ChecklistItem['when'], kind: 'persona' | 'segment', source: string): ChecklistItem => ({
  id,
  when,
  text: { en: id },
  source: { kind, id: source },
});

// A checklist as buildChecklist orders it: by phase, then primary persona, secondary persona, segment.
const checklist = [
  item('p-b1', 'before', 'persona', 'burned'),
  item('s-b1', 'before', 'segment', 'key'),
  item('p-d1', 'during', 'persona', 'burned'),
  item('p-d2', 'during', 'persona', 'burned'),
  item('p-d3', 'during', 'persona', 'burned'),
  item('q-d1', 'during', 'persona', 'expert'),
  item('q-d2', 'during', 'persona', 'expert'),
  item('s-d1', 'during', 'segment', 'key'),
  item('p-a1', 'after', 'persona', 'burned'),
];

test.each<{ case: string; done: string[]; phase: ChecklistItem['when'] | undefined; expected: string[] }>([
  { case: 'nothing done: before first, filled up to three from during', done: [], phase: undefined, expected: ['p-b1', 's-b1', 'p-d1'] },
  {
    case: 'before done: during, each source in turn, five at most',
    done: ['p-b1', 's-b1'],
    phase: undefined,
    expected: ['p-d1', 'p-d2', 'q-d1', 'q-d2', 's-d1'],
  },
  { case: 'the rep picks after: no earlier phase fills in', done: [], phase: 'after' as const, expected: ['p-a1'] },
  { case: 'all done', done: checklist.map((i) => i.id), phase: undefined, expected: [] },
])('$case', ({ done, phase, expected }) => {
  const result = forThisCall(checklist, (id) => done.includes(id), phase ? { phase } : {});
  expect(result.items.map((i) => i.id)).toEqual(expected);
});

test('the phase is the first with an open tactic unless the rep picked one', () => {
  expect(forThisCall(checklist, () => false).phase).toBe('before');
  expect(forThisCall(checklist, (id) => id.includes('-b')).phase).toBe('during');
  expect(forThisCall(checklist, () => false, { phase: 'after' }).phase).toBe('after');
});

test('a tactic ticked a moment ago stays in place instead of jumping away', () => {
  const result = forThisCall(checklist, (id) => id === 'p-b1', { keep: new Set(['p-b1']) });
  expect(result.items.map((i) => i.id)).toEqual(['p-b1', 's-b1', 'p-d1']);
});

test('Burned + Expert on a Standard account: before the call, one tactic of each, in playbook order', () => {
  const items = buildChecklist('standard', { primary: 'burned', secondary: 'expert' }, DEFAULT_PLAYBOOK);
  expect(forThisCall(items, () => false).items.map((i) => i.id)).toEqual([
    'burned-industry-stories',
    'expert-research-account',
    'expert-bring-team',
    'standard-proportional-time',
  ]);
  // The rep is on the call: five of the eleven "during" tactics, the persona's first, the segment's one.
  expect(forThisCall(items, () => false, { phase: 'during' }).items.map((i) => i.id)).toEqual([
    'burned-calm-reassure',
    'burned-work-objections',
    'expert-dig-into-need',
    'expert-argue-objections',
    'standard-mix-touch',
  ]);
});
