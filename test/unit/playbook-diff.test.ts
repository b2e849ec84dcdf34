import { describe, expect, test } from 'vitest';
import { translate } from '../../lib/i18n';
import { describeChange, namesById, type ChangeMessage } from '../../lib/playbook/change-text';
import { diffPlaybooks, relevantFirst, type PlaybookChange } from '../../lib/playbook/diff';
import { formatDiff } from '../../scripts/playbook';
import { parsePlaybook, type Playbook } from '../../lib/playbook/schema';
import defaultJson from '../../lib/playbook/default-playbook.json';
import smallJson from '../fixtures/playbooks/small.json';

function load(json: unknown): Playbook {
  const result = parsePlaybook(json);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.playbook;
}

const base = load(defaultJson);
const small = load(smallJson);

/** The default playbook after a lead's edit of its raw JSON. */
function edited(edit: (json: any) => void, from: unknown = defaultJson): Playbook {
  const json = structuredClone(from) as any;
  edit(json);
  return load(json);
}

const persona = (json: any, id: string) => json.personas.find((p: any) => p.id === id);
const segment = (json: any, id: string) => json.segmentation.segments.find((s: any) => s.id === id);
const criterion = (json: any, id: string) => json.segmentation.criteria.find((c: any) => c.id === id);
const english: ChangeMessage = (key, params) => translate('en', key, params);
/** The line the CLI prints for a change (without its symbol and path). */
const line = (change: PlaybookChange) => describeChange(change, english, namesById(english));


