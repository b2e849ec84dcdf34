import { localise, textLanguage } from '../lib/i18n';
import type { LocalText, Playbook } from '../lib/playbook/schema';

/** Playbook text in the rep's text language (which may have no UI catalogue), falling back as the playbook says. */
export function text(value: LocalText | undefined, playbook: Playbook): string {
  return localise(value, textLanguage.value, playbook.fallbackLanguage);
}
