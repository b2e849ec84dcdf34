// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { zoho } from '../../lib/sites/zoho';
import { missingOn, shown } from './sites-helpers';

const ACCOUNT = new URL('https://crm.zoho.com/crm/org712345678/tab/Accounts/5127839000000412001');

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body><div id="outlet"><crm-detailview>${body}</crm-detailview></div></body></html>`, 'text/html');
}
let n = 0;
/** A CRUX section row: label by column, value by display label. */
const row = (column: string, label: string, value: string) => {
  n++;
  return `<div class="cxDvBcInfoFormRow"><div class="cxDvInfoFormField" id="field_label_${n}" data-zcqa="dtVw_lbl_${column}">${label}</div><div id="field_${n}" class="dvValueContainer cxDvInfoValue"><div class="cxDvFieldWrap"><span data-zcqa="value_${label.replace(/ /g, '_')}">${value}</span><span class="cxDvFieldEditIcon"></span></div></div></div>`;
};
const header = (name: string) => `<span id="recHeader1"><span data-zcqa="value_ACCOUNTNAME">${name}</span></span>`;

describe('urls', () => {
  test.each([
    ['https://crm.zoho.com/crm/org712345678/tab/Accounts/5127839000000412001', 'record 5127839000000412001'],
    ['https://crm.zoho.eu/crm/tab/Accounts/481264000000236017', 'record 481264000000236017'],
    ['https://crm.zoho.in/crm/org60012345/tab/Accounts/2245871000000098123/?sub_module=Notes', 'record 2245871000000098123'],
    ['https://crm.zoho.com.au/crm/org7001/tab/Accounts/7002345000000001234', 'record 7002345000000001234'],
    ['https://crm.zoho.jp/crm/org9001/tab/Accounts/9001234000000054321', 'record 9001234000000054321'],
    ['https://crm.zoho.com.cn/crm/org1/tab/Accounts/123456789', 'record 123456789'],
    ['https://crm.zoho.sa/crm/org1/tab/Accounts/123456789', 'record 123456789'],
    ['https://crm.zohocloud.ca/crm/org1/tab/Accounts/123456789', 'record 123456789'],
    ['https://crmsandbox.zoho.com/crm/org1/tab/Accounts/123456789', 'record 123456789'],
    ['https://crm.zoho.com/crm/org1/tab/Contacts/123456789', 'contact'],
    ['https://crm.zoho.com/crm/org1/tab/Accounts/custom-view/5127839000000087501/list', 'list'],
    ['https://crm.zoho.com/crm/org1/tab/Accounts/123456789/edit', 'list'],
  ])('%s → %s', (url, what) => {
    expect(shown(zoho, page(header('Acme')), url)).toBe(what);
  });

  test('lookalike and other Zoho hosts are not Zoho CRM', () => {
    for (const host of ['www.zoho.com', 'mail.zoho.eu', 'crm.zoho.com.evil.example', 'crm.zoho.co']) {
      expect(zoho.matches(new URL(`https://${host}/crm/org1/tab/Accounts/123456789`)), host).toBe(false);
    }
  });

  test.each([
    ['https://crm.zoho.com/crm/org1/tab/Contacts/123456789', 'contact'],
    ['https://crm.zoho.com/crm/org1/tab/Leads/123456789', 'lead'],
    ['https://crm.zoho.eu/crm/tab/Potentials/123456789', 'deal'],
    ['https://crm.zoho.com/crm/org1/tab/Accounts/custom-view/5127839000000087501/list', 'list'],
    ['https://crm.zoho.com/crm/org1/tab/Home/begin', 'other'],
    ['https://crm.zoho.com/crm/org1/settings', 'other'],
  ])('%s is not a company page', (url, kind) => {
    const doc = page(header('Someone') + row('WEBSITE', 'Website', 'acme.com'));
    expect(zoho.read(doc, new URL(url))).toBeNull();
    expect(missingOn(zoho, doc, url)).toEqual({ kind, facts: [] });
  });
});

