import Papa from 'papaparse';
import { accountKeyOf } from '../core/account';
import { localise } from '../i18n/local-text';
import type { Playbook } from '../playbook/schema';
import { countryCode, currencyOf, domainFromUrl, parseCount, parseMoney } from '../sites/normalise';
import type { CompanyFacts, Deals } from '../snapshot';
import { headerKey, type ImportedAccount } from './merge';
import type { CrmId, ImportField } from './types';

export { headerKey, headerSignature, mergeImported, displayName, type ImportedAccount, type MergeOutcome } from './merge';

// Reading a CRM's CSV export into accounts: Papa Parse for the CSV itself (quotes, line breaks
// inside quotes, `;` or tab separators, a BOM), the sites' number parsers for what the cells say
// ("1 250 000,00 zł", "$1.2M", "51-200"), and each CRM's usual export headers for the mapping.

/** Each CRM's usual export headers (as their "Export" buttons write them in English), per field. */
export const CRM_HEADERS: Record<CrmId, Partial<Record<Exclude<ImportField, `answer:${string}`>, string[]>>> = {
  hubspot: {
    recordId: ['Record ID', 'Company ID'],
    name: ['Company name', 'Name'],
    website: ['Company Domain Name', 'Website URL'],
    industry: ['Industry'],
    employees: ['Number of Employees'],
    annualRevenue: ['Annual Revenue'],
    country: ['Country/Region', 'Country'],
    city: ['City'],
    type: ['Type'],
    owner: ['Company owner'],
    openDeals: ['Number of Open Deals'],
    wonAmount: ['Total Revenue'],
  },
  salesforce: {
    recordId: ['Account ID', 'Id'],
    name: ['Account Name', 'Name'],
    website: ['Website'],
    industry: ['Industry'],
    employees: ['Employees', 'NumberOfEmployees'],
    annualRevenue: ['Annual Revenue', 'AnnualRevenue'],
    currency: ['Annual Revenue Currency', 'Account Currency', 'CurrencyIsoCode'],
    country: ['Billing Country', 'BillingCountry'],
    city: ['Billing City', 'BillingCity'],
    type: ['Type', 'Account Type'],
    owner: ['Account Owner', 'Account Owner Alias', 'OwnerId'],
  },
  pipedrive: {
    recordId: ['Organization - ID', 'ID'],
    name: ['Organization - Name', 'Name'],
    website: ['Organization - Website', 'Website'],
    industry: ['Organization - Industry', 'Industry'],
    employees: ['Organization - Number of employees', 'Number of employees'],
    annualRevenue: ['Organization - Annual revenue', 'Annual revenue'],
    country: ['Organization - Address - Country', 'Address - Country'],
    city: ['Organization - Address - City/town/village/locality', 'Address - City/town/village/locality'],
    owner: ['Organization - Owner', 'Owner'],
    openDeals: ['Organization - Open deals', 'Open deals'],
    wonDeals: ['Organization - Won deals', 'Won deals'],
  },
  zoho: {
    recordId: ['Record Id', 'Account Id'],
    name: ['Account Name'],
    website: ['Website'],
    industry: ['Industry'],
    employees: ['Employees'],
    annualRevenue: ['Annual Revenue'],
    currency: ['Currency'],
    country: ['Billing Country'],
    city: ['Billing City'],
    type: ['Account Type'],
    owner: ['Account Owner'],
  },
  dynamics: {
    recordId: ['(Do Not Modify) Account'],
    name: ['Account Name'],
    website: ['Website'],
    industry: ['Industry'],
    employees: ['Number of Employees'],
    annualRevenue: ['Annual Revenue'],
    currency: ['Currency'],
    country: ['Address 1: Country/Region', 'Address 1: Country'],
    city: ['Address 1: City'],
    type: ['Relationship Type'],
    owner: ['Owner'],
  },
  // Playcard's own export (csv-export.ts), so a lead's file comes back as it went out.
  playcard: {
    recordId: ['key'],
    name: ['name'],
    website: ['domain'],
    industry: ['industry'],
    employees: ['employees'],
    annualRevenue: ['annual_revenue'],
    currency: ['currency'],
    country: ['country'],
    city: ['city'],
    type: ['type'],
    openDeals: ['open_deals'],
    openAmount: ['open_amount'],
    wonDeals: ['won_deals'],
    wonAmount: ['won_amount'],
  },
};

