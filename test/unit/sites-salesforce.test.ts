// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { DeepFinder } from '../../lib/sites/dom';
import { salesforce } from '../../lib/sites/salesforce';
import { missingOn, shown } from './sites-helpers';

const ID = '0015g00000XyZabAAF';
const ACCOUNT = new URL(`https://vantage-bio.lightning.force.com/lightning/r/Account/${ID}/view`);

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
}
/** A record layout item as Lightning renders it in view mode. */
const field = (api: string, label: string, value: string) =>
  `<records-record-layout-item field-label="${label}"><div data-target-selection-name="sfdc:RecordField.Account.${api}">` +
  `<span class="test-id__field-label">${label}</span><span class="test-id__field-value"><lightning-formatted-text>${value}</lightning-formatted-text></span>` +
  `<button class="slds-button"><span class="slds-assistive-text">Edit ${label}</span></button></div></records-record-layout-item>`;
const title = (name: string) => `<records-highlights2><h1><div class="entityNameTitle">Account</div><slot name="primaryField"><lightning-formatted-text>${name}</lightning-formatted-text></slot></h1></records-highlights2>`;

describe('urls', () => {
  test.each([
    [`https://vantage-bio.lightning.force.com/lightning/r/Account/${ID}/view`, `record ${ID}`],
    [`https://vantage-bio.lightning.force.com/lightning/r/${ID}/view`, `record ${ID}`],
    ['https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/0015g00000XyZab/related/Contacts/view', 'record 0015g00000XyZab'],
    ['https://acme.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAV/view', 'contact'],
    ['https://acme.lightning.force.com/lightning/r/a0X5g000001AbCdEAF/view', 'other'],
    ['https://acme.lightning.force.com/lightning/o/Account/list?filterName=Recent', 'list'],
  ])('%s → %s', (url, what) => {
    expect(shown(salesforce, page(title('Acme')), url)).toBe(what);
  });

  test('lookalike hosts are not Salesforce', () => {
    expect(salesforce.matches(new URL('https://lightning.force.com.evil.example/'))).toBe(false);
    expect(salesforce.matches(new URL('https://evillightning.force.com/'))).toBe(false);
    expect(salesforce.matches(new URL('https://www.salesforce.com/products/'))).toBe(false);
    expect(salesforce.matches(new URL('https://acme.my.salesforce.com/001'))).toBe(true);
  });

  test.each([
    ['https://acme.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAV/view', 'contact'],
    ['https://acme.lightning.force.com/lightning/r/0065g00000QrStUAA1/view', 'deal'],
    ['https://acme.lightning.force.com/lightning/r/00Q5g00000QrStUAA1/view', 'lead'],
    ['https://acme.lightning.force.com/lightning/r/User/0055g00000FgHiJAAV/view', 'other'],
    ['https://acme.lightning.force.com/lightning/o/Account/new?count=1', 'new-record'],
    ['https://acme.lightning.force.com/lightning/page/home', 'other'],
    ['https://acme.my.salesforce.com/0015g00000XyZab', 'classic'],
  ])('%s is not a company page', (url, kind) => {
    const doc = page(title('Someone') + field('Website', 'Website', 'acme.com'));
    expect(salesforce.read(doc, new URL(url))).toBeNull();
    expect(missingOn(salesforce, doc, url)).toEqual({ kind, facts: [] });
  });
});

