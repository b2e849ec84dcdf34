import type { Facts } from '../core/facts';
import type { AccountRecord } from '../db/database';
import type { CompanyFacts, Deals, Money } from '../snapshot';
import { displayName } from './merge';
import type { AccountScore, ImportedPart } from './types';

// An account known only from imports lives in its book row (AccountScore with `imported`), not
// in an `accounts` record: a 10,000-row import then writes 10,000 records instead of 20,000, and
// IndexedDB's cost is mostly per record written. These two functions are the whole contract:
// importedPartOf says whether a record can live in its row (and with what), accountOfRow
// rebuilds the record exactly. Pure: no database.

/** An account record as the import writes it: an AccountRecord without a stored suggestion. */
export type ImportOnlyAccount = Omit<AccountRecord, 'suggested'>;

const COMPANY_FIELDS: ReadonlySet<string> = new Set(['name', 'domain', 'industry', 'employees', 'annualRevenue', 'country', 'city', 'type', 'owner']);
const DEAL_FIELDS: ReadonlySet<string> = new Set(['openCount', 'openAmount', 'wonCount', 'wonAmount']);

const onlyFields = (value: object, fields: ReadonlySet<string>) => Object.keys(value).every((field) => fields.has(field));
const plainMoney = (money: Money | undefined) => money === undefined || onlyFields(money, new Set(['amount', 'currency']));

/**
 * What the book row must keep for this account to need no `accounts` record, or undefined when
 * it needs one: it was read from a page, or holds anything the row and this part cannot give
 * back (text, people, a range of employees, a suggestion). Checked field by field, so an
 * account never loses a value by moving into its row.
 */
export function importedPartOf(account: ImportOnlyAccount & { suggested?: unknown }): ImportedPart | undefined {
  const { snapshot } = account;
  const { company } = snapshot;
  const deals = snapshot.deals ?? {};
  if (account.site !== 'import' || snapshot.site !== 'import' || account.seenAt !== 0 || account.suggested !== undefined) return undefined;
  if (snapshot.kind !== 'company' || snapshot.url !== '' || snapshot.people.length || snapshot.text !== undefined) return undefined;
  if (!onlyFields(snapshot, new Set(['site', 'kind', 'url', 'recordId', 'company', 'deals', 'people']))) return undefined;
  if (!onlyFields(company, COMPANY_FIELDS) || !onlyFields(deals, DEAL_FIELDS)) return undefined;
  if (!plainMoney(company.annualRevenue) || !plainMoney(deals.openAmount) || !plainMoney(deals.wonAmount)) return undefined;
  // The row's name and domain are the record's; the record's own must be what the import derives from the company.
  if (account.domain !== company.domain || account.name !== displayName(company, account.key)) return undefined;
  const currencies: NonNullable<ImportedPart['currencies']> = {};
  if (company.annualRevenue?.currency) currencies.annualRevenue = company.annualRevenue.currency;
  if (deals.openAmount?.currency) currencies.openAmount = deals.openAmount.currency;
  if (deals.wonAmount?.currency) currencies.wonAmount = deals.wonAmount.currency;
  return {
    firstSeenAt: account.firstSeenAt,
    ...(snapshot.recordId !== undefined ? { recordId: snapshot.recordId } : {}),
    ...(company.name !== undefined ? { name: company.name } : {}),
    ...(company.owner !== undefined ? { owner: company.owner } : {}),
    ...(Object.keys(currencies).length ? { currencies } : {}),
  };
}

/** Fields with a value only, so a rebuilt record has the same fields as the one the import wrote. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function moneyOf(amount: Facts[keyof Facts], currency: string | undefined): Money | undefined {
  if (typeof amount !== 'number') return undefined;
  return currency ? { amount, currency } : { amount };
}

const text = (value: Facts[keyof Facts]) => (typeof value === 'string' ? value : undefined);
const number = (value: Facts[keyof Facts]) => (typeof value === 'number' ? value : undefined);

/**
 * The account record of an import-only book row, as the import wrote it before one record per row:
 * site `import`, no page address, no people, never seen on a page. Undefined for a row that
 * has an `accounts` record (or had one, for a row left behind by a moved account).
 */
export function accountOfRow(row: AccountScore): ImportOnlyAccount | undefined {
  const part = row.imported;
  if (!part) return undefined;
  const f = row.facts;
  const company: CompanyFacts = defined({
    name: part.name,
    domain: row.domain,
    industry: text(f.industry),
    employees: number(f.employees),
    annualRevenue: moneyOf(f.annualRevenue, part.currencies?.annualRevenue),
    country: text(f.country),
    city: text(f.city),
    type: text(f.type),
    owner: part.owner,
  });
  const deals: Deals = defined({
    openCount: number(f.openDeals),
    openAmount: moneyOf(f.openAmount, part.currencies?.openAmount),
    wonCount: number(f.wonDeals),
    wonAmount: moneyOf(f.wonAmount, part.currencies?.wonAmount),
  });
  return {
    key: row.key,
    name: row.name,
    ...(row.domain !== undefined ? { domain: row.domain } : {}),
    site: 'import',
    snapshot: {
      site: 'import',
      kind: 'company',
      url: '',
      ...(part.recordId !== undefined ? { recordId: part.recordId } : {}),
      company,
      ...(Object.keys(deals).length ? { deals } : {}),
      people: [],
    },
    firstSeenAt: part.firstSeenAt,
    seenAt: 0,
  };
}
