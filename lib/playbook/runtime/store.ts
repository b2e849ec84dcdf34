import { activate, patchStatus, updateStatus, type PlaybookSource, type PlaycardDb, type PlaybookVersion } from '../../db';
import { sha256Hex } from '../hash';
import { loadPlaybookBytes } from '../migrate';
import { verifyPlaybookSignature } from '../signature';
import { rejectionText, type ApplyOutcome, type Rejection } from './outcome';

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

const MAX_ERRORS_SHOWN = 3;

/** Records why an update failed (the last good playbook stays) and answers with the rejection. */
export async function reject(db: PlaycardDb, source: string, reason: Rejection, now = Date.now()): Promise<ApplyOutcome> {
  await patchStatus(db, (status) => ({ ...status, lastCheckAt: now, lastError: { at: now, source, message: rejectionText(reason), reason } }));
  return { status: 'rejected', reason };
}

/** A check succeeded (applied, unchanged or 304): clears the last error. */
export function recordSuccess(db: PlaycardDb, now = Date.now()): Promise<void> {
  return patchStatus(db, ({ lastError: _cleared, ...status }) => ({ ...status, lastCheckAt: now, lastSuccessAt: now }));
}

/**
 * Validates an incoming playbook and makes it the active one. Anything wrong
 * (not JSON, wrong signature, invalid schema) leaves the last good playbook in
 * place and records the reason for the options page and the panel.
 */
export async function applyIncoming(db: PlaycardDb, incoming: IncomingPlaybook, now = Date.now()): Promise<ApplyOutcome> {
  if (incoming.publicKey) {
    if (!incoming.signature) return reject(db, incoming.source, { code: 'unsigned', origin: incoming.origin }, now);
    if (!(await verifyPlaybookSignature(incoming.bytes, incoming.signature, incoming.publicKey)))
      return reject(db, incoming.source, { code: 'bad-signature', origin: incoming.origin }, now);
  }
  const parsed = loadPlaybookBytes(incoming.bytes);
  if (!parsed.ok) {
    const errors = parsed.errors.slice(0, MAX_ERRORS_SHOWN).map((e) => `${e.path}: ${e.message}`);
    return reject(db, incoming.source, { code: 'invalid', errors, more: Math.max(0, parsed.errors.length - MAX_ERRORS_SHOWN) }, now);
  }
  const hash = await sha256Hex(incoming.bytes);
  const active = await db.playbooks.get('active');
  const { heldBack } = await updateStatus(db);
  if (active?.hash === hash || heldBack === hash) {
    await recordSuccess(db, now);
    return { status: 'unchanged', version: active?.version ?? parsed.playbook.version };
  }
  const changes = (await activate(db, parsed.playbook, { hash, source: incoming.source, origin: incoming.origin }, now)) ?? 0;
  await recordSuccess(db, now);
  if (heldBack) await patchStatus(db, ({ heldBack: _released, ...status }) => status);
  return { status: 'applied', version: parsed.playbook.version, changes };
}

/** Makes an earlier version active again; the rollback is itself a new history entry, so it can be undone. */
export async function rollBack(db: PlaycardDb, seq: number, now = Date.now()): Promise<ApplyOutcome> {
  const target = await db.playbookHistory.get(seq);
  if (!target) return { status: 'rejected', reason: { code: 'unknown-version', seq } };
  const current = await db.playbooks.get('active');
  // Until the team publishes something newer, polls must not undo the rollback.
  if (current?.hash && current.hash !== target.hash) await patchStatus(db, (status) => ({ ...status, heldBack: current.hash }));
  return rollBackTo(db, target, now);
}

/** Makes a known version active: a history entry, or the built-in playbook when the rep drops their own source. */
export async function rollBackTo(db: PlaycardDb, target: Omit<PlaybookVersion, 'seq' | 'appliedAt'>, now = Date.now()): Promise<ApplyOutcome> {
  const changes = (await activate(db, target.playbook, { hash: target.hash, source: target.source, origin: target.origin }, now)) ?? 0;
  return { status: 'applied', version: target.version, changes };
}
