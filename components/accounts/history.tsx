import type { HistoryEntry, Pin } from '../../lib/accounts/types';
import { t } from '../../lib/i18n';
import type { Playbook } from '../../lib/playbook/schema';
import { moveHeadline, moveReasons, segmentLabel, type Area } from './format';

/**
 * "Moved from Standard to Key on 12 Nov", with why. Built for the panel as well as this page:
 * the panel shows the newest entry under the segment and the history one click away.
 */
export function LastMove({ entry, playbook, area = 'accounts' }: { entry: HistoryEntry; playbook: Playbook; area?: Area }) {
  const reasons = moveReasons(entry, playbook, area);
  return (
    <p class="last-move" data-testid="last-move">
      <span>{moveHeadline(entry, playbook, area)}</span>
      {reasons.length ? <span class="muted"> · {reasons.join(' · ')}</span> : null}
    </p>
  );
}

/** An account's history, newest first. */
export function AccountHistory({ entries, playbook, area = 'accounts' }: { entries: readonly HistoryEntry[]; playbook: Playbook; area?: Area }) {
  if (!entries.length) return <p class="muted">{t(`${area}.history.empty`)}</p>;
  return (
    <ol class="account-history" data-testid="account-history">
      {entries.map((entry) => (
        <li key={entry.id ?? entry.at}>
          <strong>{moveHeadline(entry, playbook, area)}</strong>
          <ul>
            {moveReasons(entry, playbook, area).map((reason, i) => (
              <li key={i}>{reason}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** "Pinned by you: <reason>" beside the scored segment. */
export function PinNote({ pin, scored, playbook, area = 'accounts' }: { pin: Pin; scored: string; playbook: Playbook; area?: Area }) {
  return (
    <p class="pin-note" data-testid="pin-note">
      <span>{pin.reason ? t(`${area}.pinnedBy`, { reason: pin.reason }) : t(`${area}.pinnedNoReason`)}</span>
      <span class="muted"> · {t(`${area}.scored`, { segment: segmentLabel(playbook, scored) })}</span>
    </p>
  );
}
