// The studio page's state: the draft with its history, its check by the schema, autosave to
// IndexedDB, and the preview of its effect. Components read signals and call actions only.
import { batch, computed, effect, signal } from '@preact/signals';
import { factsOf } from '../core/facts';
import type { DraftBase, PlaycardDb, StoredPlaybook } from '../db/database';
import { loadDraft, saveDraft } from '../db/studio';
import { storedAccounts } from '../db/accounts';
import type { Playbook } from '../playbook/schema';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { record, redo, startHistory, undo, type History, type Json } from './draft';
import { movesBetween, segmentsChunked, type PreviewAccount, type SegmentMove } from './preview';
import type { RecognitionQuality } from './quality';
import type { DraftCheck } from './validate';
import { clearStorageProblem, noteStorageError } from '../storage-problem';

export interface StudioDeps {
  db: PlaycardDb;
  /**
   * The built-in playbook, loaded when needed: a first visit starts from the active playbook
   * (the built-in one, stored), so opening the studio need not parse a 350 kB file.
   */
  builtin: () => Promise<Playbook>;
  onError?: (error: unknown) => void;
  /** Autosave delay after the last edit (ms). */
  saveDelay?: number;
  /**
   * The schema checks the draft this long after the last edit (ms), not on every keystroke:
   * one check of the built-in playbook takes tens of milliseconds, typing must not wait for it.
   */
  checkDelay?: number;
}

export type SaveState = 'idle' | 'pending' | 'saved' | 'failed';

