import type { LocalText } from '../playbook/schema';

/**
 * Picks the text for `language`, then its base language (pt-BR → pt), then the
 * playbook's fallback language, then whatever the author wrote first.
 */
export function localise(text: LocalText | undefined, language: string, fallbackLanguage = 'en'): string {
  if (!text) return '';
  const base = language.split('-')[0] ?? language;
  return text[language] ?? text[base] ?? text[fallbackLanguage] ?? Object.values(text)[0] ?? '';
}