/** The CRM each import's record id belongs to, as the site adapters key records (`hubspot:42`). */
const SITE_OF: Partial<Record<CrmId, string>> = { hubspot: 'hubspot', salesforce: 'salesforce', pipedrive: 'pipedrive', zoho: 'zoho', dynamics: 'dynamics' };

/**
 * Which CRM wrote these headers (the one that knows most of them; none on a tie or when
 * fewer than two are known) and the mapping its usual headers give. Answer columns
 * (`answer:<criterion id>`, as Playcard exports them) map to that criterion when the playbook has it.
 */
export function guessMapping(headers: readonly string[], playbook?: Playbook): { crm?: CrmId; columns: Record<string, ImportField> } {
  const keys = headers.map(headerKey);
  let best: { crm?: CrmId; hits: number; tie: boolean } = { hits: 0, tie: false };
  for (const crm of Object.keys(CRM_HEADERS) as CrmId[]) {
    const known = new Set(Object.values(CRM_HEADERS[crm]).flat().map(headerKey));
    const hits = keys.filter((key) => known.has(key)).length;
    if (hits > best.hits) best = { crm, hits, tie: false };
    else if (hits === best.hits && hits > 0) best = { ...best, tie: true };
  }
  const crm = best.hits >= 2 && !best.tie ? best.crm : undefined;
  // The detected CRM's names first, then any CRM's, so "Name" in a Pipedrive file is Pipedrive's.
  const order = crm ? [crm, ...(Object.keys(CRM_HEADERS) as CrmId[]).filter((c) => c !== crm)] : (Object.keys(CRM_HEADERS) as CrmId[]);
  const criteria = new Set(playbook?.segmentation.criteria.map((c) => c.id) ?? []);
  const columns: Record<string, ImportField> = {};
  const taken = new Set<ImportField>();
  keys.forEach((key, index) => {
    let field: ImportField = 'ignore';
    const answer = /^answer:(.+)$/.exec(key)?.[1];
    if (answer && criteria.has(answer)) field = `answer:${answer}`;
    else
      for (const source of order) {
        const found = (Object.entries(CRM_HEADERS[source]) as [ImportField, string[]][]).find(([, names]) => names.some((n) => headerKey(n) === key));
        if (found) {
          field = found[0];
          break;
        }
      }
    // A field fills from one column: the first, as the CRM lists its main column first.
    if (field !== 'ignore' && taken.has(field)) field = 'ignore';
    taken.add(field);
    columns[String(index)] = field;
  });
  return { ...(crm ? { crm } : {}), columns };
}

export interface ParsedCsv {
  headers: string[];
  rows: string[][];
  /** Spreadsheet row numbers (the header is row 1) Papa Parse could not read, with its code. */
  broken: Map<number, string>;
}

/** Parses CSV text: separator detected (`,` `;` tab `|`), BOM dropped, blank lines skipped. */
export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const [headers = [], ...rows] = result.data;
  const broken = new Map<number, string>();
  for (const error of result.errors) if (error.row !== undefined && error.row > 0) broken.set(error.row + 1, error.code);
  return { headers, rows, broken };
}

export type RowProblemCode = 'no-account' | 'bad-number' | 'bad-website' | 'bad-answer' | 'columns' | 'quotes';

export interface RowProblem {
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  code: RowProblemCode;
  /** The column's header, when one cell is the problem. */
  column?: string;
  value?: string;
}

/** Cells that mean "nothing here" rather than a wrong value. */
const PLACEHOLDER = /^(?:|-|–|—|n\/?a|null|none|unknown|\?)$/i;
const short = (text: string) => text.trim().replace(/\s+/g, ' ').slice(0, 500);

/** An option of a criterion by id or by its label in any language. */
function optionFor(playbook: Playbook, criterionId: string, value: string): string | undefined {
  const criterion = playbook.segmentation.criteria.find((c) => c.id === criterionId);
  const wanted = value.trim().toLowerCase();
  return criterion?.options.find((o) => o.id === wanted || Object.values(o.label).some((label) => label.trim().toLowerCase() === wanted))?.id;
}

