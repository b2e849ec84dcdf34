/**
 * The rep's language override, kept in extension storage so the panel and the
 * options page agree, and applied live when it changes. chrome.i18n cannot do
 * this: it always speaks the browser's language.
 */
import { storage } from 'wxt/utils/storage';
import { loadCatalogue, resolveLanguages, switchLanguages, UI_LANGUAGES } from './index';
import type { LanguageSetting } from './languages';

export const languageSetting = storage.defineItem<LanguageSetting>('local:language', { fallback: {} });

/** Keeps only well-formed fields: storage may hold whatever an older build or a hand edit wrote. */
export function readLanguageSetting(value: unknown): LanguageSetting {
  if (typeof value !== 'object' || value === null) return {};
  const { ui, text } = value as Record<string, unknown>;
  const tag = (v: unknown) => (typeof v === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v) ? v : undefined);
  return { ...(tag(ui) && { ui: tag(ui) }), ...(tag(text) && { text: tag(text) }) };
}

/**
 * Applies the rep's setting (or the browser's languages), then every later change of it, each
 * once its catalogue has loaded: a page that awaits the first one renders in the right language
 * from its first frame, and a change re-words it in one step. Also sets the page's `lang`, which
 * screen readers and hyphenation use. Resolves, with a function that stops following, once the
 * first language is applied.
 */
export async function followLanguageSetting(browserLanguages: readonly string[] = navigator.languages, root: HTMLElement = document.documentElement): Promise<() => void> {
  let latest = 0;
  const apply = async (value: unknown) => {
    const mine = ++latest;
    const setting = readLanguageSetting(value);
    const languages = await switchLanguages(browserLanguages, setting);
    // A later change that loaded faster has already been applied.
    if (mine === latest) root.lang = languages.ui;
  };
  const stop = languageSetting.watch((value) => void apply(value).catch(console.error));
  // Most reps never set a language: the browser's catalogue loads while the setting is read.
  const [stored] = await Promise.all([
    languageSetting.getValue().catch((error: unknown) => (console.error(error), {})),
    loadCatalogue(resolveLanguages(browserLanguages, UI_LANGUAGES).ui).catch(() => undefined),
  ]);
  await apply(stored).catch(console.error);
  return stop;
}
