import { sha256Hex, statusOf, type PlaybookSource, type PlaycardDb, type UpdateNotice, type UpdateStatus } from './db';
import { diffPlaybooks } from './playbook/diff';
import { loadPlaybookBytes } from './playbook/migrate';
import type { Playbook } from './playbook/schema';
import { verifyPlaybookSignature } from './playbook/signature';

/** What arrived, from where, and what it must satisfy. */
export interface IncomingPlaybook {
  /** The exact bytes of the file or response: what a signature covers. */
  bytes: Uint8Array;
  source: Exclude<PlaybookSource, 'builtin'>;
  /** The URL or file name, shown on the options page. */
  origin: string;
  /** When set, the playbook is applied only with a valid `signature` by this key. */
  publicKey?: string;
  /** Detached base64 signature, or null when none was found. */
  signature?: string | null;
}

export type ApplyOutcome =
  | { status: 'applied'; version: string; changes: number }
  | { status: 'unchanged'; version: string }
  | { status: 'rejected'; message: string };

const MAX_ERRORS_SHOWN = 3;

/**
 * Validates an incoming playbook and makes it the active one. Anything wrong
 * (not JSON, wrong signature, invalid schema) leaves the last good playbook in
 * place and records the reason for the options page and the panel.
 */
export async function applyIncoming(db: PlaycardDb, incoming: IncomingPlaybook, now = Date.now()): Promise<ApplyOutcome> {
  const reject = async (message: string): Promise<ApplyOutcome> => {
    await recordError(db, incoming.source, message, now);
    return { status: 'rejected', message };
  };

  if (incoming.publicKey) {
    if (!incoming.signature) return reject(`no signature was found for ${incoming.origin}, and your team requires signed playbooks`);
    if (!(await verifyPlaybookSignature(incoming.bytes, incoming.signature, incoming.publicKey)))
      return reject(`the signature of ${incoming.origin} does not match the team's public key: the file was changed or signed with another key`);
  }
  const parsed = loadPlaybookBytes(incoming.bytes);
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, MAX_ERRORS_SHOWN).map((e) => `${e.path}: ${e.message}`);
    const more = parsed.errors.length > MAX_ERRORS_SHOWN ? ` (and ${parsed.errors.length - MAX_ERRORS_SHOWN} more)` : '';
    return reject(`the playbook is not valid: ${shown.join('; ')}${more}`);
  }
  const hash = await sha256Hex(incoming.bytes);
  const active = await db.playbooks.get('active');
  const { heldBack } = await updateStatus(db);
  if (active?.hash === hash || heldBack === hash) {
    await recordSuccess(db, now);
    return { status: 'unchanged', version: active?.version ?? parsed.playbook.version };
  }
  const changes = await activate(db, parsed.playbook, { hash, source: incoming.source, origin: incoming.origin }, now);
  await recordSuccess(db, now);
  if (heldBack) await patchStatus(db, ({ heldBack: _released, ...status }) => status);
  return { status: 'applied', version: parsed.playbook.version, changes };
}

/** Makes an earlier version active again; the rollback is itself a new history entry, so it can be undone. */
export async function rollBack(db: PlaycardDb, seq: number, now = Date.now()): Promise<ApplyOutcome> {
  const target = await db.playbookHistory.get(seq);
  if (!target) return { status: 'rejected', message: `no playbook version #${seq}` };
  const current = await db.playbooks.get('active');
  // Until the team publishes something newer, polls must not undo the rollback.
  if (current?.hash && current.hash !== target.hash) await patchStatus(db, (status) => ({ ...status, heldBack: current.hash }));
  return rollBackTo(db, target, now);
}

/** Makes a known version active: a history entry, or the built-in playbook when the rep drops their own source. */
export async function rollBackTo(
  db: PlaycardDb,
  target: { hash: string; version: string; source: PlaybookSource; origin?: string; playbook: Playbook },
  now = Date.now(),
): Promise<ApplyOutcome> {
  const changes = await activate(db, target.playbook, { hash: target.hash, source: target.source, origin: target.origin }, now);
  return { status: 'applied', version: target.version, changes };
}

async function activate(
  db: PlaycardDb,
  playbook: Playbook,
  from: { hash: string; source: PlaybookSource; origin?: string },
  now: number,
): Promise<number> {
  return db.transaction('rw', db.playbooks, db.playbookHistory, db.meta, async () => {
    const previous = await db.playbooks.get('active');
    const changes = previous ? diffPlaybooks(previous.playbook, playbook) : [];
    await db.playbooks.put({ key: 'active', source: from.source, origin: from.origin, version: playbook.version, playbook, appliedAt: now, hash: from.hash });
    await db.playbookHistory.add({ hash: from.hash, version: playbook.version, source: from.source, origin: from.origin, playbook, appliedAt: now });
    const notice: UpdateNotice = { from: previous?.version, to: playbook.version, at: now, changes, seen: false };
    await db.meta.put({ key: 'update-notice', value: notice });
    return changes.length;
  });
}

export async function updateStatus(db: PlaycardDb): Promise<UpdateStatus> {
  const record = await db.meta.get('update-status');
  return statusOf(record ? [record] : []);
}

async function patchStatus(db: PlaycardDb, change: (status: UpdateStatus) => UpdateStatus): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: 'update-status', value: change(await updateStatus(db)) });
  });
}

export function recordError(db: PlaycardDb, source: string, message: string, now = Date.now()): Promise<void> {
  return patchStatus(db, (status) => ({ ...status, lastCheckAt: now, lastError: { at: now, source, message } }));
}

function recordSuccess(db: PlaycardDb, now: number): Promise<void> {
  return patchStatus(db, ({ lastError: _cleared, ...status }) => ({ ...status, lastCheckAt: now, lastSuccessAt: now }));
}

/** A 304 or an unchanged file: the check succeeded, nothing to apply. */
export function recordNotModified(db: PlaycardDb, now = Date.now()): Promise<void> {
  return recordSuccess(db, now);
}

