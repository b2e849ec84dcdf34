// "Guess first" on a real account: the panel hides its persona suggestion until the rep has
// picked one, then shows the suggestion and whether they agreed. The result counts in Learn.
import type { ReviewRecord } from './ready';

export interface PersonaPick {
  primary?: string;
  secondary?: string;
}

/** `agreed`: same primary persona; `partly`: the guess names the suggestion's other persona; `no-suggestion`: nothing to compare with. */
export type GuessOutcome = 'agreed' | 'partly' | 'disagreed' | 'no-suggestion';

export function compareGuess(guess: PersonaPick, suggestion: PersonaPick): GuessOutcome {
  if (!suggestion.primary) return 'no-suggestion';
  if (guess.primary === suggestion.primary) return 'agreed';
  const theirs = [suggestion.primary, suggestion.secondary];
  const mine = [guess.primary, guess.secondary];
  return mine.some((id) => id !== undefined && theirs.includes(id)) ? 'partly' : 'disagreed';
}

/**
 * The review a guess adds to Learn progress: right when the primary persona agrees, counted
 * for the suggested personas (the persona card of the suggestion). None without a suggestion.
 */
export function guessReview(guess: PersonaPick, suggestion: PersonaPick, now: number): ReviewRecord | undefined {
  const outcome = compareGuess(guess, suggestion);
  if (outcome === 'no-suggestion' || !suggestion.primary) return undefined;
  const correct = outcome === 'agreed';
  return {
    cardId: `persona:${suggestion.primary}`,
    at: now,
    grading: correct ? 'good' : 'again',
    source: 'guess',
    correct,
    personas: [suggestion.primary, suggestion.secondary].filter((id): id is string => id !== undefined),
  };
}
