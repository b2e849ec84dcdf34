import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, test } from 'vitest';
import { loadAllCatalogues, translate } from '../../lib/i18n';
import { CATALOGUES, type MessageKey } from '../../lib/i18n/messages';
import { FACT_KEYS } from '../../lib/playbook/constants';

// Every catalogue, loaded up front: these tests switch languages synchronously (pages await loadCatalogue).
await loadAllCatalogues();
/** Every English string, the shared ones and each page's. */
const en = CATALOGUES.en as Record<MessageKey, string>;

/**
 * The five UI catalogues (issue 12): complete, well-formed, with each language's
 * plural forms, and the store listing in the same five languages.
 */

const TRANSLATIONS = ['pl', 'ru', 'ro', 'it'] as const;

type Element = { type: number; value?: unknown; options?: Record<string, { value: unknown[] }> };

/** Every element of a message's ICU syntax tree (the parser throws on a malformed message). */
function elementsOf(message: string, locale: string): Element[] {
  const all: Element[] = [];
  const walk = (elements: unknown[]) => {
    for (const element of elements as Element[]) {
      all.push(element);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst());
  return all;
}

/** Argument names (`n`, `version`): whether one is a plural is each language's choice ("…and {n} more"). */
function argumentsOf(message: string, locale: string): string[] {
  const names = elementsOf(message, locale)
    .filter((element) => element.type !== 0 && element.type !== 7 && typeof element.value === 'string') // not literal text, not `#`
    .map((element) => element.value as string);
  return [...new Set(names)].sort();
}

/** The plural branches each `{n, plural, …}` of a message lists. */
function pluralBranches(message: string, locale: string): string[][] {
  // 6 is a plural argument in @formatjs/icu-messageformat-parser's TYPE enum.
  return elementsOf(message, locale)
    .filter((element) => element.type === 6)
    .map((element) => Object.keys(element.options ?? {}).sort());
}

describe('every catalogue is complete', () => {
  test('the UI speaks the five languages of issue 12', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual(['en', 'it', 'pl', 'ro', 'ru']);
  });

  for (const language of TRANSLATIONS) {
    test(`${language}: every English key, no other key, the same placeholders, valid ICU`, () => {
      const catalogue = CATALOGUES[language]!;
      const missing = (Object.keys(en) as MessageKey[]).filter((key) => catalogue[key] === undefined);
      expect(missing, `keys missing in ${language}: they show in English`).toEqual([]);
      const extra = Object.keys(catalogue).filter((key) => !Object.hasOwn(en, key));
      expect(extra, `keys ${language} has and English lacks`).toEqual([]);
      for (const key of Object.keys(en) as MessageKey[]) {
        expect(argumentsOf(catalogue[key]!, language), `${language} ${key}`).toEqual(argumentsOf(en[key], 'en'));
      }
    });

    test(`${language}: every plural lists the forms the language needs for whole numbers`, () => {
      const rules = new Intl.PluralRules(language);
      // The categories whole counts fall into (fractions use `other`, which ICU requires anyway).
      const needed = [...new Set([...Array(1001).keys()].map((n) => rules.select(n))), 'other'];
      const catalogue = CATALOGUES[language]!;
      for (const key of Object.keys(catalogue) as MessageKey[]) {
        for (const branches of pluralBranches(catalogue[key]!, language)) {
          expect(needed.filter((category) => !branches.includes(category)), `${language} ${key}`).toEqual([]);
        }
      }
    });
  }

  test('every fact a rule may use has a label (the studio words them by key: a missing one broke the page)', () => {
    expect(FACT_KEYS.filter((fact) => !Object.hasOwn(en, `fact.${fact}`))).toEqual([]);
  });

  test('the only messages left as in English are names, codes, bare placeholders and shared words (Segment, Quiz)', () => {
    const same = (language: string) =>
      (Object.keys(en) as MessageKey[]).filter((key) => CATALOGUES[language]![key] === en[key]).sort();
    const everywhere = [
      'accounts.because.fact',
      'accounts.crm.dynamics',
      'accounts.crm.hubspot',
      'accounts.crm.pipedrive',
      'accounts.crm.playcard',
      'accounts.crm.salesforce',
      'accounts.crm.zoho',
      'app.name',
      'change.condition.fact',
      'change.field.inLanguage',
      'change.value.changed',
      'glance.toolbar',
      'glance2.evidence.person',
      'learn.card.matrix',
      'learn.card.mixTitle',
      'learn.handout.title',
      'learn.progress.percent',
      'panel.book.because.fact',
      'playbook.reason.failed',
      'playbook.reason.response',
      'studio.rollout.firefox',
      'studio.tab.raw',
    ];
    const segment = ['change.field.segment', 'learn.kind.segment', 'segment.title', 'studio.matrix.segment', 'accounts.col.segment', 'accounts.filter.segment'];
    expect(same('pl')).toEqual(
      [...everywhere, ...segment, 'accounts.because.playbook', 'panel.book.because.playbook', 'change.owner.segment', 'change.thing.segment', 'learn.view.quiz', 'studio.rep.demo'].sort(),
    );
    expect(same('ru')).toEqual(everywhere);
    expect(same('ro')).toEqual([...everywhere, ...segment, 'change.field.id', 'change.field.text', 'studio.rep.demo'].sort());
    expect(same('it')).toEqual(
      [...everywhere, 'change.condition.max', 'change.condition.min', 'change.field.id', 'change.thing.scenario', 'learn.kind.scenario', 'learn.view.quiz', 'studio.rep.demo'].sort(),
    );
  });
});

