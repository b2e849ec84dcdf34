// The accounts an edit moves: beside the editor from the first render, so it is kept apart
// from the rest of the preview (which loads the panel's cards only when its tab opens).
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Playbook } from '../../lib/playbook/schema';
import { groupMoves } from '../../lib/studio/preview';
import type { StudioState } from '../../lib/studio/state';
import { text } from '../use-text';

const labelOf = (playbook: Playbook | undefined, id: string) => {
  const segment = playbook?.segmentation.segments.find((s) => s.id === id);
  return segment && playbook ? text(segment.label, playbook) : id;
};

/**
 * A group lists this many accounts until the lead asks for all: a threshold edit can move
 * thousands, and rendering them all would hold up typing for a tenth of a second.
 */
const SHOWN = 100;

export function Moves({ s }: { s: StudioState }) {
  const [showAll, setShowAll] = useState<ReadonlySet<string>>(new Set());
  const draft = s.lastValid.value;
  const before = s.active.value?.playbook;
  const groups = groupMoves(s.moves.value);
  return (
    <section class="card" aria-labelledby="moves-title" data-testid="moves">
      <h2 id="moves-title">{t('studio.preview.moves')}</h2>
      <p class="small muted">{t('studio.preview.accounts', { n: s.accounts.value.length })}</p>
      {groups.length === 0 ? (
        <p data-testid="moves-none">{t('studio.preview.noMoves')}</p>
      ) : (
        <ul class="moves">
          {groups.map((group) => {
            const id = `${group.from}>${group.to}`;
            const all = showAll.has(id) || group.accounts.length <= SHOWN;
            return (
            <li key={id} data-testid="move-group" data-from={group.from} data-to={group.to}>
              <strong>
                {t('studio.preview.moveLine', { n: group.accounts.length, from: labelOf(before, group.from), to: labelOf(draft, group.to) })}
              </strong>
              <ul>
                {(all ? group.accounts : group.accounts.slice(0, SHOWN)).map((a) => (
                  <li key={a.key} data-testid="moved-account">
                    {a.name}
                  </li>
                ))}
              </ul>
              {!all && (
                <button type="button" class="link" data-testid="moves-show-all" onClick={() => setShowAll(new Set([...showAll, id]))}>
                  {t('studio.preview.showAll', { n: group.accounts.length })}
                </button>
              )}
            </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

