import type { ComponentChildren } from 'preact';
import { t, uiLanguage } from '../lib/i18n';
import { evidenceLines, type EvidenceSource } from '../lib/panel/evidence';
import type { PersonaEvidence, PersonaSuggestion } from '../lib/core/persona';
import { badgeColours } from '../lib/panel/badge';
import { personaCertainty } from '../lib/panel/persona-choice';
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
  onChoosePrimary,
  onChooseSecondary,
  onReset,
  textSource = { kind: 'notes' },
  evidenceOpen = false,
  children,
}: {
  /** The evidence unfolded: right after a "guess first" guess, the rep checks it against their own reading. */
  evidenceOpen?: boolean;
  /** Shown at the end of the card (the "guess first" switch). */
  children?: ComponentChildren;
  persona: PersonaView;
  /** Whose words the page's text is, to say it under each quote. */
  textSource?: EvidenceSource;
  playbook: Playbook;
  /** Replaces the persona whole: a suggested secondary does not stay (lib/panel/persona-choice.ts). */
  onChoosePrimary: (personaId: string) => void;
  /** Sets or clears the secondary, confirming the primary shown. */
  onChooseSecondary: (personaId: string | undefined) => void;
  /** Back to the suggestion. */
  onReset: () => void;
}) {
  const byId = (id: string | undefined) => playbook.personas.find((p) => p.id === id);
  const primary = byId(persona.primary);
  const secondary = byId(persona.secondary);
  const { suggestion } = persona;
  const certainty = personaCertainty(persona);
  const confidence = Math.round(suggestion.confidence * 100);
  return (
    <section class="card" id="persona" aria-labelledby="persona-title" data-testid="persona">
      <div class="card-head">
        <h2 id="persona-title">{t('persona.title')}</h2>
        <span class="muted small" data-testid="persona-source" data-certainty={certainty}>
          {certainty === 'rep'
            ? t('persona.chosen')
            : certainty === 'confident'
              ? t('persona.confident', { confidence })
              : certainty === 'likely'
                ? t('persona.likely', { confidence })
                : ''}
        </span>
      </div>
      {primary ? (
        <p class="persona-line" data-testid="persona-label" data-primary={primary.id} data-secondary={secondary?.id ?? ''}>
          <span class={`badge${certainty === 'likely' ? ' likely' : ''}`} style={badgeColours(primary.colour)}>
            {certainty === 'likely' ? t('glance.likely', { persona: text(primary.label, playbook) }) : text(primary.label, playbook)}
          </span>
          {secondary && (
            <>
              <span class="muted"> + </span>
              <span class="badge secondary" style={badgeColours(secondary.colour, '#666666')}>{text(secondary.label, playbook)}</span>
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
        <details class="evidence" open={evidenceOpen}>
          <summary>{t('persona.evidence')}</summary>
          <ul data-testid="persona-evidence">
            {evidenceLines(suggestion.evidence, textSource).map(({ item, source }, index) => (
              <li key={index} data-evidence-kind={item.kind}>
                <span class="tag">{text(byId(item.personaId)?.label, playbook)}</span> {evidenceLabel(item, playbook)}
                {item.excerpt && <q>{item.excerpt}</q>}
                <span class="who muted"> {whose(source)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <h3>{t('persona.choose')}</h3>
      <div class="choose" role="group" aria-label={t('persona.choose')}>
        {playbook.personas.map((p) => (
          <Choice
            key={p.id}
            chosen={p.id === persona.primary && persona.chosenBy === 'rep'}
            data={{ persona: p.id }}
            onClick={() => onChoosePrimary(p.id)}
          >
            {text(p.label, playbook)}
          </Choice>
        ))}
      </div>
      {primary && (
        <div class="choose small" role="group" aria-label={t('persona.secondaryExplicit')}>
          <span class="muted">{t('persona.secondaryExplicit')}:</span>
          {playbook.personas
            .filter((p) => p.id !== primary.id)
            .map((p) => {
              // Pressed only when the rep set it: a suggested secondary is shown above, not chosen.
              const isSecondary = p.id === persona.secondary && persona.chosenBy === 'rep';
              return (
                <Choice key={p.id} chosen={isSecondary} mini data={{ 'secondary-persona': p.id }} onClick={() => onChooseSecondary(isSecondary ? undefined : p.id)}>
                  {text(p.label, playbook)}
                </Choice>
              );
            })}
        </div>
      )}
      {persona.chosenBy === 'rep' && (
        <button type="button" class="link" data-testid="persona-reset" onClick={onReset}>
          {t('persona.reset')}
        </button>
      )}
      <details class="learn-personas" data-testid="persona-learn">
        <summary>{t('persona.all')}</summary>
        {playbook.personas.map((p) => (
          <details key={p.id} class="persona-about" data-persona-about={p.id}>
            <summary>{t('persona.read', { persona: text(p.label, playbook) })}</summary>
            <p class="small"><strong>{t('persona.who')}: </strong>{text(p.summary, playbook)}</p>
            {p.traits.length > 0 && (
              <>
                <p class="small"><strong>{t('persona.spot')}:</strong></p>
                <ul class="small traits">
                  {p.traits.map((trait, index) => <li key={index}>{text(trait, playbook)}</li>)}
                </ul>
              </>
            )}
            {p.avoid.length > 0 && (
              <div class="avoid small">
                <strong>{t('persona.avoid')}: </strong>
                {p.avoid.map((item) => text(item, playbook)).join(' · ')}
              </div>
            )}
          </details>
        ))}
      </details>
      {children}
    </section>
  );
}

/** "— Dana Whitfield", "— from the page": whose words a quote is. */
function whose(source: EvidenceSource): string {
  switch (source.kind) {
    case 'page':
      return t('glance2.evidence.page');
    case 'person':
      return t('glance2.evidence.person', { name: source.name });
    case 'people':
      return t('glance2.evidence.people', { names: new Intl.ListFormat(uiLanguage.value, { type: 'conjunction' }).format(source.names) });
    case 'thread':
      return t('glance2.evidence.thread');
    case 'notes':
      return t('glance2.evidence.notes');
  }
}

/** What an item of evidence is, in the rep's language: the signal's label, or whom the sentence reads like. */
function evidenceLabel(item: PersonaEvidence, playbook: Playbook): string {
  if (item.kind !== 'classifier') return text(item.signalLabel, playbook);
  if (item.example !== undefined) return t('persona.evidence.writesLike', { example: item.example });
  const persona = playbook.personas.find((p) => p.id === item.personaId);
  return t('persona.evidence.writesLikePersona', { persona: text(persona?.label, playbook) });
}
