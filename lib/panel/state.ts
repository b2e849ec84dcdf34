import { batch, computed, signal } from '@preact/signals';
import { assessAccount } from '../core/assess';
import { factsOf, type Facts } from '../core/facts';
import { forThisCall, type ForThisCall } from '../core/for-this-call';
import type { SegmentStanding } from '../core/segment-standing';
import { suggestPersona, type PersonaSuggestion } from '../core/persona';
import {
  markNoticeSeen,
  noticeOf,
  recentAccounts,
  setAnswer,
  setCheck,
  setPersona,
  statusOf,
  type AccountRecord,
  type MetaRecord,
  type PlaycardDb,
  type RepInput,
  type StoredPlaybook,
  type UpdateNotice,
  type UpdateStatus,
} from '../db';
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
    return key ? async () => (await db.accounts.get(key)) ?? null : undefined;
  }, onError);
  const input = liveSignal<RepInput | null>(() => {
    const key = accountKey.value;
    return key ? async () => (await db.inputs.get(key)) ?? null : undefined;
  }, onError);
  const recent = liveSignal<AccountRecord[]>(() => () => recentAccounts(db, 8), onError);
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
  // Suggestion depends on the page only, not on answers or ticks.
  const suggestion = computed<PersonaSuggestion | undefined>(() =>
    playbook.value ? suggestPersona(text.value, facts.value, playbook.value, storedPlaybook.value.value?.personaModel) : undefined,
  );

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

  function keyOrThrow(): string {
    const key = accountKey.value;
    if (!key) throw new Error('no account is shown');
    return key;
  }

  return {
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
      return setAnswer(db, key, criterionId, optionId).catch(onError);
    },
    choosePersona(choice: { primary: string; secondary?: string } | undefined) {
      return setPersona(db, keyOrThrow(), choice).catch(onError);
    },
    /** The rep picks a primary persona: it replaces the suggestion whole (see choosePrimary). */
    choosePrimaryPersona(personaId: string) {
      const current = assessment.peek()?.persona;
      return current ? setPersona(db, keyOrThrow(), choosePrimary(current, personaId)).catch(onError) : Promise.resolve();
    },
    /** The rep sets or clears the secondary persona, confirming the primary shown. */
    chooseSecondaryPersona(personaId: string | undefined) {
      const current = assessment.peek()?.persona;
      const choice = current && chooseSecondary(current, personaId);
      return choice ? setPersona(db, keyOrThrow(), choice).catch(onError) : Promise.resolve();
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
      book.dispose();
    },
  };
}

export type PanelState = ReturnType<typeof createPanelState>;
