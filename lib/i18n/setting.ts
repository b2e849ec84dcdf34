/**
 * The rep's language override, kept in extension storage so the panel and the
 * options page agree, and applied live when it changes. chrome.i18n cannot do
 * this: it always speaks the browser's language.
 */
import { storage } from 'wxt/utils/storage';
import { applyLanguages } from './index';
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
 * Applies the browser's languages at once (nothing renders in the wrong language
 * first), then the stored setting, then every later change of it. Also sets the
 * page's `lang`, which screen readers and hyphenation use.
 */
export function followLanguageSetting(browserLanguages: readonly string[] = navigator.languages, root: HTMLElement = document.documentElement): () => void {
  const apply = (value: unknown) => {
    root.lang = applyLanguages(browserLanguages, readLanguageSetting(value)).ui;
  };
  apply({});
  void languageSetting.getValue().then(apply, console.error);
  return languageSetting.watch(apply);
}
