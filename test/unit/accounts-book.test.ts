import { describe, expect, test } from 'vitest';
import { buildRows, createRowFilter, filterRows, scanRows, sortRows, type BookRow } from '../../lib/accounts/book';
import { distribution, pareto, workload } from '../../lib/accounts/stats';
import type { AccountScore } from '../../lib/accounts/types';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';

const playbook = DEFAULT_PLAYBOOK;
const score = (key: string, name: string, segment: string, revenue?: number, extra: Partial<AccountScore> = {}): AccountScore => ({
  key,
  name,
  site: 'hubspot',
  seenAt: 100,
  segment,
  points: 0,
  personaBy: 'none',
  facts: revenue === undefined ? {} : { annualRevenue: revenue },
  answers: {},
  playbookVersion: playbook.version,
  playbookHash: 'h',
  scoredAt: 100,
  ...extra,
});

describe('the book', () => {
  const scores = [
    score('domain:acme.com', 'Acme', 'low-touch', 1_000_000, { domain: 'acme.com', seenAt: 0 }),
    score('domain:zeta.pl', 'Zeta', 'key', 90_000_000, { domain: 'zeta.pl', persona: { primary: 'expert' } }),
    score('domain:beta.ro', 'Beta', 'standard', undefined, { domain: 'beta.ro', seenAt: 200, lastMove: { at: 500, from: 'low-touch', to: 'standard' } }),
  ];
  const pins = [{ key: 'domain:acme.com', segment: 'growth', reason: 'New plant in 2027', at: 1 }];

  test('a pin sets the segment shown, the score stays beside it; open tactics are the checklist less the ticked ones', () => {
    const all = buildRows(scores, pins, new Map(), playbook);
    const acme = all.find((r) => r.key === 'domain:acme.com')!;
    expect([acme.segment, acme.scored, acme.pin?.reason]).toEqual(['growth', 'low-touch', 'New plant in 2027']);
    const growthTactics = playbook.segmentation.segments.find((s) => s.id === 'growth')!.tactics.map((t) => t.id);
    expect(acme.openTactics).toBe(growthTactics.length);
    const ticked = buildRows(scores, pins, new Map([['domain:acme.com', new Set([growthTactics[0]!])]]), playbook);
    expect(ticked.find((r) => r.key === 'domain:acme.com')!.openTactics).toBe(growthTactics.length - 1);
  });

  test('search matches every word in name or domain; filters by segment, persona, pins and recent moves', () => {
    const rows = buildRows(scores, pins, new Map(), playbook);
    expect(filterRows(rows, { query: 'ZETA pl' }).map((r) => r.name)).toEqual(['Zeta']);
    expect(filterRows(rows, { query: '.ro' }).map((r) => r.name)).toEqual(['Beta']);
    expect(filterRows(rows, { query: '', segment: 'growth' }).map((r) => r.name)).toEqual(['Acme']);
    expect(filterRows(rows, { query: '', persona: 'expert' }).map((r) => r.name)).toEqual(['Zeta']);
    expect(filterRows(rows, { query: '', pinnedOnly: true }).map((r) => r.name)).toEqual(['Acme']);
    expect(filterRows(rows, { query: '', movedSince: 400 }).map((r) => r.name)).toEqual(['Beta']);
  });

  test("segments sort in the playbook's order, missing values last whatever the direction", () => {
    const rows = buildRows(scores, [], new Map(), playbook);
    expect(sortRows(rows, 'segment', false, playbook).map((r) => r.name)).toEqual(['Zeta', 'Beta', 'Acme']);
    expect(sortRows(rows, 'revenue', true, playbook).map((r) => r.name)).toEqual(['Zeta', 'Acme', 'Beta']);
    expect(sortRows(rows, 'revenue', false, playbook).map((r) => r.name)).toEqual(['Acme', 'Zeta', 'Beta']);
    expect(sortRows(rows, 'seenAt', true, playbook).map((r) => r.name)).toEqual(['Beta', 'Zeta', 'Acme']);
  });
});

