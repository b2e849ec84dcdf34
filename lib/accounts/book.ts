import { buildChecklist } from '../core/checklist';
import type { Playbook } from '../playbook/schema';
import { effectiveSegment } from './pins';
import type { AccountScore, Pin } from './types';

/**
 * One line of the My accounts list: the score's identity, persona and last move (`seenAt` 0: imported,
 * never seen on a page), with the segment the account is treated as.
 */
export interface BookRow extends Pick<AccountScore, 'key' | 'name' | 'domain' | 'site' | 'seenAt' | 'persona' | 'lastMove'> {
  /** The segment the account is treated as (the pin's when pinned). */
  segment: string;
  /** The segment the score gives. */
  scored: string;
  pin?: Pin;
  /** Annual revenue as stored (the currency is the account's own). */
  revenue?: number;
  openTactics: number;
  /** Lower-case name and domain, for search. */
  haystack: string;
}

/** Tactic ids ticked done per account. */
export type DoneTactics = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Rows for every scored account. Open tactics are the checklist the account's segment and
 * persona give, less those the rep ticked; checklists are built once per combination.
 */
export function buildRows(scores: readonly AccountScore[], pins: readonly Pin[], done: DoneTactics, playbook: Playbook): BookRow[] {
  const pinOf = new Map(pins.map((pin) => [pin.key, pin]));
  const checklists = new Map<string, string[]>();
  const rows: BookRow[] = new Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    const pin = pinOf.get(score.key);
    const { segment } = effectiveSegment(score.segment, pin, playbook);
    const combination = `${segment}|${score.persona?.primary ?? ''}|${score.persona?.secondary ?? ''}`;
    let ids = checklists.get(combination);
    if (!ids) {
      ids = buildChecklist(segment, score.persona ?? {}, playbook).map((item) => item.id);
      checklists.set(combination, ids);
    }
    const ticked = done.get(score.key);
    const openTactics = ticked ? ids.filter((id) => !ticked.has(id)).length : ids.length;
    const revenue = score.facts.annualRevenue;
    rows[i] = {
      key: score.key,
      name: score.name,
      ...(score.domain ? { domain: score.domain } : {}),
      site: score.site,
      seenAt: score.seenAt,
      segment,
      scored: score.segment,
      ...(pin ? { pin } : {}),
      ...(score.persona ? { persona: score.persona } : {}),
      ...(typeof revenue === 'number' ? { revenue } : {}),
      openTactics,
      ...(score.lastMove ? { lastMove: score.lastMove } : {}),
      haystack: `${score.name} ${score.domain ?? ''}`.toLowerCase(),
    };
  }
  return rows;
}

export type SortKey = 'name' | 'segment' | 'persona' | 'seenAt' | 'openTactics' | 'revenue';

export interface BookFilter {
  /** Words that must all appear in the name or domain. */
  query: string;
  segment?: string;
  persona?: string;
  pinnedOnly?: boolean;
  /** Only accounts that moved since this time. */
  movedSince?: number;
}

/** Whether the filter keeps this row; `words` are the query's, lower-cased. */
function keeps(row: BookRow, filter: BookFilter, words: readonly string[]): boolean {
  const { segment, persona, pinnedOnly, movedSince } = filter;
  if (segment && row.segment !== segment) return false;
  if (persona && row.persona?.primary !== persona && row.persona?.secondary !== persona) return false;
  if (pinnedOnly && row.pin === undefined) return false;
  if (movedSince !== undefined && (row.lastMove?.at ?? 0) < movedSince) return false;
  for (const word of words) if (!row.haystack.includes(word)) return false;
  return true;
}

/** Whether the filter sets any field keeps checks besides the words: a field added to keeps belongs here too. */
const filtersFields = ({ segment, persona, pinnedOnly, movedSince }: BookFilter) => Boolean(segment || persona || pinnedOnly || movedSince !== undefined);

const wordsOf = (query: string) => query.toLowerCase().split(/\s+/).filter(Boolean);

/** The rows the filter keeps, in their order. */
export function filterRows(rows: readonly BookRow[], filter: BookFilter): BookRow[] {
  const words = wordsOf(filter.query);
  // A plain loop: this runs over the rows still shown on a keystroke.
  const kept: BookRow[] = [];
  for (const row of rows) if (keeps(row, filter, words)) kept.push(row);
  return kept;
}

/** A list's haystacks joined into one string (one newline between rows), and where each row's starts. */
interface SearchText {
  text: string;
  /** starts[i]: where row i's haystack starts in `text`; one more entry: the text's length + 1. */
  starts: Int32Array;
}

const searchTexts = new WeakMap<readonly BookRow[], SearchText>();

/**
 * The search text of these rows, built once per list (the book as sorted). Built ahead of the
 * first keystroke: joining 50,000 haystacks takes a few ms.
 */