describe('fields', () => {
  test('a record still loading is unreadable and says what is missing', () => {
    const doc = page('<div class="slds-spinner_container"></div>');
    expect(salesforce.read(doc, ACCOUNT)).toBeNull();
    expect(missingOn(salesforce, doc, ACCOUNT)).toEqual({ kind: 'record', facts: ['name', 'domain', 'industry', 'employees', 'annualRevenue', 'country', 'city', 'type', 'owner'] });
  });

  test('empty values and "--None--" picklists count as missing; labels and assistive text are not values', () => {
    const doc = page(
      title('Acme') +
        field('Industry', 'Industry', '') +
        `<div data-target-selection-name="sfdc:RecordField.Account.Type"><label>種別</label><button data-value="--なし--"><span>--なし--</span></button></div>` +
        field('NumberOfEmployees', 'Employees', '—'),
    );
    expect(salesforce.read(doc, ACCOUNT)?.company).toEqual({ name: 'Acme' });
    expect(salesforce.describeMissing(doc, ACCOUNT)).toEqual({ kind: 'record', facts: ['domain', 'industry', 'employees', 'annualRevenue', 'country', 'city', 'type', 'owner'] });
  });

  test.each([
    ['¥1,200,000,000', { amount: 1_200_000_000, currency: 'JPY' }],
    ['$1.2B', { amount: 1_200_000_000, currency: 'USD' }],
    ['1.2B', { amount: 1_200_000_000 }],
    ['50,000', { amount: 50_000 }],
    ['48.500.000,00 €', { amount: 48_500_000, currency: 'EUR' }],
    ['JPY 350,000,000', { amount: 350_000_000, currency: 'JPY' }],
  ])('annual revenue %s', (text, money) => {
    const doc = page(title('Acme') + field('AnnualRevenue', 'Annual Revenue', text));
    expect(salesforce.read(doc, ACCOUNT)?.company.annualRevenue).toEqual(money);
  });

  test.each([
    ['50,000', 50_000],
    ['1,250', 1250],
    ['1.2K', 1200],
    ['350', 350],
  ])('employees %s', (text, count) => {
    const doc = page(title('Acme') + field('NumberOfEmployees', 'Employees', text));
    expect(salesforce.read(doc, ACCOUNT)?.company.employees).toBe(count);
  });

  test('edit mode: values of inputs and comboboxes by API name, address parts by data-field', () => {
    const doc = page(
      `<div data-target-selection-name="sfdc:RecordField.Account.Name"><label>取引先名</label><input name="Name" value="株式会社サクラ精機"></div>` +
        `<div data-target-selection-name="sfdc:RecordField.Account.Website"><input name="Website" value="https://www.sakura-seiki.co.jp/"></div>` +
        `<div data-target-selection-name="sfdc:RecordField.Account.Industry"><button data-value="Machinery"><span>機械</span></button></div>` +
        `<div data-target-selection-name="sfdc:RecordField.Account.BillingAddress"><lightning-input data-field="country"><input name="country" value="日本"></lightning-input>` +
        `<lightning-input data-field="city"><input name="city" value="大阪市"></lightning-input><lightning-textarea data-field="street"><textarea name="street">北区梅田1-1</textarea></lightning-textarea></div>`,
    );
    expect(salesforce.read(doc, ACCOUNT)?.company).toEqual({ name: '株式会社サクラ精機', domain: 'sakura-seiki.co.jp', industry: '機械', country: 'JP', city: '大阪市' });
  });

  test('Japanese labels, when no API name is on the page', () => {
    const item = (label: string, value: string) =>
      `<records-record-layout-item field-label="${label}"><span class="test-id__field-label">${label}</span><span class="test-id__field-value"><lightning-formatted-text>${value}</lightning-formatted-text></span></records-record-layout-item>`;
    const doc = page(
      `<records-highlights2><h1><slot name="primaryField"><lightning-formatted-text>株式会社サクラ精機</lightning-formatted-text></slot></h1>` +
        `<force-highlights-details-item><div><p class="slds-text-title" title="種別">種別</p><p class="fieldComponent"><slot><lightning-formatted-text>顧客</lightning-formatted-text></slot></p></div></force-highlights-details-item></records-highlights2>` +
        item('業種', '製造') +
        item('従業員数', '1,200') +
        item('年間売上', '¥1,200,000,000') +
        item('Web サイト', '<a href="https://www.sakura-seiki.co.jp">www.sakura-seiki.co.jp</a>') +
        item('取引先 所有者', '山田 太郎') +
        item('住所(請求先)', '<div>〒530-0001</div><div>大阪府大阪市北区梅田1-1</div><div>日本</div>'),
    );
    expect(salesforce.read(doc, ACCOUNT)?.company).toEqual({
      name: '株式会社サクラ精機',
      domain: 'sakura-seiki.co.jp',
      industry: '製造',
      employees: 1200,
      annualRevenue: { amount: 1_200_000_000, currency: 'JPY' },
      country: 'JP',
      type: '顧客',
      owner: '山田 太郎',
    });
  });

  test('a form in a modal over the record is not read', () => {
    const doc = page(
      title('Acme') +
        field('Industry', 'Industry', 'Retail') +
        `<div class="modal-container"><div data-target-selection-name="sfdc:RecordField.Account.Website"><input name="Website" value="other.example"></div></div>`,
    );
    expect(salesforce.read(doc, ACCOUNT)?.company).toEqual({ name: 'Acme', industry: 'Retail' });
  });

  test('a field named both in a dialog and on the record is read from the record; a layout item beats an input of the same name', () => {
    const doc = page(
      // A search box that happens to be called "Industry", before the record in the page.
      `<form><input name="Industry" value="Search industries"></form>` +
        `<div role="dialog"><div data-target-selection-name="sfdc:RecordField.Account.Website"><input name="Website" value="dialog.example"></div></div>` +
        title('Acme') +
        field('Industry', 'Industry', 'Retail') +
        `<div data-target-selection-name="sfdc:RecordField.Account.Website"><span class="test-id__field-value"><lightning-formatted-url><a href="https://acme.example">acme.example</a></lightning-formatted-url></span></div>`,
    );
    expect(salesforce.read(doc, ACCOUNT)?.company).toEqual({ name: 'Acme', domain: 'acme.example', industry: 'Retail' });
  });
});

