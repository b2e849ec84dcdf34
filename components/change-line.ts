import { t, uiLanguage } from '../lib/i18n';
import type { PlaybookChange } from '../lib/playbook/changes';
import { describeChange, namesByLabel } from '../lib/playbook/change-text';
import type { Playbook } from '../lib/playbook/schema';

const WHEN_KEYS = { before: 'checklist.when.before', during: 'checklist.when.during', after: 'checklist.when.after' } as const;

function whenText(when: string): string {
  return when in WHEN_KEYS ? t(WHEN_KEYS[when as keyof typeof WHEN_KEYS]) : when;
}

/** A playbook change in the rep's language, naming things by their text in `playbook` (the one in use). */
export function changeLine(change: PlaybookChange, playbook: Playbook | undefined): string {
  return describeChange(change, t, namesByLabel(t, playbook, uiLanguage.value, whenText));
}
