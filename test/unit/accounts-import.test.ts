import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { exportBook } from '../../lib/accounts/csv-export';
import { guessMapping, mergeImported, parseCsv, readRows } from '../../lib/accounts/csv-import';
import {
  importAccounts,
  installBuiltinPlaybook,
  openDb,
  pinAccount,
  rememberMapping,
  rememberedMapping,
  rescore,
  saveSnapshot,
  storedAccount,
  type PlaycardDb,
} from '../../lib/db';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { PageSnapshot } from '../../lib/snapshot';

const csv = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url)), 'utf8');
const playbook = DEFAULT_PLAYBOOK;

function read(name: string) {
  const parsed = parseCsv(csv(name));
  const mapping = guessMapping(parsed.headers, playbook);
  return { mapping, ...readRows(parsed, mapping.columns, { crm: mapping.crm, playbook }) };
}

describe('CRM exports', () => {
  test('HubSpot: BOM, quoted commas, "$12,500,000.00", placeholders; a row with an unreadable size and a row naming no account are listed', () => {
    const { mapping, accounts, problems } = read('hubspot-companies.csv');
    expect(mapping.crm).toBe('hubspot');
    expect(mapping.columns).toMatchObject({ '0': 'recordId', '1': 'name', '2': 'website', '4': 'employees', '5': 'annualRevenue', '10': 'ignore' });
    expect(accounts).toEqual([
      {
        key: 'domain:northwind-logistics.com',
        row: 2,
        recordId: '5012345678',
        company: { name: 'Northwind Logistics, Inc.', domain: 'northwind-logistics.com', industry: 'Transportation', employees: 420, annualRevenue: { amount: 12_500_000, currency: 'USD' }, country: 'US', city: 'Chicago', type: 'Customer', owner: 'Dana Reyes' },
        deals: {},
        answers: {},
      },
      {
        key: 'domain:acme-tools.com',
        row: 3,
        recordId: '5012345679',
        company: { name: 'Acme Tools', domain: 'acme-tools.com', industry: 'Machinery', country: 'DE', city: 'Berlin', type: 'Prospect', owner: 'Dana Reyes' },
        deals: {},
        answers: {},
      },
    ]);
    expect(problems).toEqual([
      { row: 4, code: 'bad-number', column: 'Number of Employees', value: 'about a dozen' },
      { row: 5, code: 'no-account' },
    ]);
  });

  test('Salesforce: ";" separators, "1 250 000,00 zł", doubled quotes, a currency column; a row with no usable website is listed', () => {
    const { mapping, accounts, problems } = read('salesforce-accounts.csv');
    expect(mapping.crm).toBe('salesforce');
    expect(accounts.map((a) => [a.key, a.company.name, a.company.employees, a.company.annualRevenue, a.company.country])).toEqual([
      ['domain:kowalski.pl', 'Kowalski i Synowie Sp. z o.o.', 260, { amount: 1_250_000, currency: 'PLN' }, 'PL'],
      ['domain:lumen.ro', 'Lumen "Light" SA', 1200, { amount: 12_500_000, currency: 'EUR' }, 'RO'],
    ]);
    expect(problems).toEqual([{ row: 4, code: 'bad-website', column: 'Website', value: 'not a website' }]);
  });

  test('Pipedrive: an organisation without a website is keyed like the Pipedrive page keys it; a negative count is listed', () => {
    const { mapping, accounts, problems } = read('pipedrive-organizations.csv');
    expect(mapping.crm).toBe('pipedrive');
    expect(accounts).toEqual([
      {
        key: 'pipedrive:17',
        row: 2,
        recordId: '17',
        company: { name: 'Baltic Freight', owner: 'Piotr Zieliński', country: 'LT', employees: 85, annualRevenue: { amount: 3_400_000, currency: 'EUR' } },
        deals: { openCount: 2, wonCount: 5 },
        answers: {},
      },
    ]);
    expect(problems).toEqual([{ row: 3, code: 'bad-number', column: 'Organization - Open deals', value: '-1' }]);
  });

  test('Zoho: "1,500" employees and a currency column; a row with cells past the last header is listed', () => {
    const { mapping, accounts, problems } = read('zoho-accounts.csv');
    expect(mapping.crm).toBe('zoho');
    expect(accounts.map((a) => [a.key, a.company.employees, a.company.annualRevenue])).toEqual([
      ['domain:rossimeccanica.it', 1500, { amount: 45_000_000, currency: 'EUR' }],
    ]);
    expect(problems).toEqual([{ row: 3, code: 'columns' }]);
  });

  test('Dynamics 365: the "(Do Not Modify)" id keys a row without name or website', () => {
    const { mapping, accounts, problems } = read('dynamics-accounts.csv');
    expect(mapping.crm).toBe('dynamics');
    expect(accounts.map((a) => [a.key, a.company.name, a.company.employees, a.company.annualRevenue])).toEqual([
      ['domain:fabrikam.com', 'Fabrikam Inc.', 3000, { amount: 250_000_000, currency: 'USD' }],
      ['dynamics:7a1f3c2e-9b0d-4e55-a1c2-3d4e5f607183', undefined, 12, undefined],
    ]);
    expect(problems).toEqual([]);
  });

  test('an unknown layout maps nothing it cannot name and names no CRM', () => {
    const mapping = guessMapping(['Firma', 'Umsatz', 'Website']);
    expect(mapping).toEqual({ columns: { '0': 'ignore', '1': 'ignore', '2': 'website' } });
  });
});

