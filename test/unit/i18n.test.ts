import { afterEach, describe, expect, test } from 'vitest';
import {
  applyLanguages,
  formatDateTime,
  formatMessage,
  formatMoney,
  formatNumber,
  loadCatalogue,
  pickUiLanguage,
  resolveLanguages,
  t,
  textLanguage,
  timeAgo,
  translate,
  uiLanguage,
  UI_LANGUAGES,
} from '../../lib/i18n';
import { CATALOGUES } from '../../lib/i18n/messages';

// Every catalogue, loaded up front: these tests switch languages synchronously (pages await loadCatalogue).
await Promise.all(UI_LANGUAGES.map(loadCatalogue));

// Completeness, placeholders and plural forms of the shipped catalogues: i18n-catalogues.test.ts.

/** Non-breaking spaces are what Intl puts between digits and units; written out so the expectations are readable. */
const nbsp = '\u00a0';

const shippedPolish = CATALOGUES['pl']!;

afterEach(() => {
  uiLanguage.value = 'en';
  textLanguage.value = 'en';
  CATALOGUES['pl'] = shippedPolish;
});

// -------------------------------------------------------------- catalogues

describe('catalogues', () => {
  test('the English counts agree in number: "1 change", not "1 changes"', () => {
    expect(translate('en', 'update.title', { version: '2025.3', n: 1 })).toBe('Playbook updated to 2025.3: 1 change');
    expect(translate('en', 'update.title', { version: '2025.3', n: 3 })).toBe('Playbook updated to 2025.3: 3 changes');
    expect(translate('en', 'options.playbook.lastChanges', { from: '1.0', to: '1.1', n: 1 })).toBe('Last update, 1.0 → 1.1: 1 change');
    expect(translate('en', 'segment.unanswered', { n: 1 })).toBe('1 unanswered question ↓');
    expect(translate('en', 'segment.unanswered', { n: 2 })).toBe('2 unanswered questions ↓');
  });

  test('values are text: markup in a parameter or a message is not interpreted', () => {
    expect(translate('en', 'account.readFrom', { host: '<b>x</b>' })).toBe('from <b>x</b>');
  });
});

// -------------------------------------------------------------- plurals

describe('plural rules follow the language (Intl.PluralRules)', () => {
  const counts = [1, 2, 5, 12, 21, 22, 25, 101];

  test('Polish: 1 zmiana, 2 zmiany, 5 zmian', () => {
    const message = '{n, plural, one {# zmiana} few {# zmiany} many {# zmian} other {# zmiany}}';
    expect(counts.map((n) => formatMessage(message, 'pl', { n }))).toEqual([
      '1 zmiana',
      '2 zmiany',
      '5 zmian',
      '12 zmian',
      '21 zmian',
      '22 zmiany',
      '25 zmian',
      '101 zmian',
    ]);
  });

  test('Russian: 1 изменение, 2 изменения, 5 изменений, 21 изменение', () => {
    const message = '{n, plural, one {# изменение} few {# изменения} many {# изменений} other {# изменения}}';
    expect(counts.map((n) => formatMessage(message, 'ru', { n }))).toEqual([
      '1 изменение',
      '2 изменения',
      '5 изменений',
      '12 изменений',
      '21 изменение',
      '22 изменения',
      '25 изменений',
      '101 изменение',
    ]);
  });

  test('a catalogue is used for its language and region; a key it lacks falls back to English with English plurals', () => {
    CATALOGUES['pl'] = { 'update.title': 'Playbook zaktualizowany do {version}: {n, plural, one {# zmiana} few {# zmiany} many {# zmian} other {# zmiany}}' };
    uiLanguage.value = 'pl-PL';
    expect(t('update.title', { version: '2.0', n: 22 })).toBe('Playbook zaktualizowany do 2.0: 22 zmiany');
    expect(t('update.title', { version: '2.0', n: 5 })).toBe('Playbook zaktualizowany do 2.0: 5 zmian');
    expect(t('options.playbook.lastChanges', { from: '1', to: '2', n: 2 })).toBe('Last update, 1 → 2: 2 changes');
  });

  test('a broken translation shows the English message instead of breaking the page', () => {
    CATALOGUES['pl'] = { 'update.title': 'Playbook {version: {n, plural, one {# zmiana}' };
    expect(translate('pl', 'update.title', { version: '2.0', n: 1 })).toBe('Playbook updated to 2.0: 1 change');
  });
});

// -------------------------------------------------------------- languages