describe('diffPlaybooks', () => {
  test('the same playbook, or only a new version number: no changes', () => {
    expect(diffPlaybooks(base, base)).toEqual([]);
    expect(diffPlaybooks(base, edited((j) => (j.version = '2026.12.1')))).toEqual([]);
  });

  test.each<[string, (json: any) => void, Partial<PlaybookChange>[], string[]]>([
    [
      'a new tactic for burned clients',
      (j) =>
        persona(j, 'burned').tactics.push({
          id: 'burned-pilot-order',
          when: 'during',
          text: { en: 'Offer a small pilot order before the full contract.', pl: 'Zaproponuj małe zamówienie próbne.' },
        }),
      [
        {
          kind: 'added',
          area: 'tactic',
          id: 'burned-pilot-order',
          path: 'personas[3].tactics[12]',
          owner: { persona: 'burned' },
          label: { en: 'Offer a small pilot order before the full contract.', pl: 'Zaproponuj małe zamówienie próbne.' },
          detail: { when: 'during' },
        },
      ],
      ['Tactic "burned-pilot-order" added to persona burned (during)'],
    ],
    [
      'new segment thresholds',
      (j) => {
        segment(j, 'key').minPoints = 22;
        segment(j, 'growth').minPoints = 15;
      },
      [
        { kind: 'changed', area: 'segment', id: 'key', path: 'segmentation.segments[0].minPoints', owner: { segment: 'key' }, field: 'minPoints', before: 20, after: 22, label: { en: 'Key account' } },
        { kind: 'changed', area: 'segment', id: 'growth', path: 'segmentation.segments[1].minPoints', owner: { segment: 'growth' }, field: 'minPoints', before: 14, after: 15, label: { en: 'Growth account' } },
      ],
      ['Segment "key": minimum points 20 → 22', 'Segment "growth": minimum points 14 → 15'],
    ],
    [
      'a renamed persona label',
      (j) => (persona(j, 'burned').label.en = 'Once bitten'),
      [
        {
          kind: 'changed',
          area: 'persona',
          id: 'burned',
          path: 'personas[3].label.en',
          owner: { persona: 'burned' },
          field: 'label',
          language: 'en',
          before: 'Burned',
          after: 'Once bitten',
          label: { en: 'Once bitten' },
        },
      ],
      ['Persona "burned": label (en) "Burned" → "Once bitten"'],
    ],
    [
      'a removed criterion option',
      (j) => (criterion(j, 'employees').options = criterion(j, 'employees').options.filter((o: any) => o.id !== 'micro')),
      [{ kind: 'removed', area: 'option', id: 'employees.micro', path: 'segmentation.criteria[0].options[0]', label: { en: '1–9' } }],
      ['Option "micro" removed from criterion "employees"'],
    ],
    [
      'points changed on an option',
      (j) => (criterion(j, 'employees').options.find((o: any) => o.id === 'enterprise').points = 5),
      [
        {
          kind: 'changed',
          area: 'option',
          id: 'employees.enterprise',
          path: 'segmentation.criteria[0].options[4].points',
          field: 'points',
          before: 4,
          after: 5,
          label: { en: '1,000 or more' },
        },
      ],
      ['Option "enterprise" of criterion "employees": points 4 → 5'],
    ],
    [
      'a long tactic text rewritten: "changed", without quoting it',
      (j) => (persona(j, 'burned').tactics.find((t: any) => t.id === 'burned-offer-guarantees').text.en = 'Put the guarantees in writing before they ask: delivery dates, penalties and who to call.'),
      [
        {
          kind: 'changed',
          area: 'tactic',
          id: 'burned-offer-guarantees',
          path: 'personas[3].tactics[5].text.en',
          owner: { persona: 'burned' },
          field: 'text',
          language: 'en',
          before: 'Offer guarantees: clear terms, staged payments, what happens if a date is missed.',
          after: 'Put the guarantees in writing before they ask: delivery dates, penalties and who to call.',
        },
      ],
      ['Tactic "burned-offer-guarantees" (persona burned): text (en) changed'],
    ],
    [
      'tactics reordered and a persona moved in the list: matched by id, no change',
      (j) => {
        persona(j, 'expert').tactics.reverse();
        j.personas.reverse();
      },
      [],
      [],
    ],
    [
      'a tactic moved from a persona to a segment',
      (j) => {
        const burned = persona(j, 'burned');
        const [tactic] = burned.tactics.splice(0, 1);
        segment(j, 'key').tactics.push(tactic);
      },
      [
        {
          kind: 'changed',
          area: 'tactic',
          id: 'burned-industry-stories',
          owner: { segment: 'key' },
          field: 'owner',
          previousOwner: { persona: 'burned' },
        },
      ],
      ['Tactic "burned-industry-stories" moved from persona burned to segment key'],
    ],
    [
      'a matrix cell sends a row to another segment',
      (j) => (j.segmentation.matrix.cells.find((c: any) => c.row === 'high' && c.column === 'low').segment = 'key'),
      [
        {
          kind: 'changed',
          area: 'matrix',
          id: 'high×low',
          path: 'segmentation.matrix.cells[2].segment',
          owner: { segment: 'key' },
          field: 'segment',
          before: 'growth',
          after: 'key',
          detail: { row: 'high', column: 'low' },
        },
      ],
      ['Matrix cell high × low: segment "growth" → "key"'],
    ],
  ])('%s', (_name, edit, expected, lines) => {
    const changes = diffPlaybooks(base, edited(edit));
    expect(changes).toHaveLength(expected.length);
    expect(changes).toMatchObject(expected);
    expect(changes.map(line)).toEqual(lines);
  });

  test('a removed persona, with its tactics', () => {
    const next = edited((j) => j.personas.pop(), smallJson);
    const changes = diffPlaybooks(small, next);
    expect(changes).toEqual([
      { kind: 'removed', area: 'persona', id: 'fast', path: 'personas[1]', owner: { persona: 'fast' }, label: { en: 'Fast' } },
      { kind: 'removed', area: 'tactic', id: 'fast-before-slot', path: 'personas[1].tactics[0]', owner: { persona: 'fast' }, label: { en: 'Have a start date ready.' } },
      { kind: 'removed', area: 'tactic', id: 'fast-during-decide', path: 'personas[1].tactics[1]', owner: { persona: 'fast' }, label: { en: 'Ask for the decision on the call.' } },
    ]);
    expect(changes.map(line)).toEqual([
      'Persona "fast" removed',
      'Tactic "fast-before-slot" removed from persona fast',
      'Tactic "fast-during-decide" removed from persona fast',
    ]);
  });

  test('signal weights, service levels and the suggestion threshold', () => {
    const next = edited((j) => {
      const signal = persona(j, 'fast').signals[0];
      signal.weight = signal.weight === 5 ? 4 : signal.weight + 1;
      segment(j, 'standard').serviceLevel.touch = 'low';
      j.personaSuggestion.minConfidence = 0.5;
    });
    const changes = diffPlaybooks(base, next);
    expect(changes.map((c) => [c.area, c.field])).toEqual([
      ['meta', 'minConfidence'],
      ['segment', 'serviceLevel.touch'],
      ['signal', 'weight'],
    ]);
    expect(changes[1]!.path).toBe('segmentation.segments[2].serviceLevel.touch');
    expect(changes[2]!.id).toBe(`fast.${persona(defaultJson, 'fast').signals[0].id}`);
  });

  test('a new language for a text is one change for that language', () => {
    const next = edited((j) => (j.segmentation.segments[0].tactics[0].text.de = 'Den Account-Plan prüfen.'), smallJson);
    expect(diffPlaybooks(small, next)).toEqual([
      {
        kind: 'changed',
        area: 'tactic',
        id: 'key-before-plan',
        path: 'segmentation.segments[0].tactics[0].text.de',
        owner: { segment: 'key' },
        field: 'text',
        language: 'de',
        after: 'Den Account-Plan prüfen.',
        label: { en: 'Review the account plan.', de: 'Den Account-Plan prüfen.' },
      },
    ]);
    expect(diffPlaybooks(small, next).map(line)).toEqual(['Tactic "key-before-plan" (segment key): text (de) added: "Den Account-Plan prüfen."']);
  });
});

