import { t } from '../lib/i18n';
import type { ChecklistItem } from '../lib/core/checklist';
import type { Playbook } from '../lib/playbook/schema';
import { text } from './use-text';

/** Who a tactic is for: the persona's or the segment's label. */
export function sourceLabel(item: ChecklistItem, playbook: Playbook): string {
  const owner =
    item.source.kind === 'persona'
      ? playbook.personas.find((p) => p.id === item.source.id)
      : playbook.segmentation.segments.find((s) => s.id === item.source.id);
  return text(owner?.label, playbook);
}

/**
 * One tactic: its checkbox and text, and on the line below whom it is for and why it works,
 * in plain sight (a tooltip is invisible on touch and to most readers).
 */
export function TacticRow({
  item,
  checked,
  playbook,
  onToggle,
  idPrefix,
}: {
  /** Keeps element ids unique when a tactic shows both in "For this call" and in the full list. */
  idPrefix: string;
  item: ChecklistItem;
  checked: boolean;
  playbook: Playbook;
  /** Resolves false when the tick could not be stored. */
  onToggle: (tacticId: string, done: boolean) => void | boolean | Promise<boolean | void>;
}) {
  const why = item.why ? text(item.why, playbook) : undefined;
  const reasonId = `${idPrefix}-why-${item.id}`;
  return (
    <li class={`tactic${checked ? ' done' : ''}`}>
      <label>
        <input
          type="checkbox"
          checked={checked}
          data-tactic={item.id}
          aria-describedby={reasonId}
          onChange={(event) => {
            const box = event.currentTarget;
            // Nothing stored (a full disk): the box goes back to what is stored.
            void Promise.resolve(onToggle(item.id, box.checked)).then((stored) => {
              if (stored === false) box.checked = checked;
            });
          }}
        />
        <span>{text(item.text, playbook)}</span>
      </label>
      <p class="reason-line" id={reasonId}>
        <span class="for">{t('forCall.for', { source: sourceLabel(item, playbook) })}</span>
        {why && (
          <>
            {' · '}
            {why}
          </>
        )}
      </p>
    </li>
  );
}
