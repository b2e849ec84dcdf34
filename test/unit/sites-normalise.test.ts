import { describe, expect, test } from 'vitest';
import {
  cleanText,
  countryCode,
  currencyOf,
  domainFromEmail,
  domainFromUrl,
  isFreeMailDomain,
  parseCount,
  parseMoney,
} from '../../lib/sites/normalise';

describe('parseCount (ranges give the lower bound)', () => {
  test.each([
    ['51-200', 51],
    ['51–200 employees', 51],
    ['1,200', 1200],
    ['1 200', 1200],
    ['1\u00a0200', 1200],
    ['1.200', 1200],
    ['10K', 10000],
    ['1.5K', 1500],
    ['około 50', 50],
    ['ok. 250 pracowników', 250],
    ['~80', 80],
    ['10,001+', 10001],
    ['от 100 до 250 сотрудников', 100],
    ['1,5 тыс.', 1500],
    ['200 Mitarbeiter', 200],
    ['420', 420],
    [420, 420],
    ['', undefined],
    ['--', undefined],
    ['n/a', undefined],
    [null, undefined],
  ] as const)('%j → %j', (input, expected) => {
    expect(parseCount(input)).toBe(expected);
  });
});

describe('parseMoney', () => {
  test.each([
    ['$1.2M', { amount: 1_200_000, currency: 'USD' }],
    ['1,2 mln zł', { amount: 1_200_000, currency: 'PLN' }],
    ['€ 3.400.000', { amount: 3_400_000, currency: 'EUR' }],
    ['2,5 млн руб.', { amount: 2_500_000, currency: 'RUB' }],
    ['1.2B USD', { amount: 1_200_000_000, currency: 'USD' }],
    ['$38,000,000.00', { amount: 38_000_000, currency: 'USD' }],
    ['1 234 567,89 PLN', { amount: 1_234_567.89, currency: 'PLN' }],
    ['1.234.567,89 €', { amount: 1_234_567.89, currency: 'EUR' }],
    ['£450k', { amount: 450_000, currency: 'GBP' }],
    ['12 mil. lei', { amount: 12_000_000, currency: 'RON' }],
    ['3,5 mld zł', { amount: 3_500_000_000, currency: 'PLN' }],
    ['500 mila €', { amount: 500_000, currency: 'EUR' }],
    ['2 milioni di euro', { amount: 2_000_000, currency: 'EUR' }],
    ['850 тыс. ₽', { amount: 850_000, currency: 'RUB' }],
    ['4,2 Mio. EUR', { amount: 4_200_000, currency: 'EUR' }],
    ['$2bn', { amount: 2_000_000_000, currency: 'USD' }],
    ['CA$5M', { amount: 5_000_000, currency: 'CAD' }],
    ['3億円', { amount: 300_000_000, currency: 'JPY' }],
    ['120000', { amount: 120_000 }],
    ['$10M - $50M', { amount: 10_000_000, currency: 'USD' }],
    ['--', undefined],
  ] as const)('%j → %j', (input, expected) => {
    expect(parseMoney(input)).toEqual(expected);
  });

  test('currency words do not match inside other words', () => {
    expect(currencyOf('Europe')).toBeUndefined();
    expect(currencyOf('120 000 zl')).toBe('PLN');
    expect(currencyOf('1000 lei')).toBe('RON');
  });
});

describe('domains', () => {
  test.each([
    ['https://www.Northwind-Logistics.com/about', 'northwind-logistics.com'],
    ['www.kidvegan.name', 'kidvegan.name'],
    ['kowalski-meble.pl', 'kowalski-meble.pl'],
    ['http://www2.acme.co.uk', 'acme.co.uk'],
    ['mailto:dana@northwind-logistics.com', 'northwind-logistics.com'],
    ['not a domain', undefined],
    ['localhost', undefined],
    ['', undefined],
  ] as const)('domainFromUrl(%j) → %j', (input, expected) => {
    expect(domainFromUrl(input)).toBe(expected);
  });

  test.each([
    ['dana.whitfield@Northwind-Logistics.com', 'northwind-logistics.com'],
    ['Dana Whitfield <dana@northwind-logistics.com>', 'northwind-logistics.com'],
    ['no address', undefined],
  ] as const)('domainFromEmail(%j) → %j', (input, expected) => {
    expect(domainFromEmail(input)).toBe(expected);
  });

  test.each([
    'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.it', 'live.com', 'yahoo.com',
    'yahoo.ro', 'yahoo.co.jp', 'icloud.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'wp.pl',
    'o2.pl', 'onet.pl', 'interia.pl', 'op.pl', 'mail.ru', 'yandex.ru', 'yandex.com', 'bk.ru', 'list.ru', 'libero.it',
    'virgilio.it', 'tiscali.it',
  ])('%s is free mail', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  test.each(['northwind-logistics.com', 'kowalski-meble.pl', 'gmail-tools.com', 'wp.com', 'yahoo-partners.de'])(
    '%s is not free mail',
    (domain) => {
      expect(isFreeMailDomain(domain)).toBe(false);
    },
  );
});

describe('countryCode', () => {
  test.each([
    ['Poland', 'PL'],
    ['Polska', 'PL'],
    ['Россия', 'RU'],
    ['Italia', 'IT'],
    ['România', 'RO'],
    ['Romania', 'RO'],
    ['United States', 'US'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['DE', 'DE'],
    ['Deutschland', 'DE'],
    ['Niemcy', 'DE'],
    ['Allemagne', 'DE'],
    ['Alemania', 'DE'],
    ['ドイツ', 'DE'],
    ['Włochy', 'IT'],
    ['Франция', 'FR'],
    ['Regatul Unit', 'GB'],
    ['United Kingdom', 'GB'],
    ['UK', 'GB'],
    ['Schweiz', 'CH'],
    ['Česko', 'CZ'],
    ['Czechy', 'CZ'],
    ['España', 'ES'],
    ['Paesi Bassi', 'NL'],
    ['日本', 'JP'],
    ['Poznań, Polska', 'PL'],
    ['Atlantis', undefined],
    ['', undefined],
  ] as const)('%j → %j', (input, expected) => {
    expect(countryCode(input)).toBe(expected);
  });
});

test.each([
  ['  Northwind\u00a0 Logistics \n', 'Northwind Logistics'],
  ['Acme\u200b Inc', 'Acme Inc'],
  [null, ''],
] as const)('cleanText(%j) → %j', (input, expected) => {
  expect(cleanText(input)).toBe(expected);
});
