import { t } from '../lib/i18n';
import { groupByWhen, type ChecklistItem } from '../lib/core/checklist';
import type { TacticCheck } from '../lib/db';
import type { LocalText, Playbook } from '../lib/playbook/schema';
import { text } from './use-text';

export function Checklist({
  items,
  checks,
  archived = [],
  playbook,
  onToggle,
}: {
  items: ChecklistItem[];
  checks: Record<string, TacticCheck>;
  /** Ticks of tactics a later playbook removed. */
  archived?: { id: string; text: LocalText }[];
  playbook: Playbook;
  onToggle: (tacticId: string, done: boolean) => void;
}) {
  const done = items.filter((item) => checks[item.id]?.done).length;
  return (
    <section class="card" aria-labelledby="checklist-title" data-testid="checklist">
      <div class="card-head">
        <h2 id="checklist-title">{t('checklist.title')}</h2>
        <span class="muted small" data-testid="checklist-progress">{t('checklist.progress', { done, total: items.length })}</span>
      </div>
      {items.length === 0 && <p class="small muted">{t('checklist.empty')}</p>}
      {groupByWhen(items).map((group) => (
        <div key={group.when} class="when" data-when={group.when}>
          <h3>{t(`checklist.when.${group.when}`)}</h3>
          <ul>
            {group.items.map((item) => {
              const checked = checks[item.id]?.done ?? false;
              const why = item.why ? text(item.why, playbook) : undefined;
              return (
                <li key={item.id} class={checked ? 'done' : ''}>
                  <label title={why}>
                    <input
                      type="checkbox"
                      checked={checked}
                      data-tactic={item.id}
                      onChange={(event) => onToggle(item.id, event.currentTarget.checked)}
                    />
                    <span>{text(item.text, playbook)}</span>
                  </label>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {archived.length > 0 && (
        <div class="when archived" data-testid="checklist-archived">
          <h3>{t('checklist.archived')}</h3>
          <ul>
            {archived.map((item) => (
              <li key={item.id} class="done">
                <label>
                  <input type="checkbox" checked data-tactic={item.id} onChange={() => onToggle(item.id, false)} />
                  <span>{text(item.text, playbook)}</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
