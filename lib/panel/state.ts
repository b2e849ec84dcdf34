import { batch, computed, signal } from '@preact/signals';
import { assessAccount } from '../core/assess';
import { factsOf, type Facts } from '../core/facts';
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
import type { Playbook } from '../playbook/schema';
import type { TabState } from '../tab-state';
import { liveSignal } from './live';

export interface PanelDeps {
  db: PlaycardDb;
  onError?: (error: unknown) => void;
}

/** What the followed tab shows, before we know the account. */
export type TabView =
  | { kind: 'waiting' }
  | { kind: 'none' }
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
  /** A failed update that no later success has cleared: the last good playbook is still in use. */
  const updateError = computed<NonNullable<UpdateStatus['lastError']> | undefined>(() => statusOf(meta.value.value).lastError);

  const facts = computed<Facts>(() => factsOf(account.value.value?.snapshot));
  const text = computed(() => account.value.value?.snapshot.text ?? '');
  // Suggestion depends on the page only, not on answers or ticks.
  const suggestion = computed<PersonaSuggestion | undefined>(() =>
    playbook.value ? suggestPersona(text.value, facts.value, playbook.value) : undefined,
  );

  const assessment = computed(() => {
    const current = account.value.value;
    const rules = playbook.value;
    const suggested = suggestion.value;
    if (!current || !rules || !suggested) return undefined;
    const rep = input.value.value;
    return assessAccount(
      { facts: facts.value, answers: rep?.answers ?? {}, text: text.value, personaOverride: rep?.persona },
      rules,
      () => suggested,
    );
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
    activeVersion: computed(() => storedPlaybook.value.value?.version),

    showTab(view: TabView) {
      const before = tabAccountKey.peek();
      batch(() => {
        tab.value = view;
        // Moving to another account in the tab releases the pin: the panel follows the tab again.
        const after = tabAccountKey.peek();
        if (after !== undefined && after !== before) pinnedKey.value = undefined;
      });
    },
    openAccount(key: string) {
      pinnedKey.value = key;
    },
    backToTab() {
      pinnedKey.value = undefined;
    },
    answer(criterionId: string, optionId: string | undefined) {
      return setAnswer(db, keyOrThrow(), criterionId, optionId).catch(onError);
    },
    choosePersona(choice: { primary: string; secondary?: string } | undefined) {
      return setPersona(db, keyOrThrow(), choice).catch(onError);
    },
    dismissNotice() {
      return markNoticeSeen(db).catch(onError);
    },
    toggleTactic(tacticId: string, done: boolean) {
      const item = assessment.peek()?.checklist.find((i) => i.id === tacticId);
      return setCheck(db, keyOrThrow(), tacticId, done, Date.now(), item?.text).catch(onError);
    },
    dispose() {
      account.dispose();
      input.dispose();
      recent.dispose();
      storedPlaybook.dispose();
      meta.dispose();
    },
  };
}

export type PanelState = ReturnType<typeof createPanelState>;
