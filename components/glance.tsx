import { t } from '../lib/i18n';
import type { AccountAssessment } from '../lib/core/assess';
import type { PersonaSuggestion } from '../lib/core/persona';
import type { Playbook } from '../lib/playbook/schema';
import { text } from './use-text';

/** The three answers a rep wants in a second: segment, persona, how far through the tactics. */
export function Glance({
  assessment,
  playbook,
  done,
}: {
  assessment: AccountAssessment<PersonaSuggestion>;
  playbook: Playbook;
  done: number;
}) {
  const { segment } = assessment.segment;
  const personas = [assessment.persona.primary, assessment.persona.secondary]
    .map((id) => playbook.personas.find((p) => p.id === id))
    .filter((p) => p !== undefined);
  return (
    <p class="glance" aria-label={t('glance.label')} data-testid="glance">
      <span class="badge" style={{ background: segment.colour ?? '#444' }}>{text(segment.label, playbook)}</span>
      {personas.map((p) => (
        <span key={p.id} class="badge" style={{ background: p.colour ?? '#666' }}>{text(p.label, playbook)}</span>
      ))}
      <span class="muted small">{t('checklist.progress', { done, total: assessment.checklist.length })}</span>
    </p>
  );
}
