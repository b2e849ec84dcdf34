import type { StorageProblem } from '../../db/storage-errors';
import type { ResponseProblem } from '../fetch-rules';

/**
 * Why a playbook was not applied: a code and its parameters, never a sentence, so each page
 * says it in the rep's language (components/playbook-outcome.ts). Detail strings are what a
 * lower layer reported (a JSON path and a schema message, a network error) and are shown as is.
 */
export type Rejection =
  | { code: 'unsigned'; origin: string }
  | { code: 'bad-signature'; origin: string }
  | { code: 'invalid'; errors: string[]; more: number }
  | { code: 'unreachable'; url: string; detail: string }
  | { code: 'timeout'; url: string; seconds: number }
  | { code: 'response'; url: string; problem: ResponseProblem | 'unexpected'; detail: string }
  | { code: 'unknown-version'; seq: number }
  | { code: 'too-large'; bytes: number; limit: number }
  | { code: 'failed'; detail: string }
  /** The `.sig` file is not a signature at all (too long, not base64, HTML...). */
  | { code: 'malformed-signature'; origin: string }
  /** A signed playbook older than the active one: a replay; only an explicit rollback goes back. */
  | { code: 'older-version'; origin: string; version: string; active: string }
  /** A signed playbook with another id than the active one from the same address: another team's file. */
  | { code: 'other-playbook'; origin: string; id: string; active: string }
  /** A rollback to a version no key trusted now verified (or never signed, while signing is required). */
  | { code: 'untrusted-version'; seq: number }
  /** The browser refused to store it (a full disk): nothing changed; the pages word the problem. */
  | { code: 'storage'; problem: StorageProblem };

export type ApplyOutcome =
  | { status: 'applied'; version: string; changes: number }
  | { status: 'unchanged'; version: string }
  | { status: 'rejected'; reason: Rejection };

export type PollOutcome = ApplyOutcome | { status: 'not-modified' };

/** What a check, an import or a rollback did, as the background answers the options page. */
export type CheckOutcome = PollOutcome | { status: 'no-url'; source: 'file' | 'builtin' };

/**
 * The English line stored with a failed update (`UpdateStatus.lastError.message`), which
 * the panel's banner shows today.
 * TODO(issue 8): the banner should render `lastError.reason` through i18n; then drop this.
 */
export function rejectionText(reason: Rejection): string {
  switch (reason.code) {
    case 'unsigned':
      return `no signature was found for ${reason.origin}, and your team requires signed playbooks`;
    case 'bad-signature':
      return `the signature of ${reason.origin} does not match the team's public key: the file was changed or signed with another key`;
    case 'invalid':
      return `the playbook is not valid: ${reason.errors.join('; ')}${reason.more ? ` (and ${reason.more} more)` : ''}`;
    case 'unreachable':
      return `${reason.url}: the server could not be reached (${reason.detail})`;
    case 'timeout':
      return `${reason.url}: the server did not answer within ${reason.seconds} s`;
    case 'response':
      return `${reason.url}: ${reason.detail}`;
    case 'unknown-version':
      return `no playbook version #${reason.seq}`;
    case 'too-large':
      return `the playbook is ${reason.bytes} bytes; the limit is ${reason.limit} bytes (${(reason.limit / 1048576).toFixed(1)} MB)`;
    case 'failed':
      return reason.detail;
    case 'malformed-signature':
      return `the signature file of ${reason.origin} is not a Playcard signature`;
    case 'older-version':
      return `${reason.origin} offers version ${reason.version}, older than ${reason.active} in use: roll back from the history to use it`;
    case 'other-playbook':
      return `${reason.origin} offers the playbook "${reason.id}", not "${reason.active}" in use`;
    case 'untrusted-version':
      return `version #${reason.seq} was not verified by a key your team trusts now`;
    case 'storage':
      return reason.problem === 'full' ? 'the browser has no space left to store it' : `the browser could not store it (${reason.problem})`;
  }
}
