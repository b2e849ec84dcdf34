// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { dynamics } from '../../lib/sites/dynamics';
import { missingOn, shown } from './sites-helpers';

const ID = '8a4f1c2e-93b5-4d7a-b1e0-6c2f9d8e7a31';
const ACCOUNT = new URL(`https://contoso.crm.dynamics.com/main.aspx?appid=5a1b7e1c-2f3d-4e5f-8a9b-0c1d2e3f4a5b&pagetype=entityrecord&etn=account&id=${ID}`);

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body><main id="mainContent">${body}</main></body></html>`, 'text/html');
}
const input = (name: string, control: string, value: string) => `<input data-id="${name}.fieldControl-${control}" value="${value}">`;
const title = (name: string) => `<h1 data-id="header_title" title="${name}">${name}<span> - Saved</span></h1>`;

describe('urls', () => {
  test.each([
    [`https://contoso.crm.dynamics.com/main.aspx?appid=1&pagetype=entityrecord&etn=account&id=${ID}`, `record ${ID}`],
    [`https://contoso.crm4.dynamics.com/main.aspx?id=%7B${ID.toUpperCase()}%7D&etn=account&pagetype=entityrecord&forceUCI=1`, `record ${ID}`],
    [`https://contoso.crm11.dynamics.com/main.aspx?forceUCI=1&etn=account&appid=1&id={${ID}}&pagetype=entityrecord`, `record ${ID}`],
    [`https://contoso.crm21.dynamics.com/main.aspx?PageType=EntityRecord&ETN=Account&ID=${ID}`, `record ${ID}`],
    [`https://contoso.crm.dynamics.com/main.aspx?etc=1&id=%7b${ID}%7d&pagetype=entityrecord`, `record ${ID}`],
    [`https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=${ID}`, 'contact'],
    ['https://contoso.crm.dynamics.com/main.aspx?pagetype=entitylist&etn=account', 'list'],
    ['https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account', 'new-record'],
  ])('%s → %s', (url, what) => {
    expect(shown(dynamics, page(title('Acme')), url)).toBe(what);
  });

  test('regional hosts are Dynamics, other dynamics.com services are not', () => {
    for (const host of ['contoso.crm.dynamics.com', 'contoso.crm2.dynamics.com', 'contoso.crm4.dynamics.com', 'contoso.crm11.dynamics.com', 'contoso.crm17.dynamics.com']) {
      expect(dynamics.matches(new URL(`https://${host}/main.aspx`)), host).toBe(true);
    }
    for (const host of ['businesscentral.dynamics.com', 'contoso.operations.dynamics.com', 'home.dynamics.com', 'contoso.crm.dynamics.com.evil.example']) {
      expect(dynamics.matches(new URL(`https://${host}/`)), host).toBe(false);
    }
    expect(dynamics.hosts).toContain('https://*.crm4.dynamics.com/*');
    expect(dynamics.hosts).not.toContain('https://*.dynamics.com/*');
  });

  test.each([
    [`https://c.crm.dynamics.com/main.aspx?appid=1&pagetype=entityrecord&etn=contact&id=${ID}`, 'contact'],
    [`https://c.crm.dynamics.com/main.aspx?appid=1&pagetype=entityrecord&etn=opportunity&id=${ID}`, 'deal'],
    [`https://c.crm.dynamics.com/main.aspx?appid=1&pagetype=entityrecord&etn=lead&id=${ID}`, 'lead'],
    ['https://c.crm.dynamics.com/main.aspx?appid=1&pagetype=entitylist&etn=account&viewid=2', 'list'],
    ['https://c.crm.dynamics.com/main.aspx?appid=1&pagetype=entityrecord&etn=account', 'new-record'],
    ['https://c.crm.dynamics.com/main.aspx?appid=1&pagetype=dashboard&id=3', 'other'],
    ['https://c.crm.dynamics.com/main.aspx?appid=1', 'other'],
  ])('%s is not a company page', (url, kind) => {
    const doc = page(`${title('Someone')}${input('websiteurl', 'url-text-input', 'acme.com')}`);
    expect(dynamics.read(doc, new URL(url))).toBeNull();
    expect(missingOn(dynamics, doc, url)).toEqual({ kind, facts: [] });
  });
});

