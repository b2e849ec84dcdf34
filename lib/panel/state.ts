import { batch, computed, effect, signal } from '@preact/signals';
import { assessAccount } from '../core/assess';
import { factsOf, type Facts } from '../core/facts';
import { forThisCall, type ForThisCall } from '../core/for-this-call';
import type { SegmentStanding } from '../core/segment-standing';
import type { PersonaSuggestion } from '../core/persona';
import { suggestionBasis } from '../core/suggestion-basis';
// From the modules themselves, not the '../db' index: the index also leads to the book's scoring
// and the playbook runtime, which the bundler would then load with every panel.
import { recentAccounts, storedAccount } from '../db/accounts';
import { freshSuggestion, playbookIdentity, type AccountRecord, type MetaRecord, type PlaycardDb, type RepInput, type StoredPlaybook, type UpdateNotice, type UpdateStatus } from '../db/database';
import { setAnswer, setCheck, setPersona } from '../db/inputs';
import { markNoticeSeen, noticeOf, statusOf } from '../db/meta';
import type { Playbook, When } from '../playbook/schema';
import type { TabState } from '../tab-state';
import { liveSignal } from './live';
import { clearStorageProblem, noteStorageError } from '../storage-problem';
import { choosePrimary, chooseSecondary } from './persona-choice';
import { applyPin } from '../accounts/pins';
import { createBookPanelState } from './book-state';

/** A value that belongs to one account: read back only while that account is shown. */
type ForAccount<T> = { key: string; value: T } | undefined;

export interface PanelDeps {
  db: PlaycardDb;
  onError?: (error: unknown) => void;
}

/** What the followed tab shows, before we know the account. */
export type TabView =
  | { kind: 'waiting' }
  | { kind: 'none' }
  /** The tab's content script is still reading (the page settles): no report yet. */
  | { kind: 'reading'; siteLabel?: string }
  | { kind: 'state'; state: TabState };

/**
 * The panel's whole state: signals in, derived values out, and the actions a
 * rep can take. Components only read it and call the actions, so tests can
 * build one over a fake-indexeddb database.
 */