export function prepareSearch(rows: readonly BookRow[]): SearchText {
  let search = searchTexts.get(rows);
  if (!search) {
    const starts = new Int32Array(rows.length + 1);
    let offset = 0;
    rows.forEach((row, i) => {
      starts[i] = offset;
      offset += row.haystack.length + 1;
    });
    starts[rows.length] = offset;
    search = { text: rows.map((row) => row.haystack).join('\n'), starts };
    searchTexts.set(rows, search);
  }
  return search;
}

/**
 * filterRows over a whole book: the engine's substring search runs over the book's search text
 * (one string) for the query's longest word, and only the rows it is found in are looked at.
 * Looping over 50,000 row objects took 10–17 ms on the first keystroke, more than a frame.
 * A word has no whitespace, so it is never found across the newline between two rows.
 */
export function scanRows(rows: readonly BookRow[], filter: BookFilter): BookRow[] {
  const words = wordsOf(filter.query);
  if (!words.length) return filterRows(rows, filter);
  const { text, starts } = prepareSearch(rows);
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const others = words.filter((_, i) => i !== words.indexOf(longest));
  // A row the word is found in needs no other check when the word is the whole filter (the first
  // letter typed: checking 40,000 hits took two thirds of the scan).
  const alone = !others.length && !filtersFields(filter);
  const kept: BookRow[] = [];
  let row = 0;
  // After a hit, the search goes on from the next row's start: a row is kept once, however often it holds the word.
  for (let at = text.indexOf(longest); at !== -1; at = text.indexOf(longest, starts[row + 1])) {
    while (starts[row + 1]! <= at) row++;
    if (alone || keeps(rows[row]!, filter, others)) kept.push(rows[row]!);
  }
  return kept;
}

/**
 * filterRows for a search box: remembers the results for the queries typed since the rows or
 * the other filters last changed. A query that extends an earlier one (a letter typed) filters
 * that earlier, smaller result: every row matching "acme c" matches "acme" too, since each of
 * its words contains the earlier word at the same place. A query seen before (a letter deleted)
 * is answered from memory. So a keystroke costs a pass over the rows still shown, not the book;
 * a query over the whole book (the first letter) scans its search text (scanRows).
 */
export function createRowFilter(remember = 64): (rows: readonly BookRow[], filter: BookFilter) => BookRow[] {
  let base: { rows: readonly BookRow[]; rest: string } | undefined;
  const byQuery = new Map<string, BookRow[]>();
  return (rows, filter) => {
    const query = filter.query.toLowerCase();
    const rest = JSON.stringify({ ...filter, query: undefined });
    if (base?.rows !== rows || base.rest !== rest) {
      base = { rows, rest };
      byQuery.clear();
    }
    const known = byQuery.get(query);
    if (known) return known;
    let from: readonly BookRow[] = rows;
    for (const [earlier, result] of byQuery) if (query.startsWith(earlier) && result.length < from.length) from = result;
    const result = from === rows ? scanRows(rows, filter) : filterRows(from, filter);
    if (byQuery.size >= remember) byQuery.delete(byQuery.keys().next().value!);
    byQuery.set(query, result);
    return result;
  };
}

/**
 * Sorts a copy. Segments sort in the playbook's order (its first segment first), personas by
 * the playbook's order, missing values last; ties keep the rows' order (the book's key order).
 * Only the name sort compares text, with the collator; the others compare numbers, so sorting
 * 50,000 rows stays cheap.
 */
export function sortRows(rows: readonly BookRow[], key: SortKey, descending: boolean, playbook: Playbook, collator = new Intl.Collator()): BookRow[] {
  const segmentRank = new Map(playbook.segmentation.segments.map((s, i) => [s.id, i]));
  const personaRank = new Map(playbook.personas.map((p, i) => [p.id, i]));
  const value = (row: BookRow): number | string | undefined => {
    switch (key) {
      case 'name':
        return row.name;
      case 'segment':
        return segmentRank.get(row.segment);
      case 'persona':
        return row.persona ? personaRank.get(row.persona.primary) : undefined;
      case 'seenAt':
        return row.seenAt || undefined;
      case 'openTactics':
        return row.openTactics;
      case 'revenue':
        return row.revenue;
    }
  };
  const keyed = rows.map((row, index) => ({ row, index, value: value(row) }));
  const direction = descending ? -1 : 1;
  keyed.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value !== b.value) return a.value === undefined ? 1 : -1;
    } else if (a.value !== b.value) {
      const order = typeof a.value === 'string' ? collator.compare(a.value, b.value as string) : a.value - (b.value as number);
      if (order !== 0) return order * direction;
    }
    return a.index - b.index;
  });
  return keyed.map((entry) => entry.row);
}
