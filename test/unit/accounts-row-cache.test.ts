import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
import { guessMapping, parseCsv, readRows } from '../../lib/accounts/csv-import';
import { createRowCache } from '../../lib/accounts/row-cache';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';

const parsed = parseCsv(readFileSync(fileURLToPath(new URL('../fixtures/csv/hubspot-companies.csv', import.meta.url)), 'utf8'));
const mapping = guessMapping(parsed.headers, DEFAULT_PLAYBOOK);
const context = { crm: mapping.crm, playbook: DEFAULT_PLAYBOOK };

// The import section reads the rows while the mapping is on screen and imports what it read:
// the click must import the rows of the mapping on screen, never of an earlier one.
describe('rows read ahead of the import', () => {
  test('the same file, mapping and playbook are read once; an equal mapping in a new object counts as the same', () => {
    const read = vi.fn(readRows);
    const rowsOf = createRowCache(read);
    const first = rowsOf(parsed, mapping.columns, context);
    expect(rowsOf(parsed, { ...mapping.columns }, { ...context })).toBe(first);
    expect(read).toHaveBeenCalledTimes(1);
    expect(first.accounts.map((a) => a.key)).toEqual(['domain:northwind-logistics.com', 'domain:acme-tools.com']);
    expect(first.problems.map((p) => [p.row, p.code])).toEqual([
      [4, 'bad-number'],
      [5, 'no-account'],
    ]);
  });

  test('a column mapped to something else reads the rows again, through the new mapping', () => {
    const rowsOf = createRowCache();
    rowsOf(parsed, mapping.columns, context);
    // "Number of Employees" no longer imported: the row whose size was unreadable is fine now.
    const employees = Object.entries(mapping.columns).find(([, field]) => field === 'employees')![0];
    const changed = rowsOf(parsed, { ...mapping.columns, [employees]: 'ignore' }, context);
    expect(changed.problems.map((p) => [p.row, p.code])).toEqual([[5, 'no-account']]);
    expect(changed.accounts.map((a) => [a.key, a.company.employees])).toEqual([
      ['domain:northwind-logistics.com', undefined],
      ['domain:acme-tools.com', undefined],
      ['domain:badsize.co.uk', undefined],
    ]);
    // And back: the first mapping's reading again, not the changed one's.
    expect(rowsOf(parsed, mapping.columns, context).problems).toHaveLength(2);
  });

  test('another file, or another playbook, is read again', () => {
    const read = vi.fn(readRows);
    const rowsOf = createRowCache(read);
    rowsOf(parsed, mapping.columns, context);
    rowsOf(parseCsv(readFileSync(fileURLToPath(new URL('../fixtures/csv/hubspot-companies.csv', import.meta.url)), 'utf8')), mapping.columns, context);
    rowsOf(parsed, mapping.columns, { ...context, playbook: { ...DEFAULT_PLAYBOOK } });
    expect(read).toHaveBeenCalledTimes(3);
  });
});
