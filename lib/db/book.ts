import { suggestPersona, type PersonaModel, type PersonaSuggestion } from '../core/persona';
import { checkPin, effectiveSegment, type PinCheck } from '../accounts/pins';
import { describeMove, rememberingSuggest, scoreAccount, type ScoredAccount, type ScoredInput } from '../accounts/score';
import type { AccountScore, ChangeCause, HistoryEntry } from '../accounts/types';
import { rememberingSegment, type SegmentScorer } from '../core/assess';
import { factsOf, type Facts } from '../core/facts';
import { suggestionBasis } from '../core/suggestion-basis';
import type { Playbook } from '../playbook/schema';
import { freshSuggestion, playbookIdentity, type PlaycardDb, type StoredPlaybook, type StoredSuggestion } from './database';
import { accountsOf } from './accounts';
import { storedPersonaModel } from './playbooks';

// The book: every account's last scored state (`scores`), its moves (`history`) and the rep's
// pins. Scoring happens where the data changes: the background after a page read and after a
// playbook activation, the page that wrote an answer or imported a file. Each account is
// re-scored against the score it read, so two contexts cannot record one move twice.

/** The active playbook as scoring needs it, with the persona suggestion its stored model makes. */
export interface Scoring {
  hash: string;
  playbook: Playbook;
  segmentOf: SegmentScorer;
  suggest: (text: string, facts: Facts, playbook: Playbook) => PersonaSuggestion;
}

/**
 * The active playbook as one object per version, with its stored persona model (trained once,
 * when the playbook became active): every read from IndexedDB makes a new playbook object.
 */
let scoringCache: Scoring | undefined;
function scoringFor(active: StoredPlaybook, model: PersonaModel | undefined): Scoring {
  const hash = playbookIdentity(active);
  if (scoringCache?.hash !== hash) {
    scoringCache = {
      hash,
      playbook: active.playbook,
      segmentOf: rememberingSegment(active.playbook),
      suggest: rememberingSuggest(active.playbook, (text, facts, playbook) => suggestPersona(text, facts, playbook, model)),
    };
  }
  return scoringCache;
}

/** The stored model, read only when this context has not scored with this playbook yet. Inside a transaction that includes personaModels, or none. */
async function modelUnlessCached(db: PlaycardDb, active: StoredPlaybook): Promise<PersonaModel | undefined> {
  return scoringCache?.hash === playbookIdentity(active) ? undefined : storedPersonaModel(db, active);
}

/** Accounts re-scored per round: a round's reads and writes are short, so a page read never waits long behind them. */
const CHUNK = 100;

/** The active playbook, as scoring needs it; undefined before the background installed one. */
export async function activeScoring(db: PlaycardDb): Promise<Scoring | undefined> {
  const active = await db.playbooks.get('active');
  return active && scoringFor(active, await modelUnlessCached(db, active));
}

/**
 * Loads, into `known`, the playbooks the given scores were computed with when they are not the
 * active one (to tell which thresholds a new playbook changed). Call inside a transaction that
 * includes `playbookHistory`.
 */
export async function loadPreviousPlaybooks(db: PlaycardDb, befores: readonly (AccountScore | undefined)[], activeHash: string, known: Map<string, Playbook | undefined>): Promise<void> {
  for (const before of befores) {
    if (!before || before.playbookHash === activeHash || known.has(before.playbookHash)) continue;
    known.set(before.playbookHash, (await db.playbookHistory.where('hash').equals(before.playbookHash).last())?.playbook);
  }
}

/**
 * Scores one round of accounts (pure: no database): the new scores, the history entries for
 * those that moved, and the keys whose account is gone (a score left behind when an account
 * moved under its domain).
 */
