import { PERSONA_MODEL_FORMAT, trainPersonaModel } from '../core/persona';
import { diffPlaybooks } from '../playbook/diff';
import { sha256OfJson } from '../playbook/hash';
import type { Playbook } from '../playbook/schema';
import { playbookIdentity, type PlaybookSource, type PlaycardDb, type StoredPlaybook, type UpdateNotice } from './database';
import type { PersonaModel } from '../core/persona';

/** Where a playbook about to become active came from. */
export interface PlaybookOrigin {
  /** SHA-256 of the exact bytes (of the JSON for the built-in playbook). */
  hash: string;
  source: PlaybookSource;
  /** The URL or file name. */
  origin?: string;
  /** The key that verified its signature (see PlaybookVersion.signedBy). */
  signedBy?: string;
}

/** How many applied versions the history keeps, besides the newest built-in and imported-file ones. */
export const HISTORY_LIMIT = 50;

/**
 * Keeps the history bounded: the newest HISTORY_LIMIT versions, plus the newest built-in one
 * (to go back to) and the newest imported file (what followSource returns to when the rep
 * drops their URL). Runs inside activate's transaction.
 */
async function pruneHistory(db: PlaycardDb): Promise<void> {
  const total = await db.playbookHistory.count();
  if (total <= HISTORY_LIMIT) return;
  const all = await db.playbookHistory.orderBy('seq').toArray();
  const keep = new Set(all.slice(-HISTORY_LIMIT).map((v) => v.seq));
  for (const source of ['builtin', 'file'] as const) {
    const newest = all.findLast((v) => v.source === source);
    if (newest) keep.add(newest.seq);
  }
  await db.playbookHistory.bulkDelete(all.filter((v) => !keep.has(v.seq)).map((v) => v.seq!));
}

export interface ActivateOptions {
  /** Leave a "playbook updated" notice with the diff for the panel (not for the shipped playbook's own install). */
  announce?: boolean;
  /** Checked inside the transaction: when it says no, nothing is written and the result is undefined. */
  when?: (active: StoredPlaybook | undefined) => boolean;
}

/**
 * The one place a playbook becomes active: every writer (poll, import, rollback, the shipped
 * playbook, later the studio) ends here, in one transaction. It records the version in the
 * history and, when announced, the diff the panel shows. Returns the number of changes.
 */
export async function activate(
  db: PlaycardDb,
  playbook: Playbook,
  from: PlaybookOrigin,
  now: number,
  { announce = true, when }: ActivateOptions = {},
): Promise<number | undefined> {
  // A conditional activation that will not happen must not pay for training.
  if (when && !when(await db.playbooks.get('active'))) return undefined;
  // Trained here, once per activation, outside the transaction (it is CPU work, not I/O).
  const personaModel = trainPersonaModel(playbook);
  return db.transaction('rw', [db.playbooks, db.playbookHistory, db.meta, db.personaModels], async () => {
    const previous = await db.playbooks.get('active');
    if (when && !when(previous)) return undefined;
    const changes = previous && announce ? diffPlaybooks(previous.playbook, playbook) : [];
    await db.playbooks.put({ key: 'active', source: from.source, origin: from.origin, version: playbook.version, playbook, appliedAt: now, hash: from.hash, ...(from.signedBy ? { signedBy: from.signedBy } : {}) });
    // Only the active playbook's model is kept: a rollback trains again (tens of milliseconds).
    await db.personaModels.clear();
    await db.personaModels.put({ hash: from.hash, model: personaModel });
    await db.playbookHistory.add({ hash: from.hash, version: playbook.version, source: from.source, origin: from.origin, playbook, appliedAt: now, ...(from.signedBy ? { signedBy: from.signedBy } : {}) });
    await pruneHistory(db);
    if (announce) {
      const notice: UpdateNotice = { from: previous?.version, to: playbook.version, at: now, changes, seen: false };
      await db.meta.put({ key: 'update-notice', value: notice });
    }
    return changes.length;
  });
}

/**
 * Makes the shipped playbook the active one when no team playbook replaced it,
 * and refreshes it when an extension update ships a new version.
 */
export async function installBuiltinPlaybook(db: PlaycardDb, builtin: Playbook, now = Date.now()): Promise<void> {
  const hash = await sha256OfJson(builtin);
  await activate(db, builtin, { hash, source: 'builtin' }, now, {
    announce: false,
    when: (active) => !active || (active.source === 'builtin' && active.version !== builtin.version),
  });
}

/** The active playbook; undefined before the background installed one. */
export async function activePlaybook(db: PlaycardDb): Promise<StoredPlaybook | undefined> {
  return db.playbooks.get('active');
}

/** The last imported file in the history, to go back to when the rep drops their URL. */
export function lastImportedFile(db: PlaycardDb) {
  return db.playbookHistory.where('appliedAt').above(0).reverse().filter((version) => version.source === 'file').first();
}

/** Puts a playbook active before schema v2 into the history, once. */
export async function ensurePlaybookHistory(db: PlaycardDb): Promise<void> {
  const active = await db.playbooks.get('active');
  if (!active || active.hash) return;
  const hash = await sha256OfJson(active.playbook);
  await db.transaction('rw', db.playbooks, db.playbookHistory, async () => {
    const current = await db.playbooks.get('active');
    if (!current || current.hash) return;
    await db.playbookHistory.add({ hash, version: current.version, source: current.source, origin: current.origin, playbook: current.playbook, appliedAt: current.appliedAt });
    await db.playbooks.update('active', { hash });
  });
}

/** The stored persona model of the active playbook, when there is one of the current format. */
export async function storedPersonaModel(db: PlaycardDb, active: Pick<StoredPlaybook, 'hash' | 'version'>): Promise<PersonaModel | undefined> {
  const stored = await db.personaModels.get(playbookIdentity(active));
  return stored?.model.format === PERSONA_MODEL_FORMAT ? stored.model : undefined;
}

/**
 * Gives the active playbook its persona model when it has none (a playbook activated before
 * models were stored) or one of an older format. Run by the background at start; the panel then
 * never trains. A playbook activated meanwhile already has its own model and is left alone.
 */
export async function ensurePersonaModel(db: PlaycardDb): Promise<void> {
  const active = await db.playbooks.get('active');
  if (!active || (await storedPersonaModel(db, active))) return;
  const model = trainPersonaModel(active.playbook);
  await db.transaction('rw', db.playbooks, db.personaModels, async () => {
    const current = await db.playbooks.get('active');
    if (!current || current.appliedAt !== active.appliedAt || current.hash !== active.hash) return;
    await db.personaModels.clear();
    await db.personaModels.put({ hash: playbookIdentity(current), model });
  });
}
