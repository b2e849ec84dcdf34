// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { generic, readGeneric } from '../../lib/sites/generic';
import { grantedHostReader } from '../../lib/sites/reader';

const URL_ = 'https://crm.example.com/accounts/42';

function page(head: string, body = ''): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('schema.org', () => {
  test.each([
    ['Organization', { '@type': 'Organization', name: 'Acme', url: 'https://acme.com' }],
    ['LocalBusiness in an array', [{ '@type': 'BreadcrumbList' }, { '@type': 'LocalBusiness', name: 'Acme', url: 'https://acme.com' }]],
    ['Corporation in @graph', { '@graph': [{ '@type': 'WebSite', name: 'Site' }, { '@type': ['Corporation'], name: 'Acme', url: 'https://www.acme.com/' }] }],
    ['a subtype (ProfessionalService)', { '@type': 'ProfessionalService', name: 'Acme', url: 'acme.com' }],
  ])('%s', (_name, value) => {
    expect(readGeneric(page(ld(value)), URL_)?.company).toMatchObject({ name: 'Acme', domain: 'acme.com' });
  });

  test('employees as a number, country as a Country object', () => {
    const doc = page(ld({ '@type': 'Organization', name: 'Acme', numberOfEmployees: 75, address: { addressCountry: { '@type': 'Country', name: 'Polska' }, addressLocality: 'Kraków' } }));
    expect(readGeneric(doc, URL_)?.company).toEqual({ name: 'Acme', employees: 75, country: 'PL', city: 'Kraków' });
  });

  test('broken JSON-LD is skipped', () => {
    const doc = page('<script type="application/ld+json">{"@type": "Organization", name: </script>');
    expect(readGeneric(doc, URL_)).toBeNull();
  });

  test('microdata', () => {
    const doc = page(
      '',
      '<div itemscope itemtype="http://schema.org/Organization"><span itemprop="name">Acme Srl</span><a itemprop="url" href="https://acme.it">sito</a>' +
        '<meta itemprop="numberOfEmployees" content="30"><div itemprop="address" itemscope itemtype="http://schema.org/PostalAddress"><span itemprop="addressLocality">Milano</span><span itemprop="addressCountry">Italia</span></div></div>',
    );
    expect(readGeneric(doc, URL_)?.company).toEqual({ name: 'Acme Srl', domain: 'acme.it', employees: 30, country: 'IT', city: 'Milano' });
  });
});

describe('label/value pairs', () => {
  test.each([
    ['en dl', '<dl><dt>Company name</dt><dd>Acme Ltd</dd><dt>Industry</dt><dd>Retail</dd><dt>Employees</dt><dd>51-200</dd></dl>', { name: 'Acme Ltd', industry: 'Retail', employees: 51 }],
    ['pl table', '<table><tr><th>Nazwa firmy</th><td>Acme Sp. z o.o.</td></tr><tr><th>Branża</th><td>Meble</td></tr><tr><th>Przychód roczny</th><td>12 mln zł</td></tr></table>', { name: 'Acme Sp. z o.o.', industry: 'Meble', annualRevenue: { amount: 12_000_000, currency: 'PLN' } }],
    ['ru td:td', '<table><tr><td>Название:</td><td>ООО «Акме»</td></tr><tr><td>Отрасль:</td><td>Ритейл</td></tr><tr><td>Страна:</td><td>Россия</td></tr></table>', { name: 'ООО «Акме»', industry: 'Ритейл', country: 'RU' }],
    ['ro labels', '<div><span class="label">Denumire</span><span>Acme SRL</span></div><div><span class="label">Număr de angajați</span><span>120</span></div>', { name: 'Acme SRL', employees: 120 }],
    ['it text', '<p>Ragione sociale: Acme S.p.A.</p><p>Fatturato: 500 mila €</p><p>Città: Torino</p>', { name: 'Acme S.p.A.', annualRevenue: { amount: 500_000, currency: 'EUR' }, city: 'Torino' }],
    ['fr labels', '<dl><dt>Entreprise :</dt><dd>Acme SAS</dd><dt>Pays :</dt><dd>France</dd><dt>Site web :</dt><dd><a href="https://www.acme.fr">acme.fr</a></dd></dl>', { name: 'Acme SAS', country: 'FR', domain: 'acme.fr' }],
    ['es labels', '<dl><dt>Empresa</dt><dd>Acme S.L.</dd><dt>Tipo de cliente</dt><dd>Cliente</dd></dl>', { name: 'Acme S.L.', type: 'Cliente' }],
    ['ja labels', '<table><tr><th>取引先名</th><td>株式会社アクメ</td></tr><tr><th>従業員数</th><td>350</td></tr><tr><th>年間売上</th><td>3億円</td></tr></table>', { name: '株式会社アクメ', employees: 350, annualRevenue: { amount: 300_000_000, currency: 'JPY' } }],
    ['label for input', '<label for="n">Company</label><input id="n" value="Acme Inc"><label for="i">Industry</label><input id="i" value="Software">', { name: 'Acme Inc', industry: 'Software' }],
    ['inline text', '<div>Company: Acme GmbH</div><div>Industry: Software</div>', { name: 'Acme GmbH', industry: 'Software' }],
  ])('%s', (_name, body, company) => {
    expect(readGeneric(page('', body), URL_)?.company).toEqual(company);
  });

  test('a lone "Name" is not a company', () => {
    expect(readGeneric(page('', '<dl><dt>Name</dt><dd>John Smith</dd></dl>'), URL_)).toBeNull();
  });

  test('a table header row is not read as values', () => {
    const doc = page('', '<table><tr><th>Name</th><td>Industry</td></tr><tr><th>Company</th><td>Acme</td></tr><tr><th>Country</th><td>Polska</td></tr></table>');
    expect(readGeneric(doc, URL_)?.company).toEqual({ name: 'Acme', country: 'PL' });
  });
});

test('describeMissing lists what a page lacks', () => {
  expect(generic.describeMissing(page('', '<p>Hello</p>'), new URL(URL_))).toEqual({ kind: 'no-company', facts: [] });
  expect(generic.describeMissing(page('', '<dl><dt>Company</dt><dd>Acme</dd><dt>Industry</dt><dd>Retail</dd></dl>'), new URL(URL_))).toEqual({
    kind: 'record',
    facts: ['domain', 'employees', 'annualRevenue', 'country', 'city', 'type', 'owner'],
  });
});

test('on a granted host, the custom-host script calls a page without a company unrecognised, not unreadable', () => {
  const reader = grantedHostReader(generic);
  expect(reader.inspectPage(page('', '<p>Hello</p>'), URL_)).toEqual({ status: 'unrecognised', url: URL_ });
  expect(reader.inspectPage(page('', '<dl><dt>Company</dt><dd>Acme</dd><dt>Industry</dt><dd>Retail</dd></dl>'), URL_)).toMatchObject({
    status: 'ok',
    snapshot: { site: 'generic', company: { name: 'Acme', industry: 'Retail' } },
  });
});

test('matches no URL by itself', () => {
  for (const url of generic.examples.company) expect(generic.matches(new URL(url))).toBe(false);
});

test('broken markup does not throw', () => {
  const doc = new DOMParser().parseFromString('<dl><dt>Company<dd><dt>Industry<table><th>Employees<td>lots<script type="application/ld+json">[[[', 'text/html');
  expect(() => readGeneric(doc, URL_)).not.toThrow();
  expect(() => generic.describeMissing(doc, new URL(URL_))).not.toThrow();
  expect(readGeneric(doc, 'not a url')).toBeNull();
});