describe('fields', () => {
  test('a form still loading is unreadable and says what is missing', () => {
    const doc = page('<div data-id="form-loading"></div>');
    expect(dynamics.read(doc, ACCOUNT)).toBeNull();
    expect(missingOn(dynamics, doc, ACCOUNT)).toEqual({ kind: 'record', facts: ['name', 'domain', 'industry', 'employees', 'annualRevenue', 'country', 'city', 'type', 'owner'] });
  });

  test('inputs, selects, lookups and header fields', () => {
    const doc = page(
      title('Fabrikam, Inc.') +
        input('websiteurl', 'url-text-input', 'http://www.fabrikam.com/en') +
        `<select data-id="industrycode.fieldControl-option-set-select"><option value="-1">---</option><option value="2" selected>Business Services</option><option value="3">Retail</option></select>` +
        input('header_numberofemployees', 'whole-number-text-input', '1.250') +
        input('header_revenue', 'currency-text-input', '1,2 mln zł') +
        input('address1_country', 'text-box-text', 'Deutschland') +
        input('address1_city', 'text-box-text', 'München') +
        `<div data-id="header_ownerid.fieldControl-LookupResultsDropdown_ownerid_selected_tag_text" title="Jan Kowalski">Jan Kowalski</div>` +
        `<div data-id="ownerid.fieldControl-Lookup_ownerid"><input data-id="ownerid.fieldControl-LookupResultsDropdown_ownerid_textInputBox_with_filter_new" value=""></div>`,
    );
    expect(dynamics.read(doc, ACCOUNT)?.company).toEqual({
      name: 'Fabrikam, Inc.',
      domain: 'fabrikam.com',
      industry: 'Business Services',
      employees: 1250,
      annualRevenue: { amount: 1_200_000, currency: 'PLN' },
      country: 'DE',
      city: 'München',
      owner: 'Jan Kowalski',
    });
  });

  test('the currency lookup names the currency when the amount has no symbol; the e-mail gives the domain', () => {
    const doc = page(
      title('Alpine Ski House') +
        input('revenue', 'currency-text-input', '2 500 000,00') +
        `<div data-id="transactioncurrencyid.fieldControl-LookupResultsDropdown_transactioncurrencyid_selected_tag_text">Euro</div>` +
        input('emailaddress1', 'mail-text-input', 'info@alpineskihouse.at'),
    );
    expect(dynamics.read(doc, ACCOUNT)?.company).toMatchObject({ annualRevenue: { amount: 2_500_000, currency: 'EUR' }, domain: 'alpineskihouse.at' });
    const free = page(title('Solo') + input('emailaddress1', 'mail-text-input', 'solo@gmail.com'));
    expect(dynamics.read(free, ACCOUNT)?.company.domain).toBeUndefined();
  });

  test('placeholders are missing; the name falls back to the name field without the save state', () => {
    const doc = page(
      `<h1 data-id="header_title">Contoso Pharmaceuticals - Unsaved</h1>` +
        `<div data-id="numberofemployees.fieldControl-whole-number-text-input">---</div>` +
        `<select data-id="customertypecode.fieldControl-option-set-select"><option value="-1" selected>---</option><option>Customer</option></select>`,
    );
    expect(dynamics.read(doc, ACCOUNT)?.company).toEqual({ name: 'Contoso Pharmaceuticals' });
    expect(dynamics.describeMissing(doc, ACCOUNT)).toEqual({ kind: 'record', facts: ['domain', 'industry', 'employees', 'annualRevenue', 'country', 'city', 'type', 'owner'] });
  });

  test.each([
    ['Branża', 'Ubezpieczenia', 'industry'],
    ['Anzahl der Mitarbeiter', '85', 'employees'],
    ['Chiffre d’affaires annuel', '3 400 000 €', 'annualRevenue'],
    ['Страна', 'Россия', 'country'],
    ['Țară', 'România', 'country'],
    ['Settore', 'Moda', 'industry'],
    ['Sitio web', 'www.ejemplo.es', 'domain'],
    ['業種', '製造', 'industry'],
  ])('a custom column labelled "%s" is read by its label', (label, value, key) => {
    const doc = page(
      title('Acme') +
        `<div data-id="cr1a2_custom-FieldSectionItemContainer"><label>${label}</label><div data-id="cr1a2_custom.fieldControl-text-box-text">${value}</div></div>`,
    );
    const company = dynamics.read(doc, ACCOUNT)?.company as Record<string, unknown>;
    expect(company[key]).toBeDefined();
  });

  test('contacts subgrid and primary contact, without duplicates', () => {
    const doc = page(
      title('Acme') +
        `<div data-id="primarycontactid.fieldControl-LookupResultsDropdown_primarycontactid_selected_tag_text">Rene Valdes</div>` +
        `<div data-id="dataSetRoot_Contacts"><div role="row"><div col-id="fullname">Full Name</div></div>` +
        `<div role="row" row-index="0"><div col-id="fullname">Rene Valdes</div><div col-id="emailaddress1">rene@acme.com</div></div>` +
        `<div role="row" row-index="1"><div col-id="fullname">Nancy Anderson</div><div col-id="emailaddress1">---</div><div col-id="jobtitle">Buyer</div></div></div>`,
    );
    expect(dynamics.read(doc, ACCOUNT)?.people).toEqual([
      { name: 'Rene Valdes', email: 'rene@acme.com' },
      { name: 'Nancy Anderson', title: 'Buyer' },
    ]);
  });

  test('observeRoot is the app shell main area', () => {
    const doc = page(title('Acme'));
    expect(dynamics.observeRoot?.(doc)?.id).toBe('mainContent');
    expect(dynamics.observeRoot?.(new DOMParser().parseFromString('<p>x</p>', 'text/html'))).toBeNull();
  });
});

