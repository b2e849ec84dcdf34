import { t } from '../lib/i18n';
import type { UpdateNotice } from '../lib/db';
import { relevantFirst, touches, type RelevanceContext } from '../lib/playbook/changes';
import type { Playbook } from '../lib/playbook/schema';
import { changeLine } from './change-line';

const SHOWN = 5;

/** "Playbook updated to …: N changes", the ones about this account first; shown until the rep dismisses it. */
export function UpdateNotice({
  notice,
  context,
  playbook,
  onDismiss,
}: {
  notice: UpdateNotice;
  context: RelevanceContext;
  /** The playbook in use, to name tactics and personas by their text; ids without it. */
  playbook?: Playbook | undefined;
  onDismiss: () => void;
}) {
  const changes = relevantFirst(notice.changes, context);
  return (
    <section class="card notice-update" role="status" data-testid="update-notice">
      <p>
        <strong>{t('update.title', { version: notice.to, n: notice.changes.length })}</strong>
      </p>
      {changes.length > 0 && (
        <ul class="small">
          {changes.slice(0, SHOWN).map((change, index) => (
            <li key={index} class={touches(change, context) ? 'mine' : ''}>
              {touches(change, context) && <span class="tag">{t('update.thisAccount')}</span>} {changeLine(change, playbook)}
            </li>
          ))}
        </ul>
      )}
      {changes.length > SHOWN && <p class="small muted">{t('update.more', { n: changes.length - SHOWN })}</p>}
      <button type="button" class="link" onClick={onDismiss} data-testid="update-dismiss">
        {t('update.dismiss')}
      </button>
    </section>
  );
}

/**
 * A failed update never blocks the panel: one human line, the last good playbook stays. Why it
 * failed (a schema path, a network error) is for whoever manages the playbook: the options page.
 */
export function UpdateError({ version, onOpenSettings }: { version: string | undefined; onOpenSettings?: (() => void) | undefined }) {
  return (
    <p class="small update-error" role="status" data-testid="update-error">
      {t('glance2.updateFailed', { version: version ?? '' })}
      {onOpenSettings && (
        <>
          {' '}
          <button type="button" class="link" onClick={onOpenSettings} data-testid="update-error-settings">
            {t('glance2.updateFailed.settings')}
          </button>
        </>
      )}
    </p>
  );
}
