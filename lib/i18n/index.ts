import { signal } from '@preact/signals';
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { elapsed, formatRelative } from './format';
import { resolveLanguages, type LanguageSetting, type Languages } from './languages';
import { AREA_LOADERS, CATALOGUE_LOADERS, CATALOGUES, type Area, type Catalogue, type MessageKey } from './messages';

export { localise } from './local-text';
export { formatDateTime, formatMoney, formatNumber, formatRelative } from './format';
export { pickTextLanguage, pickUiLanguage, resolveLanguages, type LanguageSetting, type Languages } from './languages';
export type { Area, MessageKey } from './messages';

/** The UI language and the locale numbers and dates are formatted in; components that call `t` re-render when it changes. */
export const uiLanguage = signal<string>('en');

/** The language playbook text is shown in; it may have no UI catalogue (see ./languages.ts). */
export const textLanguage = signal<string>('en');

/** Languages the UI has a catalogue for. */
export const UI_LANGUAGES: readonly string[] = ['en', ...Object.keys(CATALOGUE_LOADERS)];

/** What each loaded piece is: `pl` (a language's shared strings) or `pl/studio` (a page's). */
const loading = new Map<string, Promise<void>>();

function loadOnce(id: string, language: string, load: (() => Promise<Catalogue>) | undefined): Promise<void> {
  if (!load) return Promise.resolve();
  let pending = loading.get(id);
  if (!pending) {
    pending = load().then((catalogue) => void Object.assign((CATALOGUES[language] ??= {}), catalogue));
    // A failed fetch (an extension updated under an open page) may be retried by the next call.
    pending.catch(() => loading.delete(id));
    loading.set(id, pending);
  }
  return pending;
}

/** The areas this page shows (see pageAreas). */
const areas = new Set<Area>();

/**
 * Declares the page's own strings (the studio's, Learn's, ...): loadCatalogue then loads them in
 * English and in the rep's language. An entry point calls it before it follows the language.
 */
export function pageAreas(...wanted: Area[]): void {
  for (const area of wanted) areas.add(area);
}

/**
 * Fetches what `language` (or its base language: `pl-PL` → `pl`) needs on this page, once: its
 * shared strings and the page's areas, and the areas' English. Resolves at once for a language
 * without a catalogue (it is shown in English).
 */
export function loadCatalogue(language: string): Promise<void> {
  const base = language.split('-')[0]!.toLowerCase();
  const own = CATALOGUE_LOADERS[base] ? base : 'en';
  const pieces: Promise<void>[] = [];
  if (own !== 'en') pieces.push(loadOnce(own, own, CATALOGUE_LOADERS[own]));
  for (const area of areas) {
    pieces.push(loadOnce(`en/${area}`, 'en', AREA_LOADERS[area].en));
    if (own !== 'en') pieces.push(loadOnce(`${own}/${area}`, own, AREA_LOADERS[area][own]));
  }
  return Promise.all(pieces).then(() => undefined);
}

/** Every string in every language (tests and scripts that check the catalogues). */
export function loadAllCatalogues(): Promise<void> {
  pageAreas(...(Object.keys(AREA_LOADERS) as Area[]));
  return Promise.all(UI_LANGUAGES.map(loadCatalogue)).then(() => undefined);
}

/** Sets both languages from the browser's list and the rep's setting once the UI language's catalogue is loaded. */
export async function switchLanguages(browserLanguages: readonly string[], setting: LanguageSetting = {}): Promise<Languages> {
  await loadCatalogue(resolveLanguages(browserLanguages, UI_LANGUAGES, setting).ui);
  return applyLanguages(browserLanguages, setting);
}

export type MessageParams = Record<string, string | number>;

/** Sets both languages from the browser's list and the rep's setting; a catalogue not loaded yet shows English (see switchLanguages). */
export function applyLanguages(browserLanguages: readonly string[], setting: LanguageSetting = {}): Languages {
  const languages = resolveLanguages(browserLanguages, UI_LANGUAGES, setting);
  uiLanguage.value = languages.ui;
  textLanguage.value = languages.text;
  return languages;
}

/**
 * A catalogue entry as it reaches the code: the ICU source in the repository and in unit tests;
 * in the built extension, the syntax tree the build parsed it into (scripts/build/precompile-messages.ts).
 */
type Message = string | MessageFormatElement[];

const compiled = new Map<string, IntlMessageFormat>();
const compiledTrees = new WeakMap<MessageFormatElement[], Map<string, IntlMessageFormat>>();

function compile(message: Message, locale: string): IntlMessageFormat {
  if (typeof message === 'string') {
    const key = `${locale}\u0000${message}`;
    let format = compiled.get(key);
    if (!format) compiled.set(key, (format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true })));
    return format;
  }
  let byLocale = compiledTrees.get(message);
  if (!byLocale) compiledTrees.set(message, (byLocale = new Map()));
  let format = byLocale.get(locale);
  if (!format) byLocale.set(locale, (format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true })));
  return format;
}

/**
 * Formats an ICU MessageFormat message (`{n, plural, one {# change} other {# changes}}`)
 * with `locale`'s plural rules and number formats. Tags stay literal text: nothing here is HTML.
 */
export function formatMessage(message: Message, locale: string, params?: MessageParams): string {
  const formatted = compile(message, locale).format(params);
  return Array.isArray(formatted) ? formatted.join('') : String(formatted);
}

/** A catalogue's entry: typed as its source string, a syntax tree once built (see Message). */
const entryOf = (language: string, key: MessageKey): Message => CATALOGUES[language]![key] as Message;

/** The catalogue that holds `key` for `language`: the tag's own, its base language's (pt-BR → pt), or English. */
function catalogueFor(language: string, key: MessageKey): string {
  const base = language.split('-')[0]!.toLowerCase();
  if (CATALOGUES[language]?.[key] !== undefined) return language;
  if (CATALOGUES[base]?.[key] !== undefined) return base;
  return 'en';
}

export function translate(language: string, key: MessageKey, params?: MessageParams): string {
  if (CATALOGUES.en?.[key] === undefined) {
    // A page's string asked for on a page that did not declare its area (pageAreas): a bug the
    // e2e runs catch in the console; the rep sees the key, not a blank panel.
    console.error(`Playcard: no catalogue loaded for "${key}"`);
    return key;
  }
  const source = catalogueFor(language, key);
  // English text is formatted with English plural rules even when the rep's locale is another.
  const locale = source === 'en' && !language.toLowerCase().startsWith('en') ? 'en' : language;
  try {
    return formatMessage(entryOf(source, key), locale, params);
  } catch (error) {
    // A broken translation must not blank the panel: show the English message (the catalogue test flags the broken one).
    if (source === 'en') throw error;
    return formatMessage(entryOf('en', key), 'en', params);
  }
}

export function t(key: MessageKey, params?: MessageParams): string {
  return translate(uiLanguage.value, key, params);
}

/** "5 min. ago" in the UI's locale, for when an account was seen or a playbook checked. */
export function timeAgo(then: number, now = Date.now()): string {
  const ago = elapsed(then, now);
  return ago ? formatRelative(ago.value, ago.unit, uiLanguage.value) : t('time.justNow');
}
