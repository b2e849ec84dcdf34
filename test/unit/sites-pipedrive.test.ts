// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { pipedrive } from '../../lib/sites/pipedrive';
import { missingOn, shown } from './sites-helpers';

const ORG = new URL('https://fleetwise.pipedrive.com/organization/1042');
const HASH = '4b1e7d0c2a9f8e6d5c3b2a1f0e9d8c7b6a5f4e3d';

const row = (key: string, label: string, value: string) =>
  `<div data-testid="field-row" data-field-key="${key}"><label data-testid="field-label">${label}</label><div data-testid="field-value">${value}</div></div>`;

function page(sidebar: string, header = '<h1 data-testid="header-title">Acme Tools</h1>'): Document {
  return new DOMParser().parseFromString(
    `<!DOCTYPE html><html><body><main data-testid="detail-view"><div data-testid="detail-view-header">${header}</div>` +
      `<aside data-testid="detail-view-sidebar"><section data-testid="sidebar-section-details"><div data-testid="virtualized-list">${sidebar}</div></section></aside></main></body></html>`,
    'text/html',
  );
}

describe('urls', () => {
  test.each([
    ['https://fleetwise.pipedrive.com/organization/1042', 'record 1042'],
    ['https://fleetwise.pipedrive.com/organization/1042/activities', 'record 1042'],
    ['https://app.pipedrive.com/organization/5?tab=notes', 'record 5'],
    ['https://fleetwise.pipedrive.com/person/5531', 'contact'],
    ['https://fleetwise.pipedrive.com/deal/881', 'deal'],
    ['https://fleetwise.pipedrive.com/leads/inbox/1c2b3a40-5d6e-11ef-9a1b-0f6c1e2d3a4b', 'lead'],
    ['https://fleetwise.pipedrive.com/organizations/list/user/everyone', 'other'],
    ['https://fleetwise.pipedrive.com/organization/', 'other'],
  ])('%s → %s', (url, what) => {
    expect(shown(pipedrive, page(''), url)).toBe(what);
  });

  test.each(['https://www.pipedrive.com/en/pricing', 'https://www.pipedrive.com/organization/1', 'https://developers.pipedrive.com/docs/api/v1', 'https://pipedrive.com/', 'https://fleetwise.pipedrive.com.evil.example/'])(
    '%s is not the app',
    (url) => expect(pipedrive.matches(new URL(url))).toBe(false),
  );

  test.each([
    ['https://fleetwise.pipedrive.com/person/5531', 'contact'],
    ['https://fleetwise.pipedrive.com/deal/881', 'deal'],
    ['https://fleetwise.pipedrive.com/leads/inbox/1c2b3a40-5d6e-11ef-9a1b-0f6c1e2d3a4b', 'lead'],
    ['https://fleetwise.pipedrive.com/organizations/list/user/everyone', 'other'],
    ['https://fleetwise.pipedrive.com/pipeline/1/user/everyone', 'other'],
  ])('%s is not a company page', (url, kind) => {
    const doc = page(row('website', 'Website', 'acme.com'));
    expect(pipedrive.matches(new URL(url))).toBe(true);
    expect(pipedrive.read(doc, new URL(url))).toBeNull();
    expect(missingOn(pipedrive, doc, url)).toEqual({ kind, facts: [] });
  });
});

describe('virtualised details list', () => {
  test('reads the rendered rows, reports the rest, and picks up rows as they render', () => {
    const doc = page(row('address', 'Address', 'Via Roma 1, 20121 Milano, Italia'));
    expect(pipedrive.read(doc, ORG)?.company).toEqual({ name: 'Acme Tools', country: 'IT', city: 'Milano' });
    expect(pipedrive.describeMissing(doc, ORG)).toEqual({ kind: 'record', facts: ['domain', 'industry', 'employees', 'annualRevenue', 'type', 'owner'] });

    // Scrolling renders the next rows into the same list.
    const list = doc.querySelector('[data-testid="virtualized-list"]')!;
    list.insertAdjacentHTML('beforeend', row('website', 'Website', '<a href="https://www.acme-tools.it/">www.acme-tools.it</a>') + row('employee_count', 'Number of employees', '51-200'));
    expect(pipedrive.read(doc, ORG)?.company).toMatchObject({ domain: 'acme-tools.it', employees: 51 });
    expect(pipedrive.describeMissing(doc, ORG)).toEqual({ kind: 'record', facts: ['industry', 'annualRevenue', 'type', 'owner'] });
  });

  test('observeRoot is the sidebar (kept across records); null before it renders', () => {
    const doc = page('');
    expect(pipedrive.observeRoot?.(doc)?.getAttribute('data-testid')).toBe('detail-view-sidebar');
    const empty = new DOMParser().parseFromString('<html><body><div class="spinner"></div></body></html>', 'text/html');
    expect(pipedrive.observeRoot?.(empty)).toBeNull();
  });

  test('a record still loading is unreadable', () => {
    const doc = new DOMParser().parseFromString('<html><body><div class="cui5-spinner"></div></body></html>', 'text/html');
    expect(pipedrive.read(doc, ORG)).toBeNull();
    expect(missingOn(pipedrive, doc, ORG)).toEqual({ kind: 'record', facts: ['name', 'domain', 'industry', 'employees', 'annualRevenue', 'country', 'city', 'type', 'owner'] });
  });
});

