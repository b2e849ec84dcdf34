import { t } from '../lib/i18n';
import { groupByWhen, type ChecklistItem } from '../lib/core/checklist';
import type { TacticCheck } from '../lib/db';
import type { LocalText, Playbook } from '../lib/playbook/schema';
import { TacticRow } from './tactic-row';
import { text } from './use-text';

/** Every tactic for the account, one click away: folded, grouped by phase, done ones folded again. */
export function Checklist({
  items,
  checks,
  archived = [],
  playbook,
  onToggle,
  segmentPending = false,
}: {
  items: ChecklistItem[];
  /** The segment is not scored yet: its tactics are left out until it is, and the list says so. */
  segmentPending?: boolean;
  checks: Record<string, TacticCheck>;
  /** Ticks of tactics a later playbook removed. */
  archived?: { id: string; text: LocalText }[];
  playbook: Playbook;
  onToggle: (tacticId: string, done: boolean) => void;
}) {
  const done = items.filter((item) => checks[item.id]?.done).length;
  return (
    <details class="card fold" id="all-tactics" data-testid="checklist">
      <summary>
        <h2 class="fold-title" id="checklist-title">{t('forCall.all')}</h2>
        <span class="fold-line muted">
          {' · '}
          <span data-testid="checklist-progress">{t('checklist.progress', { done, total: items.length })}</span>
        </span>
      </summary>
      {items.length === 0 && <p class="small muted">{t('checklist.empty')}</p>}
      {segmentPending && (
        <p class="small muted" data-testid="checklist-segment-pending">
          {t('glance2.checklist.segmentPending')}
        </p>
      )}
      {groupByWhen(items).map((group) => {
        const open = group.items.filter((item) => !checks[item.id]?.done);
        const finished = group.items.filter((item) => checks[item.id]?.done);
        return (
          <div key={group.when} class="when" data-when={group.when}>
            <h3>{t(`checklist.when.${group.when}`)}</h3>
            <ul class="tactics">
              {open.map((item) => (
                <TacticRow key={item.id} idPrefix="all" item={item} checked={false} playbook={playbook} onToggle={onToggle} />
              ))}
            </ul>
            {finished.length > 0 && (
              <details class="done-fold">
                <summary class="small">{t('checklist.doneFold', { n: finished.length })}</summary>
                <ul class="tactics">
                  {finished.map((item) => (
                    <TacticRow key={item.id} idPrefix="all" item={item} checked playbook={playbook} onToggle={onToggle} />
                  ))}
                </ul>
              </details>
            )}
          </div>
        );
      })}
      {archived.length > 0 && (
        <div class="when archived" data-testid="checklist-archived">
          <h3>{t('checklist.archived')}</h3>
          <ul class="tactics">
            {archived.map((item) => (
              <li key={item.id} class="tactic done">
                <label>
                  <input type="checkbox" checked data-tactic={item.id} onChange={() => onToggle(item.id, false)} />
                  <span>{text(item.text, playbook)}</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}
