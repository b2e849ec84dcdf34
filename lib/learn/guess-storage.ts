// Where "guess first" keeps its setting and the rep's guesses: browser storage (local), so the
// side panel and the Learn page share them and a guess survives a panel reload or a restart.
import { storage } from 'wxt/utils/storage';
import type { StoredGuess } from '../panel/guess-state';

/** The rep's choice (Learn page or the panel's persona card): hide the persona until they guess. Off by default. */
export const guessFirstSetting = storage.defineItem<boolean>('local:learnGuessFirst', { fallback: false });

/** The rep's guess per account key, so an account is not asked (and counted) twice. */
export const storedGuesses = storage.defineItem<Record<string, StoredGuess>>('local:learnGuesses', { fallback: {} });