describe('where the time goes', () => {
  test('distribution counts accounts and sums revenue per segment, empty segments included', () => {
    const rows = buildRows(
      [score('a', 'A', 'key', 50), score('b', 'B', 'key', 30), score('c', 'C', 'low-touch', 20), score('d', 'D', 'low-touch')],
      [],
      new Map(),
      playbook,
    );
    expect(distribution(rows, playbook)).toEqual([
      { segment: 'key', accounts: 2, revenue: 80 },
      { segment: 'growth', accounts: 0, revenue: 0 },
      { segment: 'standard', accounts: 0, revenue: 0 },
      { segment: 'low-touch', accounts: 2, revenue: 20 },
    ]);
  });

  test('Pareto: with 20 accounts, the top 2 hold their share of the revenue', () => {
    // Two accounts of 390 and 18 of 10: total 960, the top 10 % (2 accounts) hold 780 / 960 = 81.25 %.
    const revenues = [390, 390, ...Array.from({ length: 18 }, () => 10)];
    const rows = buildRows(revenues.map((r, i) => score(`k${i}`, `N${i}`, 'standard', r)), [], new Map(), playbook);
    const figure = pareto(rows)!;
    expect(figure.accounts).toBe(20);
    expect(figure.top).toEqual({ accounts: 2, revenueShare: 0.8125 });
    expect(figure.curve[0]).toEqual({ accountShare: 0, revenueShare: 0 });
    expect(figure.curve.at(-1)).toEqual({ accountShare: 1, revenueShare: 1 });
    expect(pareto(buildRows([score('x', 'X', 'key')], [], new Map(), playbook))).toBeUndefined();
  });

  test('workload: a weekly 45-minute touch for key accounts, monthly half hour for medium, quarterly quarter hour for low', () => {
    const shares = [
      { segment: 'key', accounts: 10, revenue: 0 },
      { segment: 'growth', accounts: 0, revenue: 0 },
      { segment: 'standard', accounts: 20, revenue: 0 },
      { segment: 'low-touch', accounts: 120, revenue: 0 },
    ];
    const result = workload(shares, playbook, 40);
    // key: 10 × 4 × 45 min = 30 h; standard (medium): 20 × 1 × 30 min = 10 h; low-touch: 120 / 3 × 15 min = 10 h.
    expect(result.segments.map((s) => [s.segment, s.touchesPerMonth, s.hoursPerMonth])).toEqual([
      ['key', 40, 30],
      ['growth', 0, 0],
      ['standard', 20, 10],
      ['low-touch', 40, 10],
    ]);
    expect([result.hoursNeeded, result.hoursAvailable]).toEqual([50, 40]);
  });
});

describe('the search box filter (createRowFilter)', () => {
  const named = (name: string, segment = 'standard'): BookRow => ({ key: `name:${name}`, name, site: 'import', seenAt: 0, segment, scored: segment, openTactics: 0, haystack: name.toLowerCase() });
  const book = [named('Acme Corp'), named('Acme Logistics', 'key'), named('Northwind Logistics'), named('Contoso'), named('Acme Cables')];
  const names = (rows: readonly BookRow[]) => rows.map((row) => row.name);

  test('typing, deleting and retyping gives what a full pass over the book gives, at every step', () => {
    const filter = createRowFilter();
    const steps: [string, string[]][] = [
      ['a', ['Acme Corp', 'Acme Logistics', 'Acme Cables']],
      ['ac', ['Acme Corp', 'Acme Logistics', 'Acme Cables']],
      // Every word anywhere in the name or domain: "c" is in "Logistics" too.
      ['acme c', ['Acme Corp', 'Acme Logistics', 'Acme Cables']],
      ['acme co', ['Acme Corp']],
      ['acme c', ['Acme Corp', 'Acme Logistics', 'Acme Cables']],
      ['acme', ['Acme Corp', 'Acme Logistics', 'Acme Cables']],
      ['acme l', ['Acme Logistics', 'Acme Cables']],
      ['acme lo', ['Acme Logistics']],
      ['', ['Acme Corp', 'Acme Logistics', 'Northwind Logistics', 'Contoso', 'Acme Cables']],
      ['LOGISTICS', ['Acme Logistics', 'Northwind Logistics']],
      ['logistics n', ['Northwind Logistics']],
      ['o', ['Acme Corp', 'Acme Logistics', 'Northwind Logistics', 'Contoso']],
    ];
    for (const [query, expected] of steps) expect(names(filter(book, { query })), query).toEqual(expected);
  });

  test('a query over the whole book, through its search text: each row once, in order, never across two rows', () => {
    // "a" is twice in "Acme Cables"; "acme" starts the first row, "cables" ends the last.
    expect(names(scanRows(book, { query: 'a' }))).toEqual(['Acme Corp', 'Acme Logistics', 'Acme Cables']);
    expect(names(scanRows(book, { query: 'acme' }))).toEqual(['Acme Corp', 'Acme Logistics', 'Acme Cables']);
    expect(names(scanRows(book, { query: 'cables' }))).toEqual(['Acme Cables']);
    // The longest word is searched for; the others, and the other filters, are checked on each row found.
    expect(names(scanRows(book, { query: 'c logistics' }))).toEqual(['Acme Logistics', 'Northwind Logistics']);
    expect(names(scanRows(book, { query: 'logistics', segment: 'key' }))).toEqual(['Acme Logistics']);
    expect(names(scanRows(book, { query: 'zzz' }))).toEqual([]);
    // "Contoso" ends one row and "Acme" starts the next: "soac" is in neither.
    expect(names(scanRows(book, { query: 'soac' }))).toEqual([]);
    expect(names(scanRows(book, { query: '' }))).toEqual(['Acme Corp', 'Acme Logistics', 'Northwind Logistics', 'Contoso', 'Acme Cables']);
  });

  test('a new book or another segment filter is never answered from the results of the old one', () => {
    const filter = createRowFilter();
    expect(names(filter(book, { query: 'acme' }))).toEqual(['Acme Corp', 'Acme Logistics', 'Acme Cables']);
    expect(names(filter(book, { query: 'acme', segment: 'key' }))).toEqual(['Acme Logistics']);
    expect(names(filter(book, { query: 'acme lo' }))).toEqual(['Acme Logistics']);
    const grown = [...book, named('Acme Lounge')];
    expect(names(filter(grown, { query: 'acme lo' }))).toEqual(['Acme Logistics', 'Acme Lounge']);
  });
});