describe('plural tables on real messages (1, 2, 5, 12, 21, 22, 25, 101)', () => {
  const counts = [1, 2, 5, 12, 21, 22, 25, 101];
  const updated = (language: string) => counts.map((n) => translate(language, 'options.playbook.lastChanges', { from: '1.0', to: '1.1', n }));

  test('Polish: one, few (2-4, 22-24), many (5-21, 25…)', () => {
    expect(updated('pl')).toEqual([
      'Ostatnia aktualizacja, 1.0 → 1.1: 1 zmiana',
      'Ostatnia aktualizacja, 1.0 → 1.1: 2 zmiany',
      'Ostatnia aktualizacja, 1.0 → 1.1: 5 zmian',
      'Ostatnia aktualizacja, 1.0 → 1.1: 12 zmian',
      'Ostatnia aktualizacja, 1.0 → 1.1: 21 zmian',
      'Ostatnia aktualizacja, 1.0 → 1.1: 22 zmiany',
      'Ostatnia aktualizacja, 1.0 → 1.1: 25 zmian',
      'Ostatnia aktualizacja, 1.0 → 1.1: 101 zmian',
    ]);
    expect(counts.map((n) => translate('pl', 'segment.unanswered', { n }))).toEqual([
      '1 pytanie bez odpowiedzi ↓',
      '2 pytania bez odpowiedzi ↓',
      '5 pytań bez odpowiedzi ↓',
      '12 pytań bez odpowiedzi ↓',
      '21 pytań bez odpowiedzi ↓',
      '22 pytania bez odpowiedzi ↓',
      '25 pytań bez odpowiedzi ↓',
      '101 pytań bez odpowiedzi ↓',
    ]);
  });

  test('Russian: one (1, 21, 101), few (2, 22), many (5, 12, 25)', () => {
    expect(updated('ru')).toEqual([
      'Последнее обновление, 1.0 → 1.1: 1 изменение',
      'Последнее обновление, 1.0 → 1.1: 2 изменения',
      'Последнее обновление, 1.0 → 1.1: 5 изменений',
      'Последнее обновление, 1.0 → 1.1: 12 изменений',
      'Последнее обновление, 1.0 → 1.1: 21 изменение',
      'Последнее обновление, 1.0 → 1.1: 22 изменения',
      'Последнее обновление, 1.0 → 1.1: 25 изменений',
      'Последнее обновление, 1.0 → 1.1: 101 изменение',
    ]);
    expect(counts.map((n) => translate('ru', 'segment.points', { points: n }))).toEqual([
      '1 балл',
      '2 балла',
      '5 баллов',
      '12 баллов',
      '21 балл',
      '22 балла',
      '25 баллов',
      '101 балл',
    ]);
  });

  test('Romanian: one, few (2-19, 101), and "de" from 20 on', () => {
    expect(updated('ro')).toEqual([
      'Ultima actualizare, 1.0 → 1.1: 1 modificare',
      'Ultima actualizare, 1.0 → 1.1: 2 modificări',
      'Ultima actualizare, 1.0 → 1.1: 5 modificări',
      'Ultima actualizare, 1.0 → 1.1: 12 modificări',
      'Ultima actualizare, 1.0 → 1.1: 21 de modificări',
      'Ultima actualizare, 1.0 → 1.1: 22 de modificări',
      'Ultima actualizare, 1.0 → 1.1: 25 de modificări',
      'Ultima actualizare, 1.0 → 1.1: 101 modificări',
    ]);
  });

  test('Italian: one and other', () => {
    expect(updated('it')).toEqual([
      'Ultimo aggiornamento, 1.0 → 1.1: 1 modifica',
      'Ultimo aggiornamento, 1.0 → 1.1: 2 modifiche',
      'Ultimo aggiornamento, 1.0 → 1.1: 5 modifiche',
      'Ultimo aggiornamento, 1.0 → 1.1: 12 modifiche',
      'Ultimo aggiornamento, 1.0 → 1.1: 21 modifiche',
      'Ultimo aggiornamento, 1.0 → 1.1: 22 modifiche',
      'Ultimo aggiornamento, 1.0 → 1.1: 25 modifiche',
      'Ultimo aggiornamento, 1.0 → 1.1: 101 modifiche',
    ]);
  });

  test('a regional tag uses its language’s catalogue and its own number format', () => {
    // Polish groups thousands from five digits on, with a non-breaking space.
    expect(translate('pl-PL', 'update.title', { version: '2025.3', n: 12_500 })).toBe('Playbook zaktualizowany do 2025.3: 12\u00a0500 zmian');
    expect(translate('it-IT', 'update.title', { version: '2025.3', n: 12_500 })).toBe('Manuale di vendita aggiornato a 2025.3: 12.500 modifiche');
  });
});