describe('merging into what is stored', () => {
  const pageRead = PageSnapshot.parse({
    site: 'hubspot',
    kind: 'company',
    url: 'https://app.hubspot.com/contacts/1/record/0-2/42',
    company: { name: 'Northwind', domain: 'northwind-logistics.com', employees: 420 },
  });
  const imported = { key: 'domain:northwind-logistics.com', row: 2, company: { employees: 500, industry: 'Transportation' }, deals: {}, answers: {} };

  test("a page read's value stays; the import fills only what is missing", () => {
    const { snapshot, outcome } = mergeImported(pageRead, false, imported);
    expect(outcome).toBe('updated');
    expect(snapshot.company).toEqual({ name: 'Northwind', domain: 'northwind-logistics.com', employees: 420, industry: 'Transportation' });
  });

  test('a newer export replaces what an earlier import said; the same values change nothing', () => {
    const first = mergeImported(undefined, true, { ...imported, company: { employees: 300 } }).snapshot;
    expect(mergeImported(first, true, imported).snapshot.company).toEqual({ employees: 500, industry: 'Transportation' });
    expect(mergeImported(first, true, { ...imported, company: { employees: 300 } }).outcome).toBe('unchanged');
  });
});

let db: PlaycardDb;
let count = 0;
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
});

describe('import and export', () => {
  test('the mapping a rep chose is found again for the same headers', async () => {
    db = openDb(`import-map-${++count}`);
    const headers = ['Record ID', 'Company name', 'Custom size'];
    await rememberMapping(db, headers, { crm: 'hubspot', columns: { '0': 'recordId', '1': 'name', '2': 'employees' } }, 5);
    expect(await rememberedMapping(db, [' record id', 'Company Name', 'custom size'])).toEqual({
      headers: 'record id\u001fcompany name\u001fcustom size',
      crm: 'hubspot',
      columns: { '0': 'recordId', '1': 'name', '2': 'employees' },
      at: 5,
    });
    expect(await rememberedMapping(db, ['Record ID', 'Company name'])).toBeUndefined();
  });

  test('imported accounts are scored, keep the answers the rep gave, and the export re-imports to the same segments', async () => {
    db = openDb(`import-${++count}`);
    await installBuiltinPlaybook(db, playbook, 1);
    // The rep already answered one account's potential on its page.
    await saveSnapshot(db, PageSnapshot.parse({ site: 'hubspot', kind: 'company', url: 'https://app.hubspot.com/x', company: { name: 'Kowalski', domain: 'kowalski.pl' } }), 10);
    await db.inputs.put({ key: 'domain:kowalski.pl', answers: { potential: 'high', 'share-of-wallet': 'medium' }, checks: {}, updatedAt: 10 });
    await rescore(db, ['domain:kowalski.pl'], { kind: 'page' }, 10);
    const progress: number[] = [];
    const hubspot = read('hubspot-companies.csv').accounts;
    const salesforce = read('salesforce-accounts.csv').accounts;
    expect(await importAccounts(db, [...hubspot, ...salesforce], (p) => progress.push(p.done), 20)).toEqual({ created: 3, updated: 1, unchanged: 0 });
    expect(progress).toEqual([4]);
    const segments = Object.fromEntries((await db.scores.toArray()).map((s) => [s.key, s.segment]));
    // 420 employees (3) + 12.5 M (2) = 5: low-touch; 260 (3) + 1.25 M (1): low-touch; the rep's matrix answers: key;
    // 1,200 employees (4) + 12.5 M (2) = 6: low-touch.
    expect(segments).toEqual({
      'domain:northwind-logistics.com': 'low-touch',
      'domain:acme-tools.com': 'low-touch',
      'domain:kowalski.pl': 'key',
      'domain:lumen.ro': 'low-touch',
    });
    expect((await db.accounts.get('domain:kowalski.pl'))?.snapshot.company).toMatchObject({ name: 'Kowalski', employees: 260 });
    // Known only from the import: no record, its book row stands for it, never seen on a page.
    expect(await db.accounts.get('domain:lumen.ro')).toBeUndefined();
    expect((await storedAccount(db, 'domain:lumen.ro'))?.seenAt).toBe(0);
    await pinAccount(db, 'domain:lumen.ro', 'growth', 'Expanding to three new plants', 30);

    const file = exportBook(await db.scores.toArray(), await db.pins.toArray(), playbook, 'en');
    expect(file.startsWith('\ufeffkey,name,domain,segment,segment_label,scored_segment,pinned_segment,pin_reason,')).toBe(true);
    expect(file).toContain('domain:lumen.ro,"Lumen ""Light"" SA",lumen.ro,growth,Growth account,low-touch,growth,Expanding to three new plants,');

    const again = openDb(`import-${++count}`);
    try {
      await installBuiltinPlaybook(again, playbook, 1);
      const parsed = parseCsv(file);
      const mapping = guessMapping(parsed.headers, playbook);
      expect(mapping.crm).toBe('playcard');
      const { accounts, problems } = readRows(parsed, mapping.columns, { crm: mapping.crm, playbook });
      expect(problems).toEqual([]);
      await importAccounts(again, accounts, () => {}, 40);
      expect(Object.fromEntries((await again.scores.toArray()).map((s) => [s.key, s.segment]))).toEqual(segments);
    } finally {
      again.close();
      await Dexie.delete(again.name);
    }
  });
});

