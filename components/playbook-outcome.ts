import { t } from '../lib/i18n';
import type { CheckOutcome, Rejection } from '../lib/playbook/runtime/outcome';

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** Why a playbook was not applied, in the rep's language. */
export function describeRejection(reason: Rejection): string {
  switch (reason.code) {
    case 'unsigned':
      return t('playbook.reason.unsigned', { origin: reason.origin });
    case 'bad-signature':
      return t('playbook.reason.badSignature', { origin: reason.origin });
    case 'invalid':
      return reason.more
        ? t('playbook.reason.invalidMore', { errors: reason.errors.join('; '), n: reason.more })
        : t('playbook.reason.invalid', { errors: reason.errors.join('; ') });
    case 'unreachable':
      return t('playbook.reason.unreachable', { url: reason.url, detail: reason.detail });
    case 'timeout':
      return t('playbook.reason.timeout', { url: reason.url, n: reason.seconds });
    case 'response':
      return t('playbook.reason.response', { url: reason.url, detail: reason.detail });
    case 'unknown-version':
      return t('playbook.reason.unknownVersion', { seq: reason.seq });
    case 'too-large':
      // "2.0 MB; the limit is 2.0 MB" says nothing: just over the limit, count bytes.
      return megabytes(reason.bytes) === megabytes(reason.limit)
        ? t('playbook.reason.tooLargeBytes', { size: reason.bytes, limit: reason.limit })
        : t('playbook.reason.tooLarge', { size: megabytes(reason.bytes), limit: megabytes(reason.limit) });
    case 'failed':
      return t('playbook.reason.failed', { detail: reason.detail });
    case 'malformed-signature':
      return t('playbook.reason.malformedSignature', { origin: reason.origin });
    case 'older-version':
      return t('playbook.reason.olderVersion', { origin: reason.origin, version: reason.version, active: reason.active });
    case 'other-playbook':
      return t('playbook.reason.otherPlaybook', { origin: reason.origin, id: reason.id, active: reason.active });
    case 'untrusted-version':
      return t('playbook.reason.untrustedVersion', { seq: reason.seq });
    case 'storage':
      return t(`storage.problem.${reason.problem}`);
  }
}

/** One line for the rep about what a check, an import or a rollback did. */
export function describeOutcome(outcome: CheckOutcome): string {
  switch (outcome.status) {
    case 'applied':
      return t('playbook.outcome.applied', { version: outcome.version, n: outcome.changes });
    case 'unchanged':
    case 'not-modified':
      return t('playbook.outcome.unchanged');
    case 'rejected':
      // The storage notice is a whole sentence that says nothing was saved: not inside "Not applied: …".
      if (outcome.reason.code === 'storage') return describeRejection(outcome.reason);
      return t('playbook.outcome.rejected', { reason: describeRejection(outcome.reason) });
    case 'no-url':
      return outcome.source === 'file' ? t('playbook.outcome.noUrl.file') : t('playbook.outcome.noUrl.builtin');
  }
}