describe('console and cached pages', () => {
  const record = (name: string, industry: string, id: string) =>
    title(name) + field('Industry', 'Industry', industry) + `<a href="/lightning/r/Account/${id}/related/Contacts/view">Contacts</a>`;
  const OTHER = '0015g00000Kp3QrAAJ';

  test('the active workspace tab is read, never the other one', () => {
    const doc = page(
      `<div class="oneWorkspaceCollection">` +
        `<div class="oneWorkspace"><section class="tabContent oneConsoleTab" aria-expanded="false">${record('Old Co', 'Retail', OTHER)}</section></div>` +
        `<div class="oneWorkspace active"><section class="tabContent active oneConsoleTab" aria-expanded="true">${record('Vantage', 'Healthcare', ID)}</section></div></div>`,
    );
    expect(salesforce.read(doc, ACCOUNT)?.company).toEqual({ name: 'Vantage', industry: 'Healthcare' });
    expect(salesforce.observeRoot?.(doc)?.className).toBe('oneWorkspaceCollection');
  });

  test('the tab whose link names the record wins over a stale "active" class', () => {
    const doc = page(
      `<ul role="tablist"><li><a role="tab" aria-controls="p1" href="/lightning/r/Account/${OTHER}/view">Old Co</a></li><li><a role="tab" aria-controls="p2" href="/lightning/r/Account/${ID}/view">Vantage</a></li></ul>` +
        `<div class="oneWorkspace active" id="p1">${record('Old Co', 'Retail', OTHER)}</div><div class="oneWorkspace" id="p2">${record('Vantage', 'Healthcare', ID)}</div>`,
    );
    expect(salesforce.read(doc, ACCOUNT)?.company).toEqual({ name: 'Vantage', industry: 'Healthcare' });
  });

  test('standard navigation: the cached previous page is ignored', () => {
    const doc = page(
      `<div class="oneCenterStage"><div class="windowViewMode-normal oneContent">${record('Old Co', 'Retail', OTHER)}</div>` +
        `<div class="windowViewMode-normal oneContent active">${title('Vantage')}</div></div>`,
    );
    expect(salesforce.read(doc, ACCOUNT)?.company).toEqual({ name: 'Vantage' });
    expect(salesforce.describeMissing(doc, ACCOUNT).facts).toContain('industry');
    expect(salesforce.observeRoot?.(doc)?.className).toBe('oneCenterStage');
  });

  test('when no container says it is active, only the one naming the record is read', () => {
    const doc = page(`<div class="windowViewMode-normal">${record('Old Co', 'Retail', OTHER)}</div><div class="windowViewMode-normal">${record('Vantage', 'Healthcare', ID)}</div>`);
    expect(salesforce.read(doc, ACCOUNT)?.company).toEqual({ name: 'Vantage', industry: 'Healthcare' });
  });
});

describe('shadow DOM', () => {
  /** LWC native shadow: each component renders into an open shadow root. */
  function shadowPage(): Document {
    const doc = page('<div class="windowViewMode-normal active"><records-highlights2></records-highlights2><records-record-layout-block></records-record-layout-block></div>');
    const highlights = doc.querySelector('records-highlights2')!;
    highlights.attachShadow({ mode: 'open' }).innerHTML = '<h1><slot name="primaryField"><lightning-formatted-text></lightning-formatted-text></slot></h1>';
    highlights.shadowRoot!.querySelector('lightning-formatted-text')!.attachShadow({ mode: 'open' }).innerHTML = '<span>Shadow Labs</span>';
    const block = doc.querySelector('records-record-layout-block')!;
    block.attachShadow({ mode: 'open' }).innerHTML =
      '<div data-target-selection-name="sfdc:RecordField.Account.Website"><span class="test-id__field-value"><lightning-formatted-url><a href="https://shadowlabs.io">shadowlabs.io</a></lightning-formatted-url></span></div>' +
      '<div data-target-selection-name="sfdc:RecordField.Account.NumberOfEmployees"><span class="test-id__field-value"><lightning-formatted-number></lightning-formatted-number></span></div>';
    block.shadowRoot!.querySelector('lightning-formatted-number')!.attachShadow({ mode: 'open' }).textContent = '50,000';
    return doc;
  }

  test('fields inside open shadow roots are read', () => {
    expect(salesforce.read(shadowPage(), ACCOUNT)?.company).toEqual({ name: 'Shadow Labs', domain: 'shadowlabs.io', employees: 50_000 });
  });

  test('DeepFinder looks into nested open roots, light DOM first, and skips what it excludes', () => {
    const doc = shadowPage();
    const find = new DeepFinder(doc);
    expect(doc.querySelector('lightning-formatted-url')).toBeNull();
    expect(find.first(['lightning-formatted-url'])?.textContent).toBe('shadowlabs.io');
    expect(find.all(['lightning-formatted-text, lightning-formatted-number'])).toHaveLength(2);
    expect(find.first(['!!not a selector', 'records-highlights2'])?.tagName).toBe('RECORDS-HIGHLIGHTS2');
    doc.body.insertAdjacentHTML('beforeend', '<div role="dialog"><lightning-formatted-url>new.example</lightning-formatted-url></div>');
    expect(new DeepFinder(doc).first(['lightning-formatted-url'])?.textContent).toBe('new.example');
    expect(new DeepFinder(doc, ['[role="dialog"]']).first(['lightning-formatted-url'])?.textContent).toBe('shadowlabs.io');
  });
});