describe('fields', () => {
  test.each([
    ['Polish', 'Liczba pracowników', 'Roczny przychód', '1,2 mln zł', { amount: 1_200_000, currency: 'PLN' }],
    ['Italian', 'Dipendenti', 'Fatturato annuo', '€ 3.400.000', { amount: 3_400_000, currency: 'EUR' }],
    ['German', 'Anzahl Mitarbeiter', 'Umsatz', '2,5 Mio. EUR', { amount: 2_500_000, currency: 'EUR' }],
  ])('custom fields (hashed keys) are found by their %s label', (_lang, employeesLabel, revenueLabel, revenue, money) => {
    const doc = page(row(HASH, employeesLabel, '250') + row(HASH.replace('4', '5'), revenueLabel, revenue));
    expect(pipedrive.read(doc, ORG)?.company).toMatchObject({ employees: 250, annualRevenue: money });
  });

  test('a built-in field wins over a custom one with a similar label; people_count is not the head count', () => {
    const doc = page(row(HASH, 'Employees (old)', '10') + row('employee_count', 'Number of employees', '1 200') + row('people_count', 'People', '3'));
    expect(pipedrive.read(doc, ORG)?.company.employees).toBe(1200);
    const linkedOnly = page(row('people_count', 'People', '3'));
    expect(pipedrive.read(linkedOnly, ORG)?.company.employees).toBeUndefined();
  });

  test('empty placeholders, edit controls, owner and label from the header', () => {
    const doc = page(
      row('industry', 'Industry', '—') + `<div data-testid="field-row" data-field-key="annual_revenue"><label>Annual revenue</label><input value="$4.5M"></div>`,
      '<h1 data-testid="header-title">Acme Tools</h1><div data-testid="header-labels"><span data-testid="label">Customer</span></div><div data-testid="header-owner"><span data-testid="owner-name">Rita Rep</span><span>Owner</span></div>',
    );
    expect(pipedrive.read(doc, ORG)?.company).toEqual({
      name: 'Acme Tools',
      annualRevenue: { amount: 4_500_000, currency: 'USD' },
      type: 'Customer',
      owner: 'Rita Rep',
    });
  });

  test('a US address gives the city, not the state', () => {
    const doc = page(row('address', 'Address', '233 S Wacker Dr, Chicago, IL 60606, USA'));
    expect(pipedrive.read(doc, ORG)?.company).toMatchObject({ country: 'US', city: 'Chicago' });
  });

  test('deals without a summary: counted from the list, lost ones ignored, mixed currencies drop the currency', () => {
    const deal = (status: string, value: string) => `<li data-testid="deal-item" data-status="${status}"><a href="/deal/1">D</a><span data-testid="deal-value">${value}</span></li>`;
    const doc = page('');
    doc.querySelector('aside')!.insertAdjacentHTML(
      'beforeend',
      `<section data-testid="sidebar-section-deals"><ul>${deal('open', '€10,000')}${deal('open', '$5,000')}${deal('won', '€2,500')}${deal('lost', '€99,000')}</ul></section>`,
    );
    expect(pipedrive.read(doc, ORG)?.deals).toEqual({ openCount: 2, openAmount: { amount: 15_000 }, wonCount: 1, wonAmount: { amount: 2500, currency: 'EUR' } });
  });
});

test('broken markup never throws', () => {
  const doc = new DOMParser().parseFromString(
    '<main data-testid="detail-view"><h1 data-testid="header-title"><aside data-testid="detail-view-sidebar"><div data-testid="field-row" data-field-key><label><div data-testid="field-value"><section data-testid="sidebar-section-deals"><li data-testid="deal-item" data-status>',
    'text/html',
  );
  expect(() => pipedrive.read(doc, ORG)).not.toThrow();
  expect(() => pipedrive.describeMissing(doc, ORG)).not.toThrow();
  const broken = { querySelector: () => { throw new Error('boom'); }, querySelectorAll: () => { throw new Error('boom'); } } as unknown as Document;
  expect(pipedrive.read(broken, ORG)).toBeNull();
  // Each query fails alone (dom.first catches it), so nothing is found.
  expect(missingOn(pipedrive, broken, ORG)).toEqual({ kind: 'record', facts: ['name', 'domain', 'industry', 'employees', 'annualRevenue', 'country', 'city', 'type', 'owner'] });
});

// How long a read takes is measured in Chromium by `npm run bench`, not asserted here.
test('a 10,000-element page is read whole', () => {
  const filler = Array.from({ length: 2_000 }, (_, i) => `<div class="f"><span>${i}</span><a href="#">x</a><i></i><b></b></div>`).join('');
  const rows = Array.from({ length: 20 }, (_, i) => row(i ? `${HASH.slice(0, 38)}${String(i).padStart(2, '0')}` : 'website', i ? `Custom ${i}` : 'Website', `v${i}`)).join('');
  const doc = page(rows + row('employee_count', 'Number of employees', '40'));
  doc.body.insertAdjacentHTML('afterbegin', filler);
  expect(doc.getElementsByTagName('*').length).toBeGreaterThan(10_000);
  expect(pipedrive.read(doc, ORG)?.company).toEqual({ name: 'Acme Tools', employees: 40 });
  // Building a 10,000-element page in happy-dom is slow on a busy machine: a generous timeout, no timing asserted.
}, 30_000);