export function scoreRound(
  keys: readonly string[],
  accounts: readonly ((ScoredAccount & { suggested?: StoredSuggestion }) | undefined)[],
  inputs: readonly (ScoredInput | undefined)[],
  befores: readonly (AccountScore | undefined)[],
  scoring: Scoring,
  previousPlaybooks: ReadonlyMap<string, Playbook | undefined>,
  cause: ChangeCause,
  now: number,
): { scores: AccountScore[]; entries: HistoryEntry[]; orphans: string[]; suggestions: SuggestionToStore[] } {
  const scores: AccountScore[] = [];
  const entries: HistoryEntry[] = [];
  const orphans: string[] = [];
  const suggestions: SuggestionToStore[] = [];
  keys.forEach((key, i) => {
    const account = accounts[i];
    const before = befores[i];
    if (!account) {
      if (before) orphans.push(key);
      return;
    }
    // A suggestion the background stored for this very text is reused; one worked out for a page
    // just read is handed back to be stored on its account, for the panel.
    // (The basis, a hash of the text, only when there is a stored suggestion or one to store: an
    // imported account has neither.)
    const text = account.snapshot.text ?? '';
    const facts = factsOf(account.snapshot);
    const basis = account.suggested || cause.kind === 'page' ? suggestionBasis(text, facts) : '';
    let suggestion = account.suggested ? freshSuggestion(account.suggested, scoring.hash, basis) : undefined;
    if (!suggestion) {
      suggestion = scoring.suggest(text, facts, scoring.playbook);
      if (cause.kind === 'page') suggestions.push({ key, seenAt: account.seenAt, suggested: { playbookHash: scoring.hash, basis, suggestion } });
    }
    const found = suggestion;
    const after = scoreAccount(account, inputs[i], scoring, () => found, now);
    const previousPlaybook = before ? previousPlaybooks.get(before.playbookHash) : undefined;
    const entry = describeMove(before, after, cause, { previousPlaybook, playbook: scoring.playbook });
    if (entry?.segment) after.lastMove = { at: entry.at, from: entry.segment.from, to: entry.segment.to };
    else if (before?.lastMove) after.lastMove = before.lastMove;
    if (entry) entries.push(entry);
    scores.push(after);
  });
  return { scores, entries, orphans, suggestions };
}

/** A suggestion to store on its account, unless a newer read (another seenAt) replaced the account meanwhile. */
export interface SuggestionToStore {
  key: string;
  seenAt: number;
  suggested: StoredSuggestion;
}

/**
 * Re-scores accounts and records a history entry for each whose segment or persona moved.
 * Returns the entries written.
 *
 * Each round reads in one short transaction, scores outside any transaction (the persona
 * suggestion is the slow part, and a transaction held across it would make a page read wait),
 * then writes in a second transaction that touches only scores and history. A score that
 * another context wrote in between wins: that account is left to the writer that saw newer data.
 */
export async function rescore(db: PlaycardDb, keys: readonly string[], cause: ChangeCause, now = Date.now(), chunkSize = CHUNK): Promise<HistoryEntry[]> {
  const written: HistoryEntry[] = [];
  const previousPlaybooks = new Map<string, Playbook | undefined>();
  for (let start = 0; start < keys.length; start += chunkSize) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const chunk = keys.slice(start, start + chunkSize);
    const read = await db.transaction('r', [db.accounts, db.inputs, db.playbooks, db.playbookHistory, db.scores, db.personaModels], async () => {
      const active = await db.playbooks.get('active');
      // The model is read once per playbook; a worker that just woke reads it instead of training.
      const model = active ? await modelUnlessCached(db, active) : undefined;
      const [records, inputs, befores] = await Promise.all([db.accounts.bulkGet(chunk), db.inputs.bulkGet(chunk), db.scores.bulkGet(chunk)]);
      if (active) await loadPreviousPlaybooks(db, befores, playbookIdentity(active), previousPlaybooks);
      // An import-only account has no record: its row stands for it (it is no orphan).
      const accounts = accountsOf(records, befores);
      return { active, model, accounts, inputs, befores };
    });
    const { active, model, accounts, inputs, befores } = read;
    if (!active) return written;
    const { scores, entries, orphans, suggestions } = scoreRound(chunk, accounts, inputs, befores, scoringFor(active, model), previousPlaybooks, cause, now);
    await db.transaction('rw', [db.scores, db.history, ...(suggestions.length ? [db.accounts] : [])], async () => {
      for (const { key, seenAt, suggested } of suggestions) {
        const current = await db.accounts.get(key);
        if (current?.seenAt === seenAt) await db.accounts.update(key, { suggested });
      }
      const current = await db.scores.bulkGet(scores.map((score) => score.key));
      const expected = new Map(chunk.map((key, i) => [key, befores[i]?.scoredAt]));
      const fresh = scores.filter((score, i) => current[i]?.scoredAt === expected.get(score.key));
      const freshKeys = new Set(fresh.map((score) => score.key));
      const freshEntries = entries.filter((entry) => freshKeys.has(entry.key));
      await db.scores.bulkPut(fresh);
      if (orphans.length) await db.scores.bulkDelete(orphans);
      if (freshEntries.length) await db.history.bulkAdd(freshEntries);
      written.push(...freshEntries);
    });
  }
  return written;
}

