import { localise, uiLanguage } from '../lib/i18n';
import type { LocalText, Playbook } from '../lib/playbook/schema';

/** Playbook text in the UI language, falling back as the playbook says. */
export function text(value: LocalText | undefined, playbook: Playbook): string {
  return localise(value, uiLanguage.value, playbook.fallbackLanguage);
}