test('broken markup does not throw', () => {
  const doc = new DOMParser().parseFromString(
    '<main id="mainContent"><h1 data-id="header_title">Acme<div data-id="revenue.fieldControl-currency-text-input">$$$<div data-id="dataSetRoot_Contacts"><div role="row"><table><td>',
    'text/html',
  );
  expect(() => dynamics.read(doc, ACCOUNT)).not.toThrow();
  expect(() => dynamics.describeMissing(doc, ACCOUNT)).not.toThrow();
  expect(dynamics.read(doc, ACCOUNT)?.company.name).toBe('Acme $$$');
  const broken = { querySelector: () => { throw new Error('boom'); }, querySelectorAll: () => { throw new Error('boom'); } } as unknown as Document;
  expect(dynamics.read(broken, ACCOUNT)).toBeNull();
  expect(missingOn(dynamics, broken, ACCOUNT)).toEqual({ kind: 'record', facts: [] });
});

// How long a read takes is measured in Chromium by `npm run bench`, not asserted here.
test('a 10,000-element form is read whole', () => {
  const filler = Array.from({ length: 10_000 }, (_, i) => `<div class="x${i % 7}"><span></span></div>`).join('');
  const doc = page(`${title('Acme')}${filler}${input('websiteurl', 'url-text-input', 'acme.com')}`);
  expect(dynamics.read(doc, ACCOUNT)?.company).toEqual({ name: 'Acme', domain: 'acme.com' });
  // Building a 10,000-element page in happy-dom is slow on a busy machine: a generous timeout, no timing asserted.
}, 30_000);
