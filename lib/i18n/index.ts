import { signal } from '@preact/signals';
import { CATALOGUES, en, type MessageKey } from './messages';

export { localise } from './local-text';
export type { MessageKey } from './messages';

/** The UI language; components that call `t` re-render when it changes. */
export const uiLanguage = signal<string>('en');

export function translate(language: string, key: MessageKey, params?: Record<string, string | number>): string {
  const base = language.split('-')[0] ?? language;
  const template = CATALOGUES[language]?.[key] ?? CATALOGUES[base]?.[key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(uiLanguage.value, key, params);
}

/** Picks the supported UI language closest to the browser's. */
export function pickLanguage(preferred: readonly string[]): string {
  for (const tag of preferred) {
    const base = tag.split('-')[0]?.toLowerCase() ?? '';
    if (CATALOGUES[tag]) return tag;
    if (CATALOGUES[base]) return base;
  }
  return 'en';
}

/** "5 min ago", for when the cache was last refreshed. */
export function timeAgo(then: number, now = Date.now()): string {
  const minutes = Math.floor((now - then) / 60_000);
  if (minutes < 1) return t('time.justNow');
  if (minutes < 60) return t('time.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('time.hours', { n: hours });
  return t('time.days', { n: Math.floor(hours / 24) });
}