export function createStudioState({ db, builtin, onError = console.error, saveDelay = 300, checkDelay = 120 }: StudioDeps) {
  const history = signal<History | undefined>(undefined);
  const base = signal<DraftBase | undefined>(undefined);
  const active = signal<StoredPlaybook | undefined>(undefined);
  const saveState = signal<SaveState>('idle');
  const doc = computed<Json | undefined>(() => history.value?.present);

  // The schema's check of the draft. Drafts never change in place, so a check is remembered
  // per draft object: undo and redo show theirs at once. The built-in and the active playbook
  // were checked before they were stored, so opening one needs no check at all.
  const checks = new WeakMap<object, DraftCheck>();
  const remembered = (value: Json | undefined) => (value !== null && typeof value === 'object' ? checks.get(value) : undefined);
  const trust = (value: Json, playbook: Playbook) => {
    if (value !== null && typeof value === 'object') checks.set(value, { playbook, errors: [] });
  };
  let builtinLoaded: Promise<Playbook> | undefined;
  const loadBuiltin = () =>
    (builtinLoaded ??= builtin().then((playbook) => {
      trust(playbook as unknown as Json, playbook);
      return playbook;
    }));
  // zod (the schema) loads on the first check, or when the page calls prepareCheck after its first paint.
  let checker: Promise<typeof import('./check-draft')> | undefined;
  const loadChecker = () => (checker ??= import('./check-draft'));
  const checked = signal<DraftCheck | undefined>(undefined);
  let checkTimer: ReturnType<typeof setTimeout> | undefined;
  /** Checks the current draft now (a publish action must not act on a check of an older one). */
  async function checkNow(): Promise<DraftCheck | undefined> {
    if (checkTimer) clearTimeout(checkTimer);
    checkTimer = undefined;
    const current = doc.peek();
    if (current === undefined) return undefined;
    let result = remembered(current);
    if (!result) {
      const { checkDraft } = await loadChecker();
      result = remembered(current) ?? checkDraft(current);
      if (current !== null && typeof current === 'object') checks.set(current, result);
    }
    // An edit made while zod loaded has its own check coming: the header never shows an older draft's.
    if (doc.peek() === current) checked.value = result;
    return result;
  }
  effect(() => {
    const current = doc.value;
    if (current === undefined) return;
    const known = remembered(current);
    if (known) {
      if (checkTimer) clearTimeout(checkTimer);
      checkTimer = undefined;
      checked.value = known;
    } else {
      if (checkTimer) clearTimeout(checkTimer);
      checkTimer = setTimeout(() => void checkNow().catch(onError), checkDelay);
    }
  });
  /** The draft's check: the latest one, at most `checkDelay` behind the draft. */
  const check = computed(() => checked.value);
  /** The last valid state of the draft: previews keep showing it while the lead fixes an error. */
  const lastValid = signal<Playbook | undefined>(undefined);
  effect(() => {
    const playbook = checked.value?.playbook;
    if (playbook) lastValid.value = playbook;
  });

  // Autosave: each edit (re)starts a short timer; leaving the page saves at once.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();
  function saveNow(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const current = doc.peek();
    const from = base.peek();
    if (current === undefined || !from) return saving;
    saving = saving
      .then(() => saveDraft(db, current, from))
      .then(() => {
        if (doc.peek() === current) saveState.value = 'saved';
        clearStorageProblem();
      })
      .catch((error: unknown) => {
        saveState.value = 'failed';
        // The page's storage notice says why in the rep's language (a full disk).
        noteStorageError(error);
        onError(error);
      });
    return saving;
  }
  function scheduleSave(): void {
    saveState.value = 'pending';
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void saveNow(), saveDelay);
  }

  function setDraft(next: Json, from: DraftBase): void {
    batch(() => {
      history.value = startHistory(next);
      base.value = from;
    });
    scheduleSave();
  }

  // Preview: every cached account (with the rep's answers) plus the demo accounts.
  const accounts = signal<PreviewAccount[]>(DEMO_ACCOUNTS.map((a) => ({ ...a, demo: true })));
  // Both sides are scored in chunks: with thousands of cached accounts either takes longer than a frame.
  const activeSegments = signal<string[] | undefined>(undefined);
  let activeScoring = 0;
  effect(() => {
    const playbook = active.value?.playbook;
    const list = accounts.value;
    const run = ++activeScoring;
    if (!playbook) {
      activeSegments.value = undefined;
      return;
    }
    void segmentsChunked(list, playbook, { cancelled: () => run !== activeScoring }).then((segments) => {
      if (segments && run === activeScoring) activeSegments.value = segments;
    });
  });
  const draftSegments = signal<string[] | undefined>(undefined);
  const moves = computed<SegmentMove[]>(() => {
    const before = activeSegments.value;
    const after = draftSegments.value;
    return before && after && after.length === before.length ? movesBetween(accounts.value, before, after) : [];
  });
  let scoring = 0;
  effect(() => {
    const playbook = lastValid.value;
    const list = accounts.value;
    if (!playbook) return;
    const run = ++scoring;
    void segmentsChunked(list, playbook, { cancelled: () => run !== scoring }).then((segments) => {
      if (segments && run === scoring) draftSegments.value = segments;
    });
  });

  const quality = signal<RecognitionQuality | undefined>(undefined);
  const qualityRunning = signal(false);
  let qualityRun = 0;

  return {
    history,
    doc,
    base,
    active,
    check,
    lastValid,
    saveState,
    accounts,
    moves,
    draftSegments,
    quality,
    qualityRunning,
    canUndo: computed(() => (history.value?.past.length ?? 0) > 0),
    canRedo: computed(() => (history.value?.future.length ?? 0) > 0),

    /**
     * Loads the active playbook and the saved draft; with no draft, starts from the active
     * playbook. Only what the editor needs: the cached accounts come after (loadAccounts).
     */
    async load(): Promise<void> {
      const [stored, draft] = await Promise.all([db.playbooks.get('active'), loadDraft(db)]);
      if (stored) trust(stored.playbook as unknown as Json, stored.playbook);
      active.value = stored;
      if (draft) {
        batch(() => {
          history.value = startHistory(draft.doc as Json);
          base.value = draft.base;
          saveState.value = 'saved';
        });
      } else if (stored) setDraft(stored.playbook as unknown as Json, { kind: 'active', version: stored.version });
      else {
        const playbook = await loadBuiltin();
        setDraft(playbook as unknown as Json, { kind: 'builtin', version: playbook.version });
      }
    },
    /** Loads the schema (zod) ahead of the first check: call it once the page has painted. */
    prepareCheck(): Promise<unknown> {
      return loadChecker();
    },
    /** Every account cached in this browser, with the rep's answers, into the preview (the demo accounts stay). */
    async loadAccounts(): Promise<void> {
      // With the accounts known only from imports, which live in their book rows (storedAccounts).
      const [cached, inputs] = await Promise.all([storedAccounts(db), db.inputs.toArray()]);
      const answers = new Map(inputs.map((input) => [input.key, input.answers]));
      accounts.value = [
        ...cached.map((a) => ({ key: a.key, name: a.name, facts: factsOf(a.snapshot), answers: answers.get(a.key) ?? {}, text: a.snapshot.text ?? '', demo: false })),
        ...DEMO_ACCOUNTS.map((a) => ({ ...a, demo: true })),
      ];
    },
    openActive(): void {
      const stored = active.peek();
      if (stored) setDraft(stored.playbook as unknown as Json, { kind: 'active', version: stored.version });
    },
    async openBuiltin(): Promise<void> {
      const playbook = await loadBuiltin();
      setDraft(playbook as unknown as Json, { kind: 'builtin', version: playbook.version });
    },
    /** A file the lead picked, already parsed as JSON (it may be invalid: the studio shows why). */
    openFile(name: string, value: Json): void {
      const version = value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value.version === 'string' ? value.version : '';
      setDraft(value, { kind: 'file', name, version });
    },
    /** One edit. `coalesce` (the field's path) merges typing in one field into one undo step. */
    edit(change: (doc: Json) => Json, coalesce?: string): void {
      const current = history.peek();
      if (!current) return;
      const next = record(current, change(current.present), coalesce);
      if (next === current) return;
      history.value = next;
      scheduleSave();
    },
    undo(): void {
      const current = history.peek();
      if (current && current.past.length) {
        history.value = undo(current);
        scheduleSave();
      }
    },
    redo(): void {
      const current = history.peek();
      if (current && current.future.length) {
        history.value = redo(current);
        scheduleSave();
      }
    },
    saveNow,
    checkNow,
    async measureQuality(): Promise<void> {
      const playbook = (await checkNow())?.playbook;
      if (!playbook) return;
      const run = ++qualityRun;
      qualityRunning.value = true;
      try {
        // Loaded when first asked for: opening the studio does not pay for it.
        const { recognitionQuality } = await import('./quality');
        const result = await recognitionQuality(playbook, { cancelled: () => run !== qualityRun });
        if (result && run === qualityRun) quality.value = result;
      } catch (error) {
        onError(error);
      } finally {
        if (run === qualityRun) qualityRunning.value = false;
      }
    },
    setActive(stored: StoredPlaybook | undefined): void {
      if (stored) trust(stored.playbook as unknown as Json, stored.playbook);
      active.value = stored;
    },
  };
}

export type StudioState = ReturnType<typeof createStudioState>;
