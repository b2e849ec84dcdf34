import { lastImportedFile, type PlaycardDb } from '../../db';
import { checkResponse, MAX_PLAYBOOK_BYTES, signatureUrl, type SourceResolution } from '../fetch-rules';
import { sha256OfJson } from '../hash';
import type { Playbook } from '../schema';
import type { PollOutcome, Rejection } from './outcome';
import { applyIncoming, recordSuccess, reject, rollBackTo } from './store';

export interface PollDeps {
  db: PlaycardDb;
  /** Injected so tests can answer with 200, 304, 404, HTML, a hang... */
  fetch: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
  /** Tests only: accept http://localhost playbooks. */
  allowInsecureLocal?: boolean;
}

const MAX_SIGNATURE_BYTES = 4096;

/**
 * Reads a body but stops at `cap` bytes, so an endless or huge response cannot
 * fill memory; returns null when it is over.
 */
async function readCapped(response: Response, cap: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer()).slice(0, cap + 1);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function failureOf(url: string, error: unknown, timeoutMs: number): Rejection {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return { code: 'timeout', url, seconds: Math.round(timeoutMs / 1000) };
  return { code: 'unreachable', url, detail: error instanceof Error ? error.message : String(error) };
}

/**
 * One poll of a playbook URL: a conditional GET, every safety rule on the
 * response, the signature when a key is set, then applyIncoming. Whatever
 * fails, the last good playbook stays and the reason is recorded.
 */
export async function pollPlaybook(deps: PollDeps, target: { url: string; source: 'url' | 'policy'; publicKey?: string }): Promise<PollOutcome> {
  const { db, now = Date.now, timeoutMs = 20_000 } = deps;
  const rules = { allowInsecureLocal: deps.allowInsecureLocal };
  const fail = (reason: Rejection): Promise<PollOutcome> => reject(db, target.source, reason, now());

  let response: Response;
  try {
    // `no-cache` makes the browser revalidate with the ETag / Last-Modified it stored, so an
    // unchanged file costs a 304 on the wire. Setting If-None-Match by hand would make the
    // request "non-simple" and cost a CORS preflight that many static hosts do not answer.
    response = await deps.fetch(target.url, { credentials: 'omit', cache: 'no-cache', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return fail(failureOf(target.url, error, timeoutMs));
  }
  const facts = {
    url: target.url,
    finalUrl: response.url || target.url,
    status: response.status,
    contentType: response.headers.get('content-type'),
  };
  const length = response.headers.get('content-length');
  const first = checkResponse({ ...facts, byteLength: length === null ? null : Number(length) }, rules);
  if (first.kind === 'not-modified') {
    await recordSuccess(db, now());
    return { status: 'not-modified' };
  }
  if (first.kind === 'error') return fail({ code: 'response', url: target.url, problem: first.problem, detail: first.message });

  let bytes: Uint8Array | null;
  try {
    bytes = await readCapped(response, MAX_PLAYBOOK_BYTES);
  } catch (error) {
    return fail(failureOf(target.url, error, timeoutMs));
  }
  const bodyStart = bytes ? new TextDecoder().decode(bytes.subarray(0, 256)) : undefined;
  const second = checkResponse({ ...facts, byteLength: bytes ? bytes.byteLength : MAX_PLAYBOOK_BYTES + 1, bodyStart }, rules);
  if (second.kind === 'error') return fail({ code: 'response', url: target.url, problem: second.problem, detail: second.message });
  if (second.kind !== 'accept' || !bytes) return fail({ code: 'response', url: target.url, problem: 'unexpected', detail: 'unexpected answer' });

  let signature: string | null = null;
  if (target.publicKey) {
    let oversize = false;
    try {
      const answer = await deps.fetch(signatureUrl(target.url), { credentials: 'omit', cache: 'no-cache', signal: AbortSignal.timeout(timeoutMs) });
      const body = answer.ok ? await readCapped(answer, MAX_SIGNATURE_BYTES) : null;
      oversize = answer.ok && body === null;
      signature = body ? new TextDecoder().decode(body).trim() : null;
    } catch {
      signature = null;
    }
    // Something was there, but far too long to be a signature: say so, not "no signature".
    if (oversize) return fail({ code: 'malformed-signature', origin: target.url });
  }

  // An unchanged file (same SHA-256 as the active one) is a no-op in applyIncoming.
  try {
    return await applyIncoming(db, { bytes, source: target.source, origin: target.url, publicKey: target.publicKey, signature }, now());
  } catch (error) {
    // Whatever failed (storage, a bug), the poll records it so the panel and options say so.
    return fail({ code: 'failed', detail: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Brings the active playbook in line with the source in force after a settings
 * or policy change: back to the built-in one or to the last imported file
 * without a network request; a URL source is polled by the caller.
 */
export async function followSource(db: PlaycardDb, resolution: SourceResolution, builtin: Playbook, now = Date.now()): Promise<void> {
  const active = await db.playbooks.get('active');
  const kind = resolution.active.kind;
  if (kind === 'builtin' && active?.source !== 'builtin') {
    await rollBackTo(db, { hash: await sha256OfJson(builtin), version: builtin.version, source: 'builtin', playbook: builtin }, now);
  } else if (kind === 'file' && active?.source !== 'file') {
    const file = await lastImportedFile(db);
    if (file) await rollBackTo(db, file, now);
  }
}

