// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { hubspot } from '../../lib/sites/hubspot';
import { missingOn, shown } from './sites-helpers';

const COMPANY = new URL('https://app.hubspot.com/contacts/4410123/record/0-2/18234567012');

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
}
const prop = (name: string, value: string) => `<div data-selenium-test="property-input-${name}">${value}</div>`;

describe('urls', () => {
  test.each([
    ['https://app.hubspot.com/contacts/4410123/record/0-2/18234567012', 'record 18234567012'],
    ['https://app-eu1.hubspot.com/contacts/26012345/company/9876543210', 'record 9876543210'],
    ['https://app-na2.hubspot.com/contacts/243381751/record/0-2/5', 'record 5'],
    ['https://app.hubspot.com/contacts/4410123/record/0-1/51234', 'contact'],
    ['https://app.hubspot.com/contacts/4410123/objects/0-2/views/all/list', 'other'],
  ])('%s → %s', (url, what) => {
    expect(shown(hubspot, page('<h1 data-selenium-test="highlightTitle">Acme</h1>'), url)).toBe(what);
  });

  test('the record comes from the path; the host is for matches() alone, so a host assigned to HubSpot reads too', () => {
    expect(shown(hubspot, page('<h1 data-selenium-test="highlightTitle">Acme</h1>'), 'https://crm.intranet.example/contacts/1/record/0-2/2')).toBe('record 2');
  });

  test('lookalike hosts are not HubSpot', () => {
    expect(hubspot.matches(new URL('https://app.hubspot.com.evil.example/'))).toBe(false);
    expect(hubspot.matches(new URL('https://www.hubspot.com/products/crm'))).toBe(false);
  });

  test.each([
    ['https://app.hubspot.com/contacts/1/record/0-1/2', 'contact'],
    ['https://app.hubspot.com/contacts/1/record/0-3/2', 'deal'],
    ['https://app.hubspot.com/contacts/1/deal/2', 'deal'],
    ['https://app.hubspot.com/contacts/1/record/0-5/2', 'other'],
    ['https://app.hubspot.com/reports-dashboard/1/view/2', 'other'],
  ])('%s is not a company page', (url, kind) => {
    const doc = page(`<h1 data-selenium-test="highlightTitle">Someone</h1>${prop('domain', 'acme.com')}`);
    expect(hubspot.read(doc, new URL(url))).toBeNull();
    expect(missingOn(hubspot, doc, url)).toEqual({ kind, facts: [] });
  });
});

describe('fields', () => {
  test('a record still loading is unreadable and says what is missing', () => {
    const doc = page('<div class="UILoadingSpinner"></div>');
    expect(hubspot.read(doc, COMPANY)).toBeNull();
    expect(missingOn(hubspot, doc, COMPANY)).toEqual({ kind: 'record', facts: ['name', 'domain', 'industry', 'employees', 'annualRevenue', 'country', 'city', 'type', 'owner'] });
  });

  test('empty placeholders count as missing', () => {
    const doc = page(
      `<h1 data-selenium-test="highlightTitle">Acme</h1>${prop('numberofemployees', '--')}${prop('annualrevenue', '')}${prop('industry', '—')}${prop('country', 'Romania')}`,
    );
    expect(hubspot.read(doc, COMPANY)?.company).toEqual({ name: 'Acme', country: 'RO' });
    expect(hubspot.describeMissing(doc, COMPANY)).toEqual({ kind: 'record', facts: ['domain', 'industry', 'employees', 'annualRevenue', 'city', 'type', 'owner'] });
  });

  test('values in edit controls and ranges are read', () => {
    const doc = page(
      `<h1 data-selenium-test="highlightTitle">Acme</h1>` +
        `<div data-selenium-test="property-input-numberofemployees"><input value="1,200"></div>` +
        `<div data-selenium-test="property-input-industry"><select><option>Retail</option><option selected>Computer Software</option></select></div>` +
        prop('annualrevenue', '1 234 567,89 zł') +
        prop('type', 'Partner'),
    );
    expect(hubspot.read(doc, COMPANY)?.company).toEqual({
      name: 'Acme',
      employees: 1200,
      industry: 'Computer Software',
      annualRevenue: { amount: 1234567.89, currency: 'PLN' },
      type: 'Partner',
    });
  });

  test('the domain falls back to the highlight subtitle, and the name to the name property', () => {
    const doc = page(`<div data-selenium-test="highlightSubtitle"><a href="https://www.acme.io">www.acme.io</a></div>${prop('name', 'Acme IO')}`);
    expect(hubspot.read(doc, COMPANY)?.company).toMatchObject({ name: 'Acme IO', domain: 'acme.io' });
  });

  test('deals: lost ones are ignored, mixed currencies give no currency', () => {
    const deal = (amount: string, stage: string) =>
      `<div data-selenium-test="association-card-item"><span data-selenium-test="deal-amount">${amount}</span><span data-selenium-test="deal-stage">${stage}</span></div>`;
    const doc = page(
      `<h1 data-selenium-test="highlightTitle">Acme</h1><section data-selenium-test="associations-card-0-3">` +
        deal('€10,000', 'Appointment scheduled') +
        deal('$5,000', 'Contract sent') +
        deal('€7,000', 'Closed lost') +
        deal('120 000 zł', 'Zamknięta wygrana') +
        deal('', 'Closed won') +
        '</section>',
    );
    expect(hubspot.read(doc, COMPANY)?.deals).toEqual({
      openCount: 2,
      openAmount: { amount: 15000 },
      wonCount: 2,
      wonAmount: { amount: 120000, currency: 'PLN' },
    });
  });

  test('no deals card means deals unknown, not zero', () => {
    const doc = page('<h1 data-selenium-test="highlightTitle">Acme</h1>');
    expect(hubspot.read(doc, COMPANY)?.deals).toBeUndefined();
  });
});

test('broken markup does not throw', () => {
  const doc = new DOMParser().parseFromString(
    '<h1 data-selenium-test="highlightTitle"><span>Acme<div data-selenium-test="property-input-annualrevenue">$$$<section data-selenium-test="associations-card-0-3"><div data-selenium-test="association-card-item"><table><td>',
    'text/html',
  );
  expect(() => hubspot.read(doc, COMPANY)).not.toThrow();
  expect(() => hubspot.describeMissing(doc, COMPANY)).not.toThrow();
  expect(hubspot.read(doc, COMPANY)?.company.name).toBeTruthy();
});