describe('fields', () => {
  test('a record still loading is unreadable and says what is missing', () => {
    const doc = page('<div class="cxDetailLoadingDiv"><div class="cxSpinloader"></div></div>');
    expect(zoho.read(doc, ACCOUNT)).toBeNull();
    expect(missingOn(zoho, doc, ACCOUNT)).toEqual({ kind: 'record', facts: ['name', 'domain', 'industry', 'employees', 'annualRevenue', 'country', 'city', 'type', 'owner'] });
  });

  test('fields by column, whatever the UI language calls them', () => {
    const doc = page(
      header('Ferretti Arredamenti S.r.l.') +
        row('WEBSITE', 'Sito web', '<a href="https://www.ferretti-arredamenti.it/">www.ferretti-arredamenti.it</a>') +
        row('INDUSTRY', 'Settore', 'Arredamento') +
        row('EMPLOYEES', 'Dipendenti', '51-200') +
        row('ANNUALREVENUE', 'Fatturato annuo', '€ 3.400.000,00') +
        row('BILLINGCOUNTRY', 'Paese di fatturazione', 'Italia') +
        row('BILLINGCITY', 'Città di fatturazione', 'Milano') +
        row('ACCOUNTTYPE', 'Tipo di account', 'Cliente') +
        row('SMOWNERID', 'Proprietario account', '<a href="#">Giulia Bianchi</a>'),
    );
    expect(zoho.read(doc, ACCOUNT)?.company).toEqual({
      name: 'Ferretti Arredamenti S.r.l.',
      domain: 'ferretti-arredamenti.it',
      industry: 'Arredamento',
      employees: 51,
      annualRevenue: { amount: 3_400_000, currency: 'EUR' },
      country: 'IT',
      city: 'Milano',
      type: 'Cliente',
      owner: 'Giulia Bianchi',
    });
  });

  test('values keyed by API name, business card values, rupees and empty placeholders (-None-)', () => {
    const doc = page(
      `<span data-zcqa="value_Account_Name">Tata Logistics Pvt Ltd</span>` +
        `<div class="cxDvBcInfoFormField" id="bc_field_label_9" data-zcqa="bc_dtVw_lbl_SMOWNERID">Account Owner</div><div id="bc_field_9"><span>Ravi Kumar</span></div>` +
        `<span data-zcqa="value_Annual_Revenue">Rs. 1,00,00,000.00</span>` +
        `<span data-zcqa="value_Employees">—</span>` +
        row('INDUSTRY', 'Industry', '-None-'),
    );
    expect(zoho.read(doc, new URL('https://crm.zoho.in/crm/org1/tab/Accounts/123456789'))?.company).toEqual({
      name: 'Tata Logistics Pvt Ltd',
      owner: 'Ravi Kumar',
      annualRevenue: { amount: 10_000_000, currency: 'INR' },
    });
  });

  test.each([
    ['Branża', 'Logistyka', 'industry'],
    ['Liczba pracowników', '250', 'employees'],
    ['Годовой доход', '2,5 млн руб.', 'annualRevenue'],
    ['Număr de angajați', '40', 'employees'],
    ['Mitarbeiter', '85', 'employees'],
    ['Pays', 'France', 'country'],
    ['Sitio web', 'www.ejemplo.es', 'domain'],
    ['従業員数', '300', 'employees'],
  ])('a custom field labelled "%s" is read by its label', (label, value, key) => {
    const doc = page(header('Acme') + row('CUSTOMFIELD7', label, value));
    const company = zoho.read(doc, ACCOUNT)?.company as Record<string, unknown>;
    expect(company[key]).toBeDefined();
  });

  test('an edit input in place of the value is read', () => {
    const doc = page(header('Acme') + `<div class="cxDvInfoFormField" id="field_label_77" data-zcqa="dtVw_lbl_EMPLOYEES">Employees</div><div id="field_77"><input type="text" value="1 200"></div>`);
    expect(zoho.read(doc, ACCOUNT)?.company.employees).toBe(1200);
  });

  test('observeRoot is the outlet holding the detail view', () => {
    expect(zoho.observeRoot?.(page(header('Acme')))?.id).toBe('outlet');
    expect(zoho.observeRoot?.(new DOMParser().parseFromString('<p>x</p>', 'text/html'))).toBeNull();
  });
});

test('broken markup does not throw', () => {
  const doc = new DOMParser().parseFromString(
    '<span id="recHeader1"><span data-zcqa="value_ACCOUNTNAME">Acme<div class="cxDvBcInfoFormRow"><div data-zcqa="dtVw_lbl_ANNUALREVENUE" id="field_label_">$$$<table><td>',
    'text/html',
  );
  expect(() => zoho.read(doc, ACCOUNT)).not.toThrow();
  expect(() => zoho.describeMissing(doc, ACCOUNT)).not.toThrow();
  expect(zoho.read(doc, ACCOUNT)?.company.name).toContain('Acme');
  const broken = { querySelector: () => { throw new Error('boom'); }, querySelectorAll: () => { throw new Error('boom'); } } as unknown as Document;
  expect(zoho.read(broken, ACCOUNT)).toBeNull();
  expect(missingOn(zoho, broken, ACCOUNT)).toEqual({ kind: 'record', facts: [] });
});

// How long a read takes is measured in Chromium by `npm run bench`, not asserted here.
test('a 10,000-element page is read whole', () => {
  const filler = Array.from({ length: 10_000 }, (_, i) => `<div class="x${i % 7}"><span></span></div>`).join('');
  const doc = page(`${header('Acme')}${filler}${row('WEBSITE', 'Website', 'acme.com')}`);
  expect(zoho.read(doc, ACCOUNT)?.company).toEqual({ name: 'Acme', domain: 'acme.com' });
  // Building a 10,000-element page in happy-dom is slow on a busy machine: a generous timeout, no timing asserted.
}, 30_000);
