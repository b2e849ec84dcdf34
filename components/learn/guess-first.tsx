import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { compareGuess, guessReview, type PersonaPick } from '../../lib/learn/guess-first';
import type { ReviewRecord } from '../../lib/learn/ready';
import type { Playbook } from '../../lib/playbook/schema';
import { text } from '../use-text';

/**
 * "Guess first" for the side panel: while `enabled`, the persona suggestion (children) stays
 * hidden until the rep picks a persona; then it shows with whether they agreed, and `onGuess`
 * receives the review to store (saveReview(db, undefined, review)) so it counts in Learn.
 * `accountKey` resets the guess when the panel shows another account.
 */
export function GuessFirst({
  enabled,
  accountKey,
  playbook,
  suggestion,
  onGuess,
  children,
}: {
  enabled: boolean;
  accountKey: string;
  playbook: Playbook;
  suggestion: PersonaPick;
  onGuess: (review: ReviewRecord) => void;
  children: ComponentChildren;
}) {
  const [guess, setGuess] = useState<{ key: string; pick: PersonaPick } | undefined>(undefined);
  const current = guess?.key === accountKey ? guess.pick : undefined;
  if (!enabled) return <>{children}</>;
  if (!current)
    return (
      <section class="card guess" data-testid="guess-first" aria-labelledby="guess-title">
        <h2 id="guess-title">{t('learn.guess.toggle')}</h2>
        <p class="small">{t('learn.guess.prompt')}</p>
        <div class="choose" role="group" aria-label={t('learn.guess.prompt')}>
          {playbook.personas.map((p) => (
            <button
              key={p.id}
              type="button"
              class="choice"
              data-guess={p.id}
              onClick={() => {
                const pick = { primary: p.id };
                setGuess({ key: accountKey, pick });
                const review = guessReview(pick, suggestion, Date.now());
                if (review) onGuess(review);
              }}
            >
              {text(p.label, playbook)}
            </button>
          ))}
        </div>
      </section>
    );
  const outcome = compareGuess(current, suggestion);
  return (
    <>
      <p class={`guess-outcome small ${outcome}`} data-testid="guess-outcome" data-outcome={outcome} role="status">
        {t(`learn.guess.${outcome}`)}
      </p>
      {children}
    </>
  );
}
