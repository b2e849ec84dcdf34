import { t } from '../lib/i18n';
import type { ForThisCall as ForThisCallData } from '../lib/core/for-this-call';
import type { TacticCheck } from '../lib/db';
import { WHEN } from '../lib/playbook/constants';
import type { Playbook, When } from '../lib/playbook/schema';
import { TacticRow } from './tactic-row';

/** The 3 to 5 tactics that matter on the call at hand, tickable in place, with the phase the rep is in. */
export function ForThisCall({
  forCall,
  checks,
  playbook,
  onToggle,
  onPhase,
  empty,
  note,
}: {
  /** Said under the list: why some tactics are not in it ("guess first" holds back the persona's). */
  note?: string;
  /** Said when nothing is open: everything done, or nothing to plan from yet. */
  empty: string;
  forCall: ForThisCallData;
  checks: Record<string, TacticCheck>;
  playbook: Playbook;
  onToggle: (tacticId: string, done: boolean) => void;
  onPhase: (phase: When) => void;
}) {
  return (
    <section class="card for-call" id="for-this-call" tabIndex={-1} aria-labelledby="for-call-title" data-testid="for-this-call" data-phase={forCall.phase}>
      <div class="card-head">
        <h2 id="for-call-title">{t('forCall.title')}</h2>
        <div class="phases" role="group" aria-label={t('forCall.phase')}>
          {WHEN.map((when) => (
            <button
              key={when}
              type="button"
              class={`phase${when === forCall.phase ? ' chosen' : ''}`}
              aria-pressed={when === forCall.phase}
              data-phase={when}
              onClick={() => onPhase(when)}
            >
              {t(`forCall.phase.${when}`)}
            </button>
          ))}
        </div>
      </div>
      {forCall.items.length === 0 ? (
        <p class="muted" data-testid="for-this-call-empty">{empty}</p>
      ) : (
        <ul class="tactics">
          {forCall.items.map((item) => (
            <TacticRow key={item.id} idPrefix="call" item={item} checked={checks[item.id]?.done ?? false} playbook={playbook} onToggle={onToggle} />
          ))}
        </ul>
      )}
      {note && (
        <p class="small muted" data-testid="for-this-call-note">
          {note}
        </p>
      )}
    </section>
  );
}