describe('the UI language and the playbook text language', () => {
  test('a Polish browser sees the Polish playbook text even while the UI has no Polish catalogue', () => {
    expect(resolveLanguages(['pl-PL', 'pl'], ['en'])).toEqual({ ui: 'en', text: 'pl-PL' });
    // A Portuguese browser: the UI has no Portuguese, the playbook may have.
    expect(applyLanguages(['pt-BR', 'pt'])).toEqual({ ui: 'en', text: 'pt-BR' });
    expect(textLanguage.value).toBe('pt-BR');
    expect(uiLanguage.value).toBe('en');
  });

  test('a Polish or Russian browser gets the UI in its language', () => {
    expect(applyLanguages(['pl-PL', 'pl', 'en-US'])).toEqual({ ui: 'pl-PL', text: 'pl-PL' });
    expect(t('checklist.when.before')).toBe('Przed rozmową');
    expect(applyLanguages(['ru-RU', 'ru'])).toEqual({ ui: 'ru-RU', text: 'ru-RU' });
    expect(t('checklist.when.before')).toBe('До звонка');
    expect(applyLanguages(['de-DE', 'it'])).toEqual({ ui: 'it', text: 'de-DE' });
    expect(t('checklist.when.before')).toBe('Prima della chiamata');
  });

  test('the UI takes the first browser language with a catalogue, keeping its region for formats', () => {
    expect(pickUiLanguage(['pl-PL', 'pl'], ['en', 'pl'])).toBe('pl-PL');
    expect(pickUiLanguage(['de-AT', 'en-GB', 'en'], ['en', 'pl'])).toBe('en-GB');
    expect(pickUiLanguage(['de-AT'], ['en', 'pl'])).toBe('en');
  });

  test("the rep's setting wins, each language on its own; a UI language without a catalogue is ignored", () => {
    expect(resolveLanguages(['en-US'], ['en', 'pl'], { ui: 'pl' })).toEqual({ ui: 'pl', text: 'en-US' });
    expect(resolveLanguages(['en-US'], ['en', 'pl'], { text: 'ro' })).toEqual({ ui: 'en-US', text: 'ro' });
    expect(resolveLanguages(['pl'], ['en', 'pl'], { ui: 'ja', text: 'it' })).toEqual({ ui: 'pl', text: 'it' });
    expect(resolveLanguages([], ['en'])).toEqual({ ui: 'en', text: 'en' });
  });
});

// -------------------------------------------------------------- formats

describe('numbers, money, dates and relative times in the UI locale', () => {
  test('numbers', () => {
    expect(formatNumber(12_500, 'en')).toBe('12,500');
    expect(formatNumber(12_500, 'pl')).toBe(`12${nbsp}500`);
    expect(formatNumber(12_500, 'ru')).toBe(`12${nbsp}500`);
    expect(formatNumber(12_500, 'it')).toBe('12.500');
  });

  test('money: compact with the currency; an unknown currency code stays beside the number', () => {
    expect(formatMoney(1_200_000, 'PLN', 'en')).toBe(`PLN${nbsp}1.2M`);
    expect(formatMoney(1_200_000, 'PLN', 'pl')).toBe(`1,2${nbsp}mln${nbsp}zł`);
    expect(formatMoney(3_400_000, 'EUR', 'it')).toBe(`3,4${nbsp}Mln${nbsp}€`);
    expect(formatMoney(1_200_000, undefined, 'en')).toBe('1.2M');
    expect(formatMoney(1_200_000, 'XYZW', 'en')).toBe('1.2M XYZW');
  });

  test('dates', () => {
    const at = Date.UTC(2025, 2, 14, 9, 5);
    expect(formatDateTime(at, 'en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })).toBe('Mar 14, 2025, 9:05 AM');
    expect(formatDateTime(at, 'pl', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })).toBe('14 mar 2025, 09:05');
  });

  test('time ago, in the UI language', () => {
    const now = Date.UTC(2025, 2, 14, 12, 0);
    expect(timeAgo(now - 20_000, now)).toBe('just now');
    expect(timeAgo(now - 5 * 60_000, now)).toBe('5 min. ago');
    expect(timeAgo(now - 3 * 3_600_000, now)).toBe('3 hr. ago');
    expect(timeAgo(now - 4 * 86_400_000, now)).toBe('4 days ago');
    uiLanguage.value = 'pl';
    expect(timeAgo(now - 5 * 60_000, now)).toBe('5 min temu');
    expect(timeAgo(now - 4 * 86_400_000, now)).toBe('4 dni temu');
    uiLanguage.value = 'ru';
    expect(timeAgo(now - 3 * 3_600_000, now)).toBe('3 ч назад');
  });
});