describe('a large import over a stored book', () => {
  test('accounts read from pages, wherever their keys fall among 2,500 rows, keep their page values and get the imported ones they lacked', async () => {
    db = openDb(`import-large-${++count}`);
    await installBuiltinPlaybook(db, playbook, 1);
    // Keys at the start, the middle and the end of the import's key order, in three different chunks.
    for (const domain of ['a-0000.example.com', 'm-1300.example.com', 'z-2499.example.com']) {
      await saveSnapshot(db, PageSnapshot.parse({ site: 'hubspot', kind: 'company', url: `https://app.hubspot.com/${domain}`, company: { name: `Page ${domain}`, domain, employees: 30 } }), 10);
      await rescore(db, [`domain:${domain}`], { kind: 'page' }, 10);
    }
    const rows = Array.from({ length: 2500 }, (_, i) => {
      const domain = i === 0 ? 'a-0000.example.com' : i === 1300 ? 'm-1300.example.com' : i === 2499 ? 'z-2499.example.com' : `n-${i}.example.com`;
      return { key: `domain:${domain}`, row: i + 2, company: { name: `Import ${i}`, domain, employees: 600, annualRevenue: { amount: 90_000_000, currency: 'EUR' } }, deals: {}, answers: {} };
    });
    // The file's order is not the key order.
    rows.reverse();
    const progress: number[] = [];
    expect(await importAccounts(db, rows, (p) => progress.push(p.done), 20)).toEqual({ created: 2497, updated: 3, unchanged: 0 });
    expect(progress).toEqual([1000, 2000, 2500]);
    for (const domain of ['a-0000.example.com', 'm-1300.example.com', 'z-2499.example.com']) {
      const stored = await db.accounts.get(`domain:${domain}`);
      // The page's name and 30 employees stay; the revenue the page lacked comes from the file.
      expect(stored?.name).toBe(`Page ${domain}`);
      expect(stored?.snapshot.company).toMatchObject({ employees: 30, annualRevenue: { amount: 90_000_000, currency: 'EUR' } });
      // 30 employees (1) + 90 M (3) = 4 points: low-touch.
      expect(await db.scores.get(`domain:${domain}`)).toMatchObject({ segment: 'low-touch', points: 4 });
    }
    // 600 employees (3) + 90 M (3) = 6 points.
    expect(await db.scores.get('domain:n-1299.example.com')).toMatchObject({ name: 'Import 1299', segment: 'low-touch', points: 6 });
    expect(await db.scores.count()).toBe(2500);
    // One record per imported account: only the three read from pages have an accounts record.
    expect(await db.accounts.count()).toBe(3);
  }, 60_000);

  test('a row is merged over whatever is stored of its account when its chunk is written: answers alone, a score alone, the same account twice, and a page read that lands between chunks', async () => {
    db = openDb(`import-prepared-${++count}`);
    await installBuiltinPlaybook(db, playbook, 1);
    const domain = (i: number) => `n-${String(i).padStart(4, '0')}.example.com`;
    const row = (i: number, company: Record<string, unknown> = {}, answers: Record<string, string> = {}) => ({
      key: `domain:${domain(i)}`,
      row: i + 2,
      // As readRows gives it: a missing cell is no field at all.
      company: Object.fromEntries(Object.entries({ name: `Import ${i}`, domain: domain(i), employees: 600, annualRevenue: { amount: 90_000_000, currency: 'EUR' }, ...company }).filter(([, value]) => value !== undefined)),
      deals: {},
      answers,
    });
    // Account 10: the rep answered its potential, but no page was read (no account record).
    await db.inputs.put({ key: `domain:${domain(10)}`, answers: { potential: 'high' }, checks: {}, updatedAt: 5 });
    // Account 30: a score (key account) that stands for no account (a row left behind by an
    // account that moved, in an older version): the import creates the account over it.
    await importAccounts(db, [row(30)], () => {}, 5);
    await db.scores.update(`domain:${domain(30)}`, { segment: 'key', imported: undefined });

    const rows = Array.from({ length: 1200 }, (_, i) => row(i));
    rows[10] = row(10, {}, { potential: 'low', 'share-of-wallet': 'high' });
    // Account 20 twice in the first chunk: the later row is the one stored.
    rows.push(row(20, { employees: 30 }));
    // Account 998 twice, across the first chunk's end: the later row fills what the earlier left out.
    rows[998] = row(998, { employees: 30, annualRevenue: undefined });
    rows.push(row(998, { employees: undefined, annualRevenue: { amount: 1_000_000, currency: 'EUR' } }));

    let pageRead: Promise<unknown> | undefined;
    const progress: number[] = [];
    const counts = await importAccounts(
      db,
      rows,
      (p) => {
        progress.push(p.done);
        // A page of account 1100 (second chunk) is read once the first chunk is written.
        if (p.done === 1000) {
          pageRead = saveSnapshot(db!, PageSnapshot.parse({ site: 'hubspot', kind: 'company', url: 'https://app.hubspot.com/x', company: { name: 'Page 1100', domain: domain(1100), employees: 30 } }), 50);
        }
      },
      20,
    );
    await pageRead;
    expect(progress).toEqual([1000, 1202]);
    // 1,202 rows: the page-read account and 998's second row merge over a stored account.
    expect(counts).toEqual({ created: 1200, updated: 2, unchanged: 0 });

    // The rep's answer stays; the one not given comes from the file.
    expect((await db.inputs.get(`domain:${domain(10)}`))?.answers).toEqual({ potential: 'high', 'share-of-wallet': 'high' });
    expect((await db.scores.get(`domain:${domain(10)}`))?.answers).toEqual({ potential: 'high', 'share-of-wallet': 'high' });
    // The stored score is the base of a move, recorded as the import's.
    expect(await db.scores.get(`domain:${domain(30)}`)).toMatchObject({ segment: 'low-touch', points: 6 });
    const moves = await db.history.where('key').equals(`domain:${domain(30)}`).toArray();
    expect(moves.map((m) => [m.cause, m.segment])).toEqual([['import', { from: 'key', to: 'low-touch' }]]);
    // 30 employees (1) + 90 M (3) = 4 points.
    expect((await storedAccount(db, `domain:${domain(20)}`))?.snapshot.company.employees).toBe(30);
    expect(await db.scores.get(`domain:${domain(20)}`)).toMatchObject({ segment: 'low-touch', points: 4 });
    // The earlier row's 30 employees stay, the later row's revenue fills the gap: 1 + 1 = 2 points.
    expect((await storedAccount(db, `domain:${domain(998)}`))?.snapshot.company).toMatchObject({ employees: 30, annualRevenue: { amount: 1_000_000, currency: 'EUR' } });
    expect(await db.scores.get(`domain:${domain(998)}`)).toMatchObject({ segment: 'low-touch', points: 2 });
    // The page read is not overwritten by the import's account prepared before it landed.
    const page = await db.accounts.get(`domain:${domain(1100)}`);
    expect(page).toMatchObject({ name: 'Page 1100', site: 'hubspot', seenAt: 50 });
    expect(page?.snapshot.company).toMatchObject({ employees: 30, annualRevenue: { amount: 90_000_000, currency: 'EUR' } });
    expect(await db.scores.get(`domain:${domain(1100)}`)).toMatchObject({ name: 'Page 1100', segment: 'low-touch', points: 4 });
    // The page-read account alone has a record; the 1,199 others live in their book rows.
    expect(await db.accounts.count()).toBe(1);
    expect(await db.scores.count()).toBe(1200);
    expect(await db.history.count()).toBe(1);
  }, 60_000);
});
