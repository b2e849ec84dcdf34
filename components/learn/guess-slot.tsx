import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { guessFirstSetting, storedGuesses } from '../../lib/learn/guess-storage';
import { createGuessState, type GuessState } from '../../lib/panel/guess-state';
import type { PanelState } from '../../lib/panel/state';
import type { Playbook } from '../../lib/playbook/schema';

// The panel's hook-ins for "guess first" (lib/panel/guess-state.ts). The views themselves are
// in ./guess-first.tsx, loaded with import() the first time one is needed: the panel's initial
// JS has a budget, and most reps never turn guessing on.

/** The panel's guess state, made once per panel state and let go with the panel. */
export function useGuessFirst(state: PanelState): GuessState {
  const guess = useMemo(() => createGuessState({ db: state.db, panel: state, setting: guessFirstSetting, guesses: storedGuesses }), [state]);
  useEffect(() => () => guess.dispose(), [guess]);
  return guess;
}

type GuessViews = typeof import('./guess-first');
let loaded: GuessViews | undefined;

function useGuessViews(): GuessViews | undefined {
  const [views, setViews] = useState(loaded);
  useEffect(() => {
    if (views) return;
    let live = true;
    import('./guess-first').then(
      (module) => {
        loaded = module;
        if (live) setViews(module);
      },
      (error: unknown) => console.error('Playcard: guess first did not load', error),
    );
    return () => {
      live = false;
    };
  }, [views]);
  return views;
}

/** In the persona card's place while the persona is hidden: the guess. */
export function GuessSlot({ guess, playbook }: { guess: GuessState; playbook: Playbook }) {
  const views = useGuessViews();
  if (!views)
    return (
      <section class="card" id="persona" data-testid="guess-first-loading" aria-busy="true">
        <p class="muted small">{t('panel.loading')}</p>
      </section>
    );
  return <views.GuessPicker playbook={playbook} onGuess={(pick) => void guess.submit(pick)} onTurnOff={() => void guess.setEnabled(false)} />;
}

/** Above the persona card once this account was guessed: the guess and how it compares. */
export function GuessOutcomeSlot({ guess, playbook }: { guess: GuessState; playbook: Playbook }) {
  const views = useGuessViews();
  const mine = guess.guess.value;
  const outcome = guess.outcome.value;
  if (!views || !mine?.primary || !outcome) return null;
  return <views.GuessOutcomeLine guess={mine} outcome={outcome} playbook={playbook} />;
}

/** In the persona card: a new hire turns "guess first" on for the accounts they open next. */
export function GuessToggle({ guess }: { guess: GuessState }) {
  return (
    <label class="guess-toggle small muted">
      <input type="checkbox" checked={guess.enabled.value === true} onChange={(event) => void guess.setEnabled(event.currentTarget.checked)} data-testid="guess-toggle" />{' '}
      {t('panel.guess.toggle')}
    </label>
  );
}