describe('relevantFirst', () => {
  const next = edited((j) => {
    criterion(j, 'employees').options[4].points = 5;
    persona(j, 'expert').tactics[0].when = 'during';
    segment(j, 'growth').minPoints = 15;
    persona(j, 'burned').tactics[0].when = 'after';
    segment(j, 'key').minPoints = 21;
  });
  const changes = diffPlaybooks(base, next);

  test.each<[string, { persona?: string[]; segment?: string }, string[]]>([
    ['no account context: original order', {}, ['employees.enterprise', 'key', 'growth', 'expert-research-account', 'burned-industry-stories']],
    ['a burned key account', { persona: ['burned'], segment: 'key' }, ['key', 'burned-industry-stories', 'employees.enterprise', 'growth', 'expert-research-account']],
    ['secondary persona counts too', { persona: ['fast', 'expert'] }, ['expert-research-account', 'employees.enterprise', 'key', 'growth', 'burned-industry-stories']],
  ])('%s', (_name, context, ids) => {
    expect(changes.map((c) => c.id)).toHaveLength(5);
    expect(relevantFirst(changes, context).map((c) => c.id)).toEqual(ids);
  });
});

describe('formatDiff', () => {
  test('one line per change, symbol first and path last', () => {
    const next = edited((j) => {
      criterion(j, 'employees').options[4].points = 5;
      criterion(j, 'employees').options.shift();
      persona(j, 'burned').tactics.push({ id: 'burned-pilot-order', when: 'during', text: { en: 'Offer a pilot order.' } });
    });
    expect(formatDiff(diffPlaybooks(base, next))).toBe(
      [
        '3 changes',
        '~ Option "enterprise" of criterion "employees": points 4 → 5  [segmentation.criteria[0].options[3].points]',
        '- Option "micro" removed from criterion "employees"  [segmentation.criteria[0].options[0]]',
        '+ Tactic "burned-pilot-order" added to persona burned (during)  [personas[3].tactics[12]]',
        '',
      ].join('\n'),
    );
    expect(formatDiff([])).toBe('No changes.\n');
  });
});