describe('related lists', () => {
  const opp = (id: string, stage: string, amount: string) =>
    `<li><article class="slds-tile"><a href="/lightning/r/${id}/view" data-recordid="${id}">Deal ${id}</a><dl><dt title="フェーズ">フェーズ:</dt><dd>${stage}</dd><dt title="金額">金額:</dt><dd>${amount}</dd></dl></article></li>`;
  const list = (count: string, rows: string) =>
    `<lst-related-list-single-container><article><h2><a href="/lightning/r/Account/${ID}/related/Opportunities/view"><span>商談</span><span>${count}</span></a></h2><ul>${rows}</ul></article></lst-related-list-single-container>`;

  test('Japanese stages: 不成立 is lost, 成立 is won', () => {
    const doc = page(title('Acme') + list('(3)', opp('0061', '提案', '¥2,000,000') + opp('0062', '成立', '¥5,000,000') + opp('0063', '不成立', '¥9,000,000')));
    expect(salesforce.read(doc, ACCOUNT)?.deals).toEqual({
      openCount: 1,
      openAmount: { amount: 2_000_000, currency: 'JPY' },
      wonCount: 1,
      wonAmount: { amount: 5_000_000, currency: 'JPY' },
    });
  });

  test('a list showing fewer rows than its count leaves deals unknown', () => {
    expect(salesforce.read(page(title('Acme') + list('(3+)', opp('0061', 'Prospecting', '$1,000'))), ACCOUNT)?.deals).toBeUndefined();
    expect(salesforce.read(page(title('Acme') + list('(12)', opp('0061', 'Prospecting', '$1,000'))), ACCOUNT)?.deals).toBeUndefined();
    expect(salesforce.read(page(title('Acme')), ACCOUNT)?.deals).toBeUndefined();
  });
});

test('broken markup does not throw', () => {
  const doc = new DOMParser().parseFromString(
    `<div class="windowViewMode-normal active"><records-highlights2><slot name="primaryField"><lightning-formatted-text>Acme<div data-target-selection-name="sfdc:RecordField.Account.AnnualRevenue">$$$<lst-related-list-single-container><a href="/related/Opportunities/view"><table><td data-label="Amount">`,
    'text/html',
  );
  expect(() => salesforce.read(doc, ACCOUNT)).not.toThrow();
  expect(() => salesforce.describeMissing(doc, ACCOUNT)).not.toThrow();
  expect(() => salesforce.observeRoot?.(doc)).not.toThrow();
  const broken = { querySelector: () => { throw new Error('boom'); }, querySelectorAll: () => { throw new Error('boom'); }, getElementById: () => null } as unknown as Document;
  expect(salesforce.read(broken, ACCOUNT)).toBeNull();
  expect(missingOn(salesforce, broken, ACCOUNT)).toEqual({ kind: 'record', facts: [] });
});

// How long a read takes is measured in Chromium by `npm run bench`, not asserted here.
test('a 10,000-element page is read whole', () => {
  const filler = Array.from({ length: 1000 }, (_, i) => `<div class="row"><span>${i}</span><span>a</span><span>b</span><span>c</span><span>d</span><span>e</span><span>f</span><span>g</span><span>h</span></div>`).join('');
  const doc = page(`<div class="oneCenterStage"><div class="windowViewMode-normal active">${title('Acme')}${field('Industry', 'Industry', 'Retail')}${filler}</div></div>`);
  expect(doc.querySelectorAll('*').length).toBeGreaterThan(10_000);
  expect(salesforce.read(doc, ACCOUNT)?.company).toEqual({ name: 'Acme', industry: 'Retail' });
  // Building a 10,000-element page in happy-dom is slow on a busy machine: a generous timeout, no timing asserted.
}, 30_000);
