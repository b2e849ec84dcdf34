// "Guess first" in the side panel (issue 10): a new hire who turned it on sees no persona for an
// account until they have guessed it. This module decides what the panel may show meanwhile, and
// keeps the guesses; the panel's own state (./state.ts) stays unaware of it.
//
// What would give the persona away, and how each is kept back while the guess is pending:
//   - the header's persona badge and the persona card (suggestion, evidence): not rendered;
//   - the persona's tactics, in "For this call" and in "All tactics" (their "For: Expert" line,
//     and even their number): left out, so only the segment's tactics show, with a line saying why;
//   - the update notice's "this account" tag on persona changes: given no persona to match.
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Segment } from '../playbook/schema';
import type { AccountAssessment } from '../core/assess';
import { forThisCall, type ForThisCall } from '../core/for-this-call';
import type { PersonaSuggestion } from '../core/persona';
// From the module itself, not the '../db' index, which would bring the book's scoring into the panel.
import type { PlaycardDb } from '../db/database';
import { saveReview } from '../db/learn';
import { compareGuess, guessReview, type GuessOutcome, type PersonaPick } from '../learn/guess-first';

/** A guess on an account; without `primary`, the account was in view when guessing was turned on (seen, not guessed). */
export interface StoredGuess extends PersonaPick {
  at: number;
}

/** The slice of a wxt storage item this module uses (so tests and other pages can hand in their own). */
export interface StoredValue<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

/** The panel state's signals this module reads (lib/panel/state.ts). */
export interface PanelView {
  accountKey: ReadonlySignal<string | undefined>;
  /** With the segment the score gave when a pin overrides it (applyPin). */
  assessment: ReadonlySignal<(AccountAssessment<PersonaSuggestion> & { scoredSegment?: Segment }) | undefined>;
  forCall: ReadonlySignal<ForThisCall | undefined>;
  checks: ReadonlySignal<Record<string, { done: boolean }>>;
}

/** Guesses kept: enough for months of accounts, small enough to read at every panel start. */
export const KEPT_GUESSES = 500;

/** The persona the panel suggests (what the rep's guess is compared with): none when it shows none. */
export function suggestionOf(assessment: AccountAssessment<PersonaSuggestion>): PersonaPick {
  const { persona } = assessment;
  if (persona.chosenBy === 'none' || persona.primary === undefined) return {};
  return persona.secondary === undefined ? { primary: persona.primary } : { primary: persona.primary, secondary: persona.secondary };
}

/**
 * The assessment as the panel may show it before the guess: no persona, no persona evidence or
 * scores, and only the segment's tactics.
 */
export function withoutPersona<A extends AccountAssessment<PersonaSuggestion>>(assessment: A): A {
  return {
    ...assessment,
    persona: { chosenBy: 'none', suggestion: { confidence: 0, scores: {}, evidence: [] } },
    checklist: assessment.checklist.filter((item) => item.source.kind !== 'persona'),
  };
}

/** Adds a guess and keeps the newest KEPT_GUESSES. */
export function withGuess(guesses: Record<string, StoredGuess>, key: string, guess: StoredGuess): Record<string, StoredGuess> {
  const entries = Object.entries({ ...guesses, [key]: guess }).sort(([, a], [, b]) => b.at - a.at);
  return Object.fromEntries(entries.slice(0, KEPT_GUESSES));
}

export function createGuessState({
  db,
  panel,
  setting,
  guesses: guessStore,
  clock = Date.now,
  onError = console.error,
}: {
  db: PlaycardDb;
  panel: PanelView;
  setting: StoredValue<boolean>;
  guesses: StoredValue<Record<string, StoredGuess>>;
  clock?: () => number;
  onError?: (error: unknown) => void;
}) {
  /** Undefined until read: the panel waits for it, so the persona never flashes before it hides. */
  const enabled = signal<boolean | undefined>(undefined);
  const guesses = signal<Record<string, StoredGuess> | undefined>(undefined);
  const stopSetting = setting.watch((value) => (enabled.value = value));
  const stopGuesses = guessStore.watch((value) => (guesses.value = value));
  setting.getValue().then((value) => (enabled.value = value), onError);
  guessStore.getValue().then((value) => (guesses.value = value), onError);

  const ready = computed(() => enabled.value === false || (enabled.value === true && guesses.value !== undefined));
  const guess = computed<StoredGuess | undefined>(() => {
    const key = panel.accountKey.value;
    return key === undefined ? undefined : guesses.value?.[key];
  });
  /**
   * The persona stays hidden: the setting is on (or not read yet), and the rep has neither guessed
   * this account nor chosen its persona themselves (their own choice is theirs to see).
   */
  const hidden = computed(() => enabled.value !== false && guess.value === undefined && panel.assessment.value?.persona.chosenBy !== 'rep');
  /** Shown right after a guess on this account: the comparison with the suggestion. */
  const outcome = computed<GuessOutcome | undefined>(() => {
    const current = guess.value;
    const assessment = panel.assessment.value;
    return enabled.value && current?.primary && assessment ? compareGuess(current, suggestionOf(assessment)) : undefined;
  });
  const assessment = computed(() => {
    const full = panel.assessment.value;
    return full && hidden.value ? withoutPersona(full) : full;
  });
  /** "For this call" from the segment's tactics alone, in the phase the panel is in, keeping what was just ticked. */
  const forCall = computed<ForThisCall | undefined>(() => {
    const full = panel.forCall.value;
    const shown = assessment.value;
    if (!hidden.value || !full || !shown) return full;
    const checks = panel.checks.value;
    const keep = new Set(full.items.filter((item) => checks[item.id]?.done).map((item) => item.id));
    return forThisCall(shown.checklist, (id) => checks[id]?.done === true, { phase: full.phase, keep });
  });

  return {
    ready,
    enabled,
    hidden,
    guess,
    outcome,
    /** The assessment the panel renders: without the persona while it is hidden. */
    assessment,
    forCall,
    /** The rep's guess: reveals the persona and counts in Learn (a review, right when the primary agrees). */
    async submit(pick: PersonaPick): Promise<void> {
      const key = panel.accountKey.peek();
      const full = panel.assessment.peek();
      if (!key || !full || !pick.primary) return;
      const at = clock();
      const next = withGuess(guesses.peek() ?? {}, key, { ...pick, at });
      guesses.value = next;
      const review = guessReview(pick, suggestionOf(full), at);
      try {
        await guessStore.setValue(next);
        if (review) await saveReview(db, undefined, review);
      } catch (error) {
        onError(error);
      }
    },
    /**
     * Turns guessing on or off. Turned on while an account's persona is in view, that account
     * counts as seen (no pick): asking for a guess about what the rep just read would teach nothing.
     */
    async setEnabled(value: boolean): Promise<void> {
      const key = panel.accountKey.peek();
      const seen = value && enabled.peek() === false && key !== undefined && guess.peek() === undefined;
      enabled.value = value;
      try {
        if (seen) {
          const next = withGuess(guesses.peek() ?? {}, key, { at: clock() });
          guesses.value = next;
          await guessStore.setValue(next);
        }
        await setting.setValue(value);
      } catch (error) {
        onError(error);
      }
    },
    dispose() {
      stopSetting();
      stopGuesses();
    },
  };
}

export type GuessState = ReturnType<typeof createGuessState>;
