import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { GuessOutcome, PersonaPick } from '../../lib/learn/guess-first';
import type { Playbook } from '../../lib/playbook/schema';
import { Choice } from '../choice';
import { text } from '../use-text';

// Loaded on demand (components/learn/guess-slot.tsx): only a rep who turned "guess first" on
// ever needs it, so it stays out of the panel's initial JS.

/**
 * "Guess first": in the persona card's place while the persona is hidden. The rep picks the
 * primary persona and, if they like, a secondary one, then checks the guess.
 */
export function GuessPicker({
  playbook,
  onGuess,
  onTurnOff,
}: {
  playbook: Playbook;
  onGuess: (pick: PersonaPick) => void;
  onTurnOff: () => void;
}) {
  const [primary, setPrimary] = useState<string | undefined>(undefined);
  const [secondary, setSecondary] = useState<string | undefined>(undefined);
  return (
    <section class="card guess" id="persona" data-testid="guess-first" aria-labelledby="guess-title">
      <h2 id="guess-title">{t('panel.guess.title')}</h2>
      <p class="small">{t('panel.guess.prompt')}</p>
      <div class="choose" role="group" aria-label={t('panel.guess.primary')}>
        <span class="muted small">{t('panel.guess.primary')}:</span>
        {playbook.personas.map((p) => (
          <Choice
            key={p.id}
            chosen={p.id === primary}
            data={{ guess: p.id }}
            onClick={() => {
              setPrimary(p.id);
              if (secondary === p.id) setSecondary(undefined);
            }}
          >
            {text(p.label, playbook)}
          </Choice>
        ))}
      </div>
      {primary && (
        <div class="choose small" role="group" aria-label={t('panel.guess.secondary')}>
          <span class="muted">{t('panel.guess.secondary')}:</span>
          {playbook.personas
            .filter((p) => p.id !== primary)
            .map((p) => (
              <Choice key={p.id} mini chosen={p.id === secondary} data={{ 'guess-secondary': p.id }} onClick={() => setSecondary(secondary === p.id ? undefined : p.id)}>
                {text(p.label, playbook)}
              </Choice>
            ))}
        </div>
      )}
      <p class="guess-actions">
        <button
          type="button"
          class="primary"
          disabled={!primary}
          data-testid="guess-check"
          onClick={() => primary && onGuess(secondary ? { primary, secondary } : { primary })}
        >
          {t('panel.guess.check')}
        </button>{' '}
        <button type="button" class="link small" onClick={onTurnOff} data-testid="guess-off">
          {t('panel.guess.off')}
        </button>
      </p>
    </section>
  );
}

/** After the guess: what the rep picked, and whether the suggestion (shown below it, evidence open) agrees. */
export function GuessOutcomeLine({ guess, outcome, playbook }: { guess: PersonaPick; outcome: GuessOutcome; playbook: Playbook }) {
  const label = (id: string | undefined) => text(playbook.personas.find((p) => p.id === id)?.label, playbook);
  const mine = guess.secondary ? `${label(guess.primary)} + ${label(guess.secondary)}` : label(guess.primary);
  return (
    <p class={`card guess-outcome small ${outcome}`} data-testid="guess-outcome" data-outcome={outcome} role="status">
      <strong>{t('panel.guess.yours', { guess: mine })}</strong> {t(`panel.guess.${outcome}`)}
    </p>
  );
}
