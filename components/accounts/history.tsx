import { useState } from 'preact/hooks';
import { MAX_REASON_LENGTH, MIN_REASON_LENGTH, pinRule, type PinCheck } from '../../lib/accounts/pins';
import type { HistoryEntry, Pin } from '../../lib/accounts/types';
import { t } from '../../lib/i18n';
import type { Playbook } from '../../lib/playbook/schema';
import { moveHeadline, moveReasons, segmentLabel } from './format';

/**
 * "Moved from Standard to Key on 12 Nov", with why. Built for the panel as well as this page:
 * the panel shows the newest entry under the segment and the history one click away.
 */
export function LastMove({ entry, playbook }: { entry: HistoryEntry; playbook: Playbook }) {
  const reasons = moveReasons(entry, playbook);
  return (
    <p class="last-move" data-testid="last-move">
      <span>{moveHeadline(entry, playbook)}</span>
      {reasons.length ? <span class="muted"> · {reasons.join(' · ')}</span> : null}
    </p>
  );
}

/** An account's history, newest first. */
export function AccountHistory({ entries, playbook }: { entries: readonly HistoryEntry[]; playbook: Playbook }) {
  if (!entries.length) return <p class="muted">{t('accounts.history.empty')}</p>;
  return (
    <ol class="account-history" data-testid="account-history">
      {entries.map((entry) => (
        <li key={entry.id ?? entry.at}>
          <strong>{moveHeadline(entry, playbook)}</strong>
          <ul>
            {moveReasons(entry, playbook).map((reason, i) => (
              <li key={i}>{reason}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** "Pinned by you: <reason>" beside the scored segment. */
export function PinNote({ pin, scored, playbook }: { pin: Pin; scored: string; playbook: Playbook }) {
  return (
    <p class="pin-note" data-testid="pin-note">
      <span>{pin.reason ? t('accounts.pinnedBy', { reason: pin.reason }) : t('accounts.pinnedNoReason')}</span>
      <span class="muted"> · {t('accounts.scored', { segment: segmentLabel(playbook, scored) })}</span>
    </p>
  );
}

/**
 * Pins the account to a segment with a written reason (as the playbook requires), or takes the
 * pin back. The reason is a plain text field; it is stored and shown as text.
 */
export function PinControl({
  playbook,
  pin,
  scored,
  onPin,
  onUnpin,
}: {
  playbook: Playbook;
  pin?: Pin;
  scored: string;
  onPin: (segment: string, reason: string) => Promise<PinCheck>;
  onUnpin: () => void;
}) {
  const rule = pinRule(playbook);
  const segments = playbook.segmentation.segments;
  const [segment, setSegment] = useState(pin?.segment ?? segments.find((s) => s.id !== scored)?.id ?? scored);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  if (rule === 'forbidden') return <p class="muted">{t('accounts.pin.forbidden')}</p>;
  const submit = async (event: Event) => {
    event.preventDefault();
    const result = await onPin(segment, reason);
    if (result.ok) {
      setReason('');
      setError(undefined);
    } else setError(t(`accounts.pin.error.${result.code}`, { n: result.code === 'reason-too-long' ? MAX_REASON_LENGTH : MIN_REASON_LENGTH }));
  };
  return (
    <form class="pin-form" onSubmit={submit} aria-label={t('accounts.pin.title')}>
      <label>
        {t('accounts.pin.segment')}{' '}
        <select value={segment} onChange={(e) => setSegment(e.currentTarget.value)} data-testid="pin-segment">
          {segments.map((s) => (
            <option key={s.id} value={s.id}>
              {segmentLabel(playbook, s.id)}
            </option>
          ))}
        </select>
      </label>
      <label class="grow">
        {rule === 'reason' ? t('accounts.pin.reason') : t('accounts.pin.reasonOptional')}
        <input
          type="text"
          value={reason}
          maxLength={MAX_REASON_LENGTH}
          required={rule === 'reason'}
          onInput={(e) => setReason(e.currentTarget.value)}
          data-testid="pin-reason"
        />
      </label>
      <button type="submit" data-testid="pin-save">
        {t('accounts.pin.save')}
      </button>
      {pin ? (
        <button type="button" onClick={onUnpin} data-testid="pin-remove">
          {t('accounts.pin.remove')}
        </button>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
