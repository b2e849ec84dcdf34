import { useState } from 'preact/hooks';
import { MAX_REASON_LENGTH, MIN_REASON_LENGTH, pinRule, type PinCheck } from '../../lib/accounts/pins';
import type { Pin } from '../../lib/accounts/types';
import { t } from '../../lib/i18n';
import type { Playbook } from '../../lib/playbook/schema';
import { clearStorageProblem, noteStorageError } from '../../lib/storage-problem';
import { segmentLabel, type Area } from './format';

// Its own module: the side panel loads it only when the rep opens the history (import()).

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
  area = 'accounts',
}: {
  area?: Area;
  playbook: Playbook;
  pin?: Pin;
  scored: string;
  onPin: (segment: string, reason: string) => Promise<PinCheck>;
  /** May reject (a full disk): the page's storage notice says so. */
  onUnpin: () => Promise<unknown> | void;
}) {
  const rule = pinRule(playbook);
  const segments = playbook.segmentation.segments;
  const [segment, setSegment] = useState(pin?.segment ?? segments.find((s) => s.id !== scored)?.id ?? scored);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  if (rule === 'forbidden') return <p class="muted">{t(`${area}.pin.forbidden`)}</p>;
  const submit = async (event: Event) => {
    event.preventDefault();
    let result: PinCheck;
    try {
      result = await onPin(segment, reason);
    } catch (failure) {
      // Not stored (a full disk): the page's storage notice says why; the reason stays typed for a retry.
      noteStorageError(failure);
      return;
    }
    clearStorageProblem();
    if (result.ok) {
      setReason('');
      setError(undefined);
    } else setError(t(`${area}.pin.error.${result.code}`, { n: result.code === 'reason-too-long' ? MAX_REASON_LENGTH : MIN_REASON_LENGTH }));
  };
  const unpin = async () => {
    try {
      await onUnpin();
      clearStorageProblem();
    } catch (failure) {
      noteStorageError(failure);
    }
  };
  return (
    <form class="pin-form" onSubmit={submit} aria-label={t(`${area}.pin.title`)}>
      <label>
        {t(`${area}.pin.segment`)}{' '}
        <select value={segment} onChange={(e) => setSegment(e.currentTarget.value)} data-testid="pin-segment">
          {segments.map((s) => (
            <option key={s.id} value={s.id}>
              {segmentLabel(playbook, s.id)}
            </option>
          ))}
        </select>
      </label>
      <label class="grow">
        {rule === 'reason' ? t(`${area}.pin.reason`) : t(`${area}.pin.reasonOptional`)}
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
        {t(`${area}.pin.save`)}
      </button>
      {pin ? (
        <button type="button" onClick={() => void unpin()} data-testid="pin-remove">
          {t(`${area}.pin.remove`)}
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
