import { suggestPersona } from '../core/persona';
import { checkPin, effectiveSegment, type PinCheck } from '../accounts/pins';
import { describeMove, scoreAccount } from '../accounts/score';
import type { AccountScore, ChangeCause, HistoryEntry } from '../accounts/types';
import type { Playbook } from '../playbook/schema';
import type { PlaycardDb, StoredPlaybook } from './database';

// The book: every account's last scored state (`scores`), its moves (`history`) and the rep's
// pins. Scoring happens where the data changes: the background after a page read and after a
// playbook activation, the page that wrote an answer or imported a file. Each account is
// re-scored inside one transaction with its score, so two contexts cannot record a move twice.

/** The active playbook's identity; a playbook active before schema v2 has no hash yet. */
const hashOf = (active: StoredPlaybook) => active.hash ?? `version:${active.version}`;

/** Rows re-scored per transaction: small enough that a page read never waits long behind them. */
const CHUNK = 250;

/**
 * Re-scores accounts and records a history entry for each whose segment or persona moved.
 * Returns the entries written. Accounts not stored are skipped.
 */
export async function rescore(db: PlaycardDb, keys: readonly string[], cause: ChangeCause, now = Date.now()): Promise<HistoryEntry[]> {
  const written: HistoryEntry[] = [];
  const previousPlaybooks = new Map<string, Playbook | undefined>();
  for (let start = 0; start < keys.length; start += CHUNK) {
    const chunk = keys.slice(start, start + CHUNK);
    await db.transaction('rw', [db.accounts, db.inputs, db.playbooks, db.playbookHistory, db.scores, db.history], async () => {
      const active = await db.playbooks.get('active');
      if (!active) return;
      const scoring = { playbook: active.playbook, hash: hashOf(active) };
      const [accounts, inputs, befores] = await Promise.all([db.accounts.bulkGet(chunk), db.inputs.bulkGet(chunk), db.scores.bulkGet(chunk)]);
      const scores: AccountScore[] = [];
      const entries: HistoryEntry[] = [];
      for (let i = 0; i < chunk.length; i++) {
        const account = accounts[i];
        if (!account) continue;
        const before = befores[i];
        const after = scoreAccount(account, inputs[i], scoring, suggestPersona, now);
        let previousPlaybook: Playbook | undefined;
        if (before && before.playbookHash !== after.playbookHash) {
          if (!previousPlaybooks.has(before.playbookHash))
            previousPlaybooks.set(before.playbookHash, (await db.playbookHistory.where('hash').equals(before.playbookHash).last())?.playbook);
          previousPlaybook = previousPlaybooks.get(before.playbookHash);
        }
        const entry = describeMove(before, after, cause, { previousPlaybook, playbook: active.playbook });
        if (entry?.segment) after.lastMove = { at: entry.at, from: entry.segment.from, to: entry.segment.to };
        else if (before?.lastMove) after.lastMove = before.lastMove;
        if (entry) entries.push(entry);
        scores.push(after);
      }
      await db.scores.bulkPut(scores);
      if (entries.length) await db.history.bulkAdd(entries);
      written.push(...entries);
    });
  }
  return written;
}

/**
 * Scores every account that has no score yet (read before schema v5, or never scored) and
 * re-scores those scored under another playbook. The background runs it at start and after
 * each playbook activation; moves it finds are the playbook's.
 */
export async function refreshBook(db: PlaycardDb, now = Date.now()): Promise<number> {
  const active = await db.playbooks.get('active');
  if (!active) return 0;
  const hash = hashOf(active);
  const [accountKeys, scoredKeys, staleKeys] = await Promise.all([
    db.accounts.toCollection().primaryKeys(),
    db.scores.toCollection().primaryKeys(),
    db.scores.where('playbookHash').notEqual(hash).primaryKeys(),
  ]);
  const scored = new Set(scoredKeys);
  const keys = [...staleKeys, ...accountKeys.filter((key) => !scored.has(key))];
  if (keys.length) await rescore(db, keys, { kind: 'playbook' }, now);
  return keys.length;
}

/** An account's history, newest first. */
export function historyOf(db: PlaycardDb, key: string): Promise<HistoryEntry[]> {
  return db.history.where('key').equals(key).reverse().sortBy('at');
}

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
