import { t } from '../lib/i18n';
import type { PersonaEvidence, PersonaSuggestion } from '../lib/core/persona';
import type { Playbook } from '../lib/playbook/schema';
import { Choice } from './choice';
import { text } from './use-text';

export interface PersonaView {
  primary?: string;
  secondary?: string;
  chosenBy: 'rep' | 'suggestion' | 'none';
  suggestion: PersonaSuggestion;
}

export function PersonaCard({
  persona,
  playbook,
  onChoose,
}: {
  persona: PersonaView;
  playbook: Playbook;
  onChoose: (choice: { primary: string; secondary?: string } | undefined) => void;
}) {
  const byId = (id: string | undefined) => playbook.personas.find((p) => p.id === id);
  const primary = byId(persona.primary);
  const secondary = byId(persona.secondary);
  const { suggestion } = persona;
  return (
    <section class="card" aria-labelledby="persona-title" data-testid="persona">
      <div class="card-head">
        <h2 id="persona-title">{t('persona.title')}</h2>
        <span class="muted small" data-testid="persona-source">
          {persona.chosenBy === 'rep'
            ? t('persona.chosen')
            : persona.chosenBy === 'suggestion'
              ? t('persona.suggested', { confidence: Math.round(suggestion.confidence * 100) })
              : ''}
        </span>
      </div>
      {primary ? (
        <p class="persona-line" data-testid="persona-label" data-primary={primary.id} data-secondary={secondary?.id ?? ''}>
          <span class="badge" style={{ background: primary.colour ?? '#444' }}>{text(primary.label, playbook)}</span>
          {secondary && (
            <>
              <span class="muted"> + </span>
              <span class="badge secondary" style={{ background: secondary.colour ?? '#666' }}>{text(secondary.label, playbook)}</span>
            </>
          )}
        </p>
      ) : (
        <div data-testid="persona-label" data-primary="" data-secondary="">
          <p><strong>{t('persona.none')}</strong></p>
          <p class="small muted">{t('persona.noneHint')}</p>
        </div>
      )}
      {primary && <p class="small">{text(primary.summary, playbook)}</p>}
      {primary && primary.avoid.length > 0 && (
        <div class="avoid small">
          <strong>{t('persona.avoid')}: </strong>
          {primary.avoid.map((item) => text(item, playbook)).join(' · ')}
        </div>
      )}
      {suggestion.evidence.length > 0 && (
        <details class="evidence">
          <summary>{t('persona.evidence')}</summary>
          <ul data-testid="persona-evidence">
            {suggestion.evidence.map((item, index) => (
              <li key={index}>
                <span class="tag">{text(byId(item.personaId)?.label, playbook)}</span> {evidenceLabel(item, playbook)}
                {item.excerpt && <q>{item.excerpt}</q>}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div class="choose" role="group" aria-label={t('persona.choose')}>
        {playbook.personas.map((p) => {
          const isPrimary = p.id === persona.primary && persona.chosenBy === 'rep';
          return (
            <Choice
              key={p.id}
              chosen={isPrimary}
              data={{ persona: p.id }}
              onClick={() => onChoose({ primary: p.id, secondary: persona.secondary !== p.id ? persona.secondary : undefined })}
            >
              {text(p.label, playbook)}
            </Choice>
          );
        })}
      </div>
      {primary && (
        <div class="choose small" role="group" aria-label={t('persona.secondary')}>
          <span class="muted">{t('persona.secondary')}:</span>
          {playbook.personas
            .filter((p) => p.id !== primary.id)
            .map((p) => {
              const isSecondary = p.id === persona.secondary;
              return (
                <Choice
                  key={p.id}
                  chosen={isSecondary}
                  mini
                  data={{ 'secondary-persona': p.id }}
                  onClick={() => onChoose({ primary: primary.id, secondary: isSecondary ? undefined : p.id })}
                >
                  {text(p.label, playbook)}
                </Choice>
              );
            })}
        </div>
      )}
      {persona.chosenBy === 'rep' && (
        <button type="button" class="link" data-testid="persona-reset" onClick={() => onChoose(undefined)}>
          {t('persona.reset')}
        </button>
      )}
    </section>
  );
}

/** What an item of evidence is, in the rep's language: the signal's label, or whom the sentence reads like. */
function evidenceLabel(item: PersonaEvidence, playbook: Playbook): string {
  if (item.kind !== 'classifier') return text(item.signalLabel, playbook);
  if (item.example !== undefined) return t('persona.evidence.writesLike', { example: item.example });
  const persona = playbook.personas.find((p) => p.id === item.personaId);
  return t('persona.evidence.writesLikePersona', { persona: text(persona?.label, playbook) });
}
