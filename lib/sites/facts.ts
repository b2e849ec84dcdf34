/**
 * What every CRM adapter builds the same way: deal totals and the people a
 * record lists. Content-script code: no zod.
 */
import type { Deals, PageSnapshotInput } from '../snapshot';
import { all, first, isEmptyValue, valueText } from './dom';
import { emailIn, type MoneyValue } from './normalise';

export type PersonInput = NonNullable<PageSnapshotInput['people']>[number];

/**
 * A person from what a list row shows, or undefined when it shows nothing
 * usable. A "name" that is an address is not a name; a title that `isBlank`
 * (a placeholder such as "—") is none.
 */
export function personOf(
  name: string | undefined,
  email: string | undefined,
  title: string | undefined,
  isBlank: (text: string) => boolean = isEmptyValue,
): PersonInput | undefined {
  const person: PersonInput = {};
  if (name && !name.includes('@')) person.name = name;
  if (email) person.email = email;
  if (title && !isBlank(title)) person.title = title;
  return Object.keys(person).length ? person : undefined;
}

export interface PeopleSelectors {
  /** The card or section that lists the record's people. */
  list: readonly string[];
  /** One person in it. */
  item: readonly string[];
  name: readonly string[];
  title: readonly string[];
}

/**
 * The people a record's card lists (HubSpot's contacts card, Pipedrive's
 * People section): name, job title, and the address of a `mailto:` link or,
 * failing that, one written in the item.
 */
export function readPeople(root: ParentNode, selectors: PeopleSelectors): PersonInput[] {
  const list = first(root, selectors.list);
  if (!list) return [];
  return all(list, selectors.item).flatMap((item) => {
    const mail = item.querySelector('a[href^="mailto:"]');
    const email = emailIn(mail?.getAttribute('href')) ?? emailIn(item.textContent);
    const person = personOf(valueText(first(item, selectors.name)), email, valueText(first(item, selectors.title)));
    return person ? [person] : [];
  });
}

/** The total of several amounts; the currency only when they all share one. */
export function sumMoney(values: MoneyValue[]): MoneyValue | undefined {
  if (!values.length) return undefined;
  const currencies = new Set(values.map((v) => v.currency));
  const amount = Math.round(values.reduce((total, v) => total + v.amount, 0) * 100) / 100;
  const [currency] = currencies;
  return currencies.size === 1 && currency ? { amount, currency } : { amount };
}

export type DealState = 'open' | 'won' | 'lost';

/** Counts and totals of the deals a record lists; lost deals count for nothing. */
export function tallyDeals(deals: readonly { state: DealState; amount?: MoneyValue }[]): Deals {
  const amounts = (state: DealState) => deals.filter((d) => d.state === state && d.amount).map((d) => d.amount!);
  const tally: Deals = {
    openCount: deals.filter((d) => d.state === 'open').length,
    wonCount: deals.filter((d) => d.state === 'won').length,
  };
  const openAmount = sumMoney(amounts('open'));
  const wonAmount = sumMoney(amounts('won'));
  if (openAmount) tally.openAmount = openAmount;
  if (wonAmount) tally.wonAmount = wonAmount;
  return tally;
}
