/**
 * The Account's related lists: its opportunities (deal totals) and contacts
 * (people), as tiles or table rows.
 */
import type { PageSnapshotInput } from '../../snapshot';
import type { DeepFinder } from '../dom';
import { personOf, tallyDeals } from '../facts';
import { cleanText, emailIn, parseMoney } from '../normalise';
import { labelKey, LOST, related, WON } from './labels';
import { isNone, shownLines } from './record';
import { SELECTORS } from './selectors';


interface RelatedList {
  rows: Element[];
  /** The count in the list's title, "(4)"; `more` for "(3+)". */
  total?: number;
  more: boolean;
}

function relatedList(find: DeepFinder, relationship: string, prefix: string, object: string): RelatedList | undefined {
  const link = find.first(SELECTORS.relatedList(relationship));
  if (!link) return undefined;
  let card: Element | null = null;
  for (const selector of SELECTORS.relatedCard) {
    card = link.closest(selector);
    if (card) break;
  }
  if (!card) return undefined;
  const links = find.all(SELECTORS.relatedRecord(prefix, object), card);
  const rows: Element[] = [];
  for (const recordLink of links) {
    const row = SELECTORS.relatedRow.map((s) => recordLink.closest(s)).find((el): el is Element => el !== null && card.contains(el)) ?? recordLink;
    if (!rows.includes(row)) rows.push(row);
  }
  const heading = card.querySelector('h2, .slds-card__header-title') ?? link;
  const count = /\((\d+)(\+)?\)/.exec(cleanText(heading.textContent));
  const list: RelatedList = { rows, more: count?.[2] === '+' };
  if (count?.[1]) list.total = Number(count[1]);
  return list;
}

/** Label → value pairs of a related record's tile (`dt`/`dd`) or table row (`td[data-label]`). */
function cells(row: Element): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const dt of Array.from(row.querySelectorAll('dt'))) {
    const dd = dt.nextElementSibling;
    if (dd?.tagName === 'DD') pairs.push([labelKey(dt.getAttribute('title') ?? dt.textContent), shownLines(dd).join(' ')]);
  }
  for (const cell of Array.from(row.querySelectorAll('[data-label]'))) pairs.push([labelKey(cell.getAttribute('data-label')), shownLines(cell).join(' ')]);
  return pairs;
}

function cellValue(row: Element, labelsOf: Set<string>, apiName: string): string | undefined {
  // lightning-datatable keys its cells by field: data-col-key-value="StageName-…".
  const keyed = row.querySelector(`[data-col-key-value^="${apiName}-"]`);
  if (keyed) return shownLines(keyed).join(' ') || undefined;
  return cells(row).find(([label, value]) => labelsOf.has(label) && value)?.[1];
}

export function readDeals(find: DeepFinder): PageSnapshotInput['deals'] {
  const list = relatedList(find, 'Opportunities', '006', 'Opportunity');
  if (!list) return undefined;
  // A list showing 3 of 12 says nothing about the other 9: unknown, not 3.
  if (list.more || (list.total !== undefined && list.total > list.rows.length)) return undefined;
  const { stage: stageLabels, amount: amountLabels } = related();
  return tallyDeals(
    list.rows.map((row) => {
      const stage = cellValue(row, stageLabels, 'StageName') ?? '';
      const amount = parseMoney(cellValue(row, amountLabels, 'Amount'));
      // Lost first: 不成立 (lost) contains 成立 (won).
      return { state: LOST.test(stage) ? 'lost' : WON.test(stage) ? 'won' : 'open', amount };
    }),
  );
}

export function readPeople(find: DeepFinder): NonNullable<PageSnapshotInput['people']> {
  const list = relatedList(find, 'Contacts', '003', 'Contact') ?? relatedList(find, 'AccountContactRelations', '003', 'Contact');
  if (!list) return [];
  const titleLabels = related().title;
  return list.rows.slice(0, 50).flatMap((row) => {
    const link = find.first(SELECTORS.relatedRecord('003', 'Contact'), row);
    const name = link ? shownLines(link).join(' ') : '';
    const mail = row.querySelector('a[href^="mailto:"]');
    const email = emailIn(mail?.getAttribute('href')) ?? emailIn(cellValue(row, new Set(), 'Email'));
    const person = personOf(name, email, cellValue(row, titleLabels, 'Title'), isNone);
    return person ? [person] : [];
  });
}