/** Reads one CSV row through the mapping: an account, or the first reason it is unusable. */
export function readRow(
  cells: readonly string[],
  headers: readonly string[],
  columns: Record<string, ImportField>,
  row: number,
  context: { crm?: CrmId; playbook: Playbook },
): { ok: true; account: ImportedAccount } | { ok: false; problem: RowProblem } {
  const extra = cells.slice(headers.length).some((cell) => cell.trim() !== '');
  if (extra) return { ok: false, problem: { row, code: 'columns' } };
  const company: CompanyFacts = {};
  const deals: Deals = {};
  const answers: Record<string, string> = {};
  let recordId: string | undefined;
  let currency: string | undefined;
  let revenueText: string | undefined;
  const bad = (code: RowProblemCode, index: number, value: string) => ({ ok: false as const, problem: { row, code, column: headers[index] ?? '', value } });
  for (let index = 0; index < headers.length; index++) {
    const field = columns[String(index)] ?? 'ignore';
    const value = (cells[index] ?? '').trim();
    if (field === 'ignore' || PLACEHOLDER.test(value)) continue;
    const negative = /^-\s*\d/.test(value);
    switch (field) {
      case 'recordId':
        recordId = value.slice(0, 200);
        break;
      case 'name':
        company.name = short(value);
        break;
      case 'website': {
        const domain = domainFromUrl(value);
        if (!domain) return bad('bad-website', index, value);
        company.domain = domain;
        break;
      }
      case 'industry':
      case 'city':
      case 'type':
      case 'owner':
        company[field] = short(value);
        break;
      case 'country':
        company.country = countryCode(value) ?? short(value);
        break;
      case 'currency':
        currency = currencyOf(value) ?? (/^[A-Za-z]{3}$/.test(value) ? value.toUpperCase() : undefined);
        break;
      case 'employees':
      case 'openDeals':
      case 'wonDeals': {
        const count = negative ? undefined : parseCount(value);
        if (count === undefined) return bad('bad-number', index, value);
        if (field === 'employees') company.employees = count;
        else if (field === 'openDeals') deals.openCount = count;
        else deals.wonCount = count;
        break;
      }
      case 'annualRevenue':
      case 'openAmount':
      case 'wonAmount': {
        const money = negative ? undefined : parseMoney(value);
        if (!money) return bad('bad-number', index, value);
        if (field === 'annualRevenue') {
          company.annualRevenue = money;
          revenueText = value;
        } else if (field === 'openAmount') deals.openAmount = money;
        else deals.wonAmount = money;
        break;
      }
      default: {
        const criterion = field.slice('answer:'.length);
        const option = optionFor(context.playbook, criterion, value);
        if (!option) return bad('bad-answer', index, value);
        answers[criterion] = option;
      }
    }
  }
  // A currency column applies where the amount itself named none.
  if (company.annualRevenue && !company.annualRevenue.currency && currency && revenueText !== undefined) company.annualRevenue = { ...company.annualRevenue, currency };
  const site = (context.crm && SITE_OF[context.crm]) ?? 'import';
  // Playcard's own export carries the account key itself.
  const key =
    context.crm === 'playcard' && recordId && /^[a-z]+:.+/.test(recordId)
      ? recordId
      : accountKeyOf({ site, recordId: site === 'import' ? undefined : recordId, company });
  if (!key) return { ok: false, problem: { row, code: 'no-account' } };
  return { ok: true, account: { key, row, company, deals, ...(recordId ? { recordId } : {}), answers } };
}

export interface ReadResult {
  accounts: ImportedAccount[];
  problems: RowProblem[];
}

/**
 * Reads every row; rows naming the same account are merged (a later row's values win,
 * its blanks do not erase). Broken rows are listed with their reason, never half-imported.
 */
export function readRows(parsed: ParsedCsv, columns: Record<string, ImportField>, context: { crm?: CrmId; playbook: Playbook }): ReadResult {
  const byKey = new Map<string, ImportedAccount>();
  const problems: RowProblem[] = [];
  parsed.rows.forEach((cells, index) => {
    const row = index + 2;
    const broken = parsed.broken.get(row);
    if (broken) {
      problems.push({ row, code: broken.includes('Quotes') ? 'quotes' : 'columns' });
      return;
    }
    const read = readRow(cells, parsed.headers, columns, row, context);
    if (!read.ok) {
      problems.push(read.problem);
      return;
    }
    const earlier = byKey.get(read.account.key);
    byKey.set(
      read.account.key,
      earlier
        ? {
            ...read.account,
            company: { ...earlier.company, ...read.account.company },
            deals: { ...earlier.deals, ...read.account.deals },
            answers: { ...earlier.answers, ...read.account.answers },
          }
        : read.account,
    );
  });
  return { accounts: [...byKey.values()], problems };
}

/** A criterion's label, for the mapping's choices. */
export function criterionLabel(playbook: Playbook, criterionId: string, language: string): string {
  const criterion = playbook.segmentation.criteria.find((c) => c.id === criterionId);
  return criterion ? localise(criterion.label, language, playbook.fallbackLanguage) : criterionId;
}
