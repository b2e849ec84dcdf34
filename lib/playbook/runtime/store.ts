import { activate, patchStatus, updateStatus, type PlaybookSource, type PlaycardDb, type PlaybookVersion } from '../../db';
import { sha256Hex } from '../hash';
import { loadPlaybookBytes } from '../migrate';
import { keyIdOf, parsePublicKeys, verifySignatureFile } from '../signature';
import { compareVersions } from '../version-order';
import { rejectionText, type ApplyOutcome, type Rejection } from './outcome';

/** What arrived, from where, and what it must satisfy. */
export interface IncomingPlaybook {
  /** The exact bytes of the file or response: what a signature covers. */
  bytes: Uint8Array;
  source: Exclude<PlaybookSource, 'builtin'>;
  /** The URL or file name, shown on the options page. */
  origin: string;
  /** When set, the playbook is applied only with a valid `signature` by this key (or one of two, during a rotation). */
  publicKey?: string;
  /** The `.sig` text (either format), or null when none was found. */
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
  const refuse = (reason: Rejection) => reject(db, incoming.source, reason, now);
  const keys = parsePublicKeys(incoming.publicKey);
  let signedBy: string | undefined;
  let claims: { id: string; version: string } | undefined;
  if (keys.length > 0) {
    if (!incoming.signature) return refuse({ code: 'unsigned', origin: incoming.origin });
    const verdict = await verifySignatureFile(incoming.bytes, incoming.signature, keys);
    if (!verdict.ok)
      return refuse(verdict.problem === 'malformed' ? { code: 'malformed-signature', origin: incoming.origin } : { code: 'bad-signature', origin: incoming.origin });
    signedBy = verdict.keyId;
    claims = verdict.claims;
  }
  let parsed: ReturnType<typeof loadPlaybookBytes>;
  try {
    parsed = loadPlaybookBytes(incoming.bytes);
  } catch (error) {
    // Nothing in the loader should throw; if it does, the failure is still recorded.
    parsed = { ok: false, errors: [{ path: '(root)', message: error instanceof Error ? error.message : String(error) }] };
  }
  if (!parsed.ok) {
    const errors = parsed.errors.slice(0, MAX_ERRORS_SHOWN).map((e) => `${e.path}: ${e.message}`);
    return refuse({ code: 'invalid', errors, more: Math.max(0, parsed.errors.length - MAX_ERRORS_SHOWN) });
  }
  const { playbook } = parsed;
  // A format-2 signature names the playbook it was made for: a signature for another file is no signature.
  if (claims && (claims.id !== playbook.id || claims.version !== playbook.version))
    return refuse({ code: 'bad-signature', origin: incoming.origin });
  const hash = await sha256Hex(incoming.bytes);
  const active = await db.playbooks.get('active');
  const { heldBack } = await updateStatus(db);
  if (active?.hash === hash || heldBack === hash) {
    await recordSuccess(db, now);
    return { status: 'unchanged', version: active?.version ?? playbook.version };
  }
  // Freshness: once a signed playbook is in use, whoever controls the host, a CDN or a cache
  // must not be able to serve last year's signed file, or another team's signed with the same key.
  if (signedBy && active?.signedBy) {
    if (active.origin === incoming.origin && active.playbook.id !== playbook.id)
      return refuse({ code: 'other-playbook', origin: incoming.origin, id: playbook.id, active: active.playbook.id });
    if (active.playbook.id === playbook.id && compareVersions(playbook.version, active.version) < 0)
      return refuse({ code: 'older-version', origin: incoming.origin, version: playbook.version, active: active.version });
  }
  const changes = (await activate(db, playbook, { hash, source: incoming.source, origin: incoming.origin, signedBy }, now)) ?? 0;
  await recordSuccess(db, now);
  if (heldBack) await patchStatus(db, ({ heldBack: _released, ...status }) => status);
  return { status: 'applied', version: playbook.version, changes };
}

/** Makes an earlier version active again; the rollback is itself a new history entry, so it can be undone. */
export async function rollBack(db: PlaycardDb, seq: number, now = Date.now(), publicKey?: string): Promise<ApplyOutcome> {
  const target = await db.playbookHistory.get(seq);
  if (!target) return { status: 'rejected', reason: { code: 'unknown-version', seq } };
  // History keeps the parsed playbook, not its bytes, so it cannot be verified again; the key id
  // stored when it arrived must belong to a key trusted now (a rotated-out key no longer counts).
  // The built-in playbook ships with the extension and needs no key.
  const keys = parsePublicKeys(publicKey);
  if (keys.length > 0 && target.source !== 'builtin') {
    const trusted = await Promise.all(keys.map(keyIdOf));
    if (!target.signedBy || !trusted.includes(target.signedBy)) return { status: 'rejected', reason: { code: 'untrusted-version', seq } };
  }
  // One transaction (activate's joins it): a rollback that fails (a full disk) must not leave the
  // version still in use marked as held back.
  return db.transaction('rw', [db.playbooks, db.playbookHistory, db.meta, db.personaModels], async () => {
    const current = await db.playbooks.get('active');
    // Until the team publishes something newer, polls must not undo the rollback.
    if (current?.hash && current.hash !== target.hash) await patchStatus(db, (status) => ({ ...status, heldBack: current.hash }));
    return rollBackTo(db, target, now);
  });
}

/** Makes a known version active: a history entry, or the built-in playbook when the rep drops their own source. */
export async function rollBackTo(db: PlaycardDb, target: Omit<PlaybookVersion, 'seq' | 'appliedAt'>, now = Date.now()): Promise<ApplyOutcome> {
  const changes = (await activate(db, target.playbook, { hash: target.hash, source: target.source, origin: target.origin, signedBy: target.signedBy }, now)) ?? 0;
  return { status: 'applied', version: target.version, changes };
}
