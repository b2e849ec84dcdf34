import type { CompanyFacts, Deals, PageSnapshot } from '../snapshot';

// The parts of an import the database layer needs, apart from the CSV parser and the number
// readers, so the panel's and the background's bundles do not carry Papa Parse.

/** Headers compare without case, BOM, surrounding quotes or repeated spaces. */
export function headerKey(header: string): string {
  return header.replace(/^\ufeff/, '').trim().replace(/^"|"$/g, '').replace(/\s+/g, ' ').toLowerCase();
}

/** One remembered-mapping key per header row. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(headerKey).join('\u001f');
}

/** One account as a row gives it. */
export interface ImportedAccount {
  key: string;
  row: number;
  company: CompanyFacts;
  deals: Deals;
  recordId?: string;
  answers: Record<string, string>;
}

/** What the import did to one stored account. */
export type MergeOutcome = 'created' | 'updated' | 'unchanged';

/**
 * The stored snapshot after an import: imported values fill what is missing. Over a value
 * already stored, an import wins only when the account has never been read from a page
 * (a newer export of the same CRM); a page read is the CRM's live record and stays. A blank
 * or unreadable cell never reaches here (readRow), so it never erases anything.
 */
export function mergeImported(stored: PageSnapshot | undefined, importOnly: boolean, imported: ImportedAccount): { snapshot: PageSnapshot; outcome: MergeOutcome } {
  if (!stored) {
    return {
      snapshot: {
        site: 'import',
        kind: 'company',
        url: '',
        ...(imported.recordId ? { recordId: imported.recordId } : {}),
        company: imported.company,
        ...(Object.keys(imported.deals).length ? { deals: imported.deals } : {}),
        people: [],
      },
      outcome: 'created',
    };
  }
  let changed = false;
  const fill = <T extends object>(base: T, incoming: T): T => {
    const result = { ...base } as Record<string, unknown>;
    for (const [field, value] of Object.entries(incoming)) {
      if (value === undefined) continue;
      const current = result[field];
      if (current !== undefined && !importOnly) continue;
      if (JSON.stringify(current) === JSON.stringify(value)) continue;
      result[field] = value;
      changed = true;
    }
    return result as T;
  };
  const company = fill(stored.company, imported.company);
  const deals = fill(stored.deals ?? {}, imported.deals);
  return {
    snapshot: { ...stored, company, ...(Object.keys(deals).length ? { deals } : {}) },
    outcome: changed ? 'updated' : 'unchanged',
  };
}

/** The name a list shows for an imported account. */
export function displayName(company: CompanyFacts, key: string): string {
  return company.name ?? company.domain ?? key;
}