describe('the words of docs/glossary.md', () => {
  test('persona is "type of client", the playbook has its glossary name', () => {
    expect(TRANSLATIONS.map((language) => translate(language, 'persona.title'))).toEqual(['Typ klienta', 'Тип клиента', 'Tip de client', 'Tipo di cliente']);
    expect(TRANSLATIONS.map((language) => translate(language, 'change.thing.playbook'))).toEqual(['Playbook sprzedażowy', 'Книга продаж', 'Ghidul de vânzări', 'Manuale di vendita']);
    expect(TRANSLATIONS.map((language) => translate(language, 'service.title'))).toEqual(['Poziom obsługi', 'Уровень обслуживания', 'Nivel de servire', 'Livello di servizio']);
  });
});

describe('the store listing (_locales) in the five languages', () => {
  const listing = (language: string) =>
    JSON.parse(readFileSync(new URL(`../../public/_locales/${language}/messages.json`, import.meta.url), 'utf8')) as Record<string, { message: string }>;

  test('each has the name, a description within the store’s 132 characters, and the toolbar button’s title', () => {
    for (const language of Object.keys(CATALOGUES)) {
      const messages = listing(language);
      expect(Object.keys(messages).sort(), language).toEqual(['actionTitle', 'description', 'name']);
      expect(messages.name!.message, language).toBe('Playcard');
      expect(messages.description!.message.length, language).toBeLessThanOrEqual(132);
    }
    expect(TRANSLATIONS.map((language) => listing(language).actionTitle!.message)).toEqual([
      'Otwórz Playcard',
      'Открыть Playcard',
      'Deschide Playcard',
      'Apri Playcard',
    ]);
    const descriptions = new Set(Object.keys(CATALOGUES).map((language) => listing(language).description!.message));
    expect(descriptions.size, 'every description is translated').toBe(5);
  });
});