export function createPanelState({ db, onError = console.error }: PanelDeps) {
  const storedPlaybook = liveSignal<StoredPlaybook | null>(() => async () => (await db.playbooks.get('active')) ?? null, onError);
  /** Undefined until the background has installed one. */
  const playbook = computed<Playbook | undefined>(() => storedPlaybook.value.value?.playbook);
  const tab = signal<TabView>({ kind: 'waiting' });
  /** An account the rep opened from the recent list; wins over the tab until they go back. */
  const pinnedKey = signal<string | undefined>(undefined);

  const tabAccountKey = computed(() => {
    const view = tab.value;
    return view.kind === 'state' && view.state.status === 'ok' ? view.state.accountKey : undefined;
  });
  const accountKey = computed(() => pinnedKey.value ?? tabAccountKey.value);

  const account = liveSignal<AccountRecord | null>(() => {
    const key = accountKey.value;
    // An import-only account has no record: storedAccount rebuilds it from its book row.
    return key ? async () => (await storedAccount(db, key)) ?? null : undefined;
  }, onError);
  const input = liveSignal<RepInput | null>(() => {
    const key = accountKey.value;
    return key ? async () => (await db.inputs.get(key)) ?? null : undefined;
  }, onError);
  // Shown only while no account is: with one shown, each page read elsewhere would re-read eight whole records.
  const recent = liveSignal<AccountRecord[]>(() => (accountKey.value ? undefined : () => recentAccounts(db, 8)), onError);
  const meta = liveSignal<MetaRecord[]>(() => () => db.meta.toArray(), onError);
  const notice = computed<UpdateNotice | undefined>(() => {
    const latest = noticeOf(meta.value.value);
    return latest && !latest.seen ? latest : undefined;
  });
  /**
   * A failed update that nothing since has settled: no later success cleared it, and no playbook
   * was activated after it (a rollback activates one but leaves `lastError` for the options page).
   */
  const updateError = computed<NonNullable<UpdateStatus['lastError']> | undefined>(() => {
    const error = statusOf(meta.value.value).lastError;
    const activeSince = storedPlaybook.value.value?.appliedAt;
    return error && !(activeSince !== undefined && activeSince > error.at) ? error : undefined;
  });

  const facts = computed<Facts>(() => factsOf(account.value.value?.snapshot));
  const text = computed(() => account.value.value?.snapshot.text ?? '');

  // The persona suggestion depends on the page only, not on answers or ticks. The background
  // works it out after each read and stores it on the account; this panel works it out itself
  // only for a page the background has not finished with (a first visit) or an account read
  // under another playbook. The suggestion code and the 2 MB model load then, on demand.
  const playbookHash = computed(() => {
    const active = storedPlaybook.value.value;
    return active ? playbookIdentity(active) : undefined;
  });
  const basis = computed(() => suggestionBasis(text.value, facts.value));
  const storedSuggestion = computed(() => freshSuggestion(account.value.value?.suggested, playbookHash.value, basis.value));
  const workedOut = signal<{ id: string; suggestion: PersonaSuggestion } | undefined>(undefined);
  let suggester: { hash: string; suggest: Promise<(text: string, facts: Facts, rules: Playbook) => PersonaSuggestion> } | undefined;
  const suggesterFor = (hash: string) => {
    if (suggester?.hash !== hash) {
      const active = storedPlaybook.value.peek();
      // suggestPersona checks the stored model fits (format, personas) and trains one when not.
      const stored = active ? db.personaModels.get(playbookIdentity(active)) : undefined;
      const suggest = Promise.all([import('../core/persona'), stored]).then(
        ([{ suggestPersona }, record]) =>
          (words: string, pageFacts: Facts, rules: Playbook) =>
            suggestPersona(words, pageFacts, rules, record?.model),
      );
      suggester = { hash, suggest };
    }
    return suggester.suggest;
  };
  const disposeSuggesting = effect(() => {
    const rules = playbook.value;
    const hash = playbookHash.value;
    if (!rules || !hash || !account.value.value || storedSuggestion.value) return;
    const id = `${hash}|${basis.value}`;
    if (workedOut.peek()?.id === id) return;
    const [words, pageFacts] = [text.value, facts.value];
    let stale = false;
    suggesterFor(hash).then((suggest) => {
      if (!stale) workedOut.value = { id, suggestion: suggest(words, pageFacts, rules) };
    }, onError);
    return () => {
      stale = true;
    };
  });
  const suggestion = computed<PersonaSuggestion | undefined>(() => {
    if (!playbook.value) return undefined;
    const worked = workedOut.value;
    return storedSuggestion.value ?? (worked && worked.id === `${playbookHash.value}|${basis.value}` ? worked.suggestion : undefined);
  });

  // My accounts: the rep's pin decides the segment shown (lib/panel/book-state.ts).
  const book = createBookPanelState({ db, accountKey, playbook, onError });
  const assessment = computed(() => {
    const current = account.value.value;
    const rules = playbook.value;
    const suggested = suggestion.value;
    if (!current || !rules || !suggested || !book.loaded.value) return undefined;
    const rep = input.value.value;
    const scored = assessAccount(
      { facts: facts.value, answers: rep?.answers ?? {}, text: text.value, personaOverride: rep?.persona },
      rules,
      () => suggested,
    );
    return applyPin(scored, book.pin.value, rules);
  });

  const checks = computed(() => input.value.value?.checks ?? {});
  /** Ticked tactics the current playbook no longer has: kept and shown, never silently dropped. */
  const archivedChecks = computed(() => {
    const rules = playbook.value;
    if (!rules) return [];
    const known = new Set([...rules.personas, ...rules.segmentation.segments].flatMap((owner) => owner.tactics.map((t) => t.id)));
    return Object.entries(checks.value)
      .filter(([id, check]) => !known.has(id) && check.done && check.text)
      .map(([id, check]) => ({ id, text: check.text!, at: check.at }));
  });

  const standing = computed<SegmentStanding | undefined>(() => assessment.value?.standing);

  const mine = <T>(entry: ForAccount<T>): T | undefined => (entry && entry.key === accountKey.value ? entry.value : undefined);
  /** The phase the rep picked for "For this call"; forgotten when another account is shown. */
  const chosenPhase = signal<ForAccount<When>>(undefined);
  /** Tactics ticked in this panel for this account: they stay where they were ticked. */
  const tickedHere = signal<ForAccount<ReadonlySet<string>>>(undefined);
  const forCall = computed<ForThisCall | undefined>(() => {
    const current = assessment.value;
    if (!current) return undefined;
    const done = checks.value;
    const phase = mine(chosenPhase.value);
    // The checklist holds the segment's tactics only once the segment is scored (assessAccount).
    return forThisCall(current.checklist, (id) => done[id]?.done === true, {
      ...(phase ? { phase } : {}),
      keep: mine(tickedHere.value) ?? new Set(),
    });
  });

  /** The segment before the rep's last answer, to say what that answer did ("→ now Growth"). */
  const lastAnswer = signal<ForAccount<{ criterionId: string; segmentId: string; scored: boolean }>>(undefined);
  const answerEffect = computed(() => {
    const before = mine(lastAnswer.value);
    const now = assessment.value?.segment;
    const nowStanding = standing.value;
    if (!before || !now || !nowStanding) return undefined;
    const changed = before.segmentId !== now.segment.id || before.scored !== nowStanding.scored;
    return { criterionId: before.criterionId, changed, scored: nowStanding.scored, segment: now.segment, points: now.points };
  });
  /** Questions shown at the top: the deciding ones while unscored, and those the rep answered there, so an answer never jumps away. */
  const answeredAtTop = signal<ForAccount<readonly string[]>>(undefined);
  const topQuestions = computed<string[]>(() => {
    const current = standing.value;
    if (!current) return [];
    const kept = mine(answeredAtTop.value) ?? [];
    const deciding = current.scored ? [] : current.deciding.map((c) => c.id);
    return [...new Set([...kept, ...deciding])];
  });

  /** A rep's write: a failure (a full disk) is shown to the rep (storageProblem), a success clears it. */
  function stored(write: Promise<unknown>): Promise<void> {
    return write.then(clearStorageProblem, (error: unknown) => {
      noteStorageError(error);
      onError(error);
    });
  }

  function keyOrThrow(): string {
    const key = accountKey.value;
    if (!key) throw new Error('no account is shown');
    return key;
  }

  return {
    db,
    playbook,
    tab,
    pinnedKey,
    accountKey,
    tabAccountKey,
    account: account.value,
    input: input.value,
    recent: recent.value,
    facts,
    suggestion,
    assessment,
    checks,
    archivedChecks,
    notice,
    updateError,
    standing,
    forCall,
    answerEffect,
    topQuestions,
    activeVersion: computed(() => storedPlaybook.value.value?.version),
    book,

    showTab(view: TabView) {
      const before = tabAccountKey.peek();
      batch(() => {
        tab.value = view;
        // Moving to another account in the tab releases the pin: the panel follows the tab again.
        const after = tabAccountKey.peek();
        if (after !== undefined && after !== before) pinnedKey.value = undefined;
      });
    },
    /** The tab's reader says it is still reading: shown only while no report has come for the tab. */
    showReading(siteLabel: string | undefined) {
      if (tab.peek().kind !== 'none') return;
      tab.value = siteLabel ? { kind: 'reading', siteLabel } : { kind: 'reading' };
    },
    openAccount(key: string) {
      pinnedKey.value = key;
    },
    backToTab() {
      pinnedKey.value = undefined;
    },
    answer(criterionId: string, optionId: string | undefined) {
      const key = keyOrThrow();
      const segment = assessment.peek()?.segment.segment.id;
      const scored = standing.peek()?.scored ?? false;
      batch(() => {
        if (segment !== undefined) lastAnswer.value = { key, value: { criterionId, segmentId: segment, scored } };
        if (topQuestions.peek().includes(criterionId)) answeredAtTop.value = { key, value: topQuestions.peek() };
      });
      return stored(setAnswer(db, key, criterionId, optionId));
    },
    choosePersona(choice: { primary: string; secondary?: string } | undefined) {
      return stored(setPersona(db, keyOrThrow(), choice));
    },
    /** The rep picks a primary persona: it replaces the suggestion whole (see choosePrimary). */
    choosePrimaryPersona(personaId: string) {
      const current = assessment.peek()?.persona;
      return current ? stored(setPersona(db, keyOrThrow(), choosePrimary(current, personaId))) : Promise.resolve();
    },
    /** The rep sets or clears the secondary persona, confirming the primary shown. */
    chooseSecondaryPersona(personaId: string | undefined) {
      const current = assessment.peek()?.persona;
      const choice = current && chooseSecondary(current, personaId);
      return choice ? stored(setPersona(db, keyOrThrow(), choice)) : Promise.resolve();
    },
    choosePhase(phase: When) {
      chosenPhase.value = { key: keyOrThrow(), value: phase };
    },
    dismissNotice() {
      return markNoticeSeen(db).catch(onError);
    },
    toggleTactic(tacticId: string, done: boolean) {
      const key = keyOrThrow();
      if (done) tickedHere.value = { key, value: new Set([...(mine(tickedHere.peek()) ?? []), tacticId]) };
      const item = assessment.peek()?.checklist.find((i) => i.id === tacticId);
      // Resolves false when nothing was stored (a full disk): the row puts its box back and the
      // rep is told why (storageProblem); a ticked box with nothing behind it is a lie.
      return setCheck(db, key, tacticId, done, Date.now(), item?.text).then(
        () => (clearStorageProblem(), true),
        (error: unknown) => {
          noteStorageError(error);
          if (done) tickedHere.value = { key, value: new Set([...(mine(tickedHere.peek()) ?? [])].filter((id) => id !== tacticId)) };
          onError(error);
          return false;
        },
      );
    },
    dispose() {
      account.dispose();
      input.dispose();
      recent.dispose();
      storedPlaybook.dispose();
      meta.dispose();
      disposeSuggesting();
      book.dispose();
    },
  };
}

export type PanelState = ReturnType<typeof createPanelState>;