/**
 * Scores every account that has no score yet (read before schema v5, imported before a playbook
 * was active, or copied in by a tool) and re-scores those scored under another playbook. The
 * background runs it at start and after each playbook activation; moves it finds are the
 * playbook's. At a start with nothing to do it costs two counts and one index lookup; with
 * import-only accounts (rows without a record, so the counts differ) also a look-up of each
 * record's key among the rows.
 */
export async function refreshBook(db: PlaycardDb, now = Date.now()): Promise<number> {
  const active = await db.playbooks.get('active');
  if (!active) return 0;
  const hash = playbookIdentity(active);
  const [accountCount, scoreCount, staleKeys] = await Promise.all([
    db.accounts.count(),
    db.scores.count(),
    db.scores.where('playbookHash').notEqual(hash).primaryKeys(),
  ]);
  const keys = new Set(staleKeys);
  if (accountCount !== scoreCount) {
    // Only the records' keys are looked up among the rows: a book of 50,000 imported accounts
    // (rows without a record) costs nothing here, only the accounts read from pages do.
    const accountKeys = await db.accounts.toCollection().primaryKeys();
    const scored = new Set(await db.scores.where(':id').anyOf(accountKeys).primaryKeys());
    for (const key of accountKeys) if (!scored.has(key)) keys.add(key);
    // A row without a record is an import-only account, scored and current: nothing to do. (A
    // row an older version left behind when its account moved under its domain goes at its
    // next re-score: rescore deletes a row that stands for no account.)
  }
  if (keys.size) await rescore(db, [...keys], { kind: 'playbook' }, now);
  return keys.size;
}

export { historyOf } from './history';

/**
 * Pins an account to a segment, when the active playbook allows it, with the rep's reason;
 * the pin and its reason enter the history.
 */
export async function pinAccount(db: PlaycardDb, key: string, segment: string, reason: string, now = Date.now()): Promise<PinCheck> {
  return db.transaction('rw', [db.playbooks, db.scores, db.pins, db.history], async () => {
    const active = await db.playbooks.get('active');
    if (!active) return { ok: false, code: 'unknown-segment' } as const;
    const checked = checkPin(active.playbook, segment, reason);
    if (!checked.ok) return checked;
    const score = await db.scores.get(key);
    const previousPin = await db.pins.get(key);
    const from = score ? effectiveSegment(score.segment, previousPin, active.playbook).segment : segment;
    await db.pins.put({ key, ...checked.pin, at: now });
    await db.history.add({ key, at: now, cause: 'pin', segment: { from, to: segment }, facts: [], answers: [], pin: checked.pin });
    return checked;
  });
}

/** Takes a pin back: the account follows its score again; the history keeps the pin. */
export async function unpinAccount(db: PlaycardDb, key: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.scores, db.pins, db.history], async () => {
    const pin = await db.pins.get(key);
    if (!pin) return;
    const score = await db.scores.get(key);
    await db.pins.delete(key);
    await db.history.add({
      key,
      at: now,
      cause: 'unpin',
      ...(score ? { segment: { from: pin.segment, to: score.segment } } : {}),
      facts: [],
      answers: [],
      pin: { segment: pin.segment, reason: pin.reason },
    });
  });
}
