import { t } from '../lib/i18n';
import type { AccountAssessment } from '../lib/core/assess';
import type { PersonaSuggestion } from '../lib/core/persona';
import type { SegmentStanding } from '../lib/core/segment-standing';
import { badgeColours } from '../lib/panel/badge';
import { personaCertainty } from '../lib/panel/persona-choice';
import type { Playbook } from '../lib/playbook/schema';
import { text } from './use-text';

/**
 * The three answers a rep wants in a second: segment (or that it is not scored yet),
 * persona (marked "likely" when the suggestion is unsure) and how far through the tactics.
 * Each badge opens the section that explains it.
 */
export function Glance({
  assessment,
  standing,
  playbook,
  done,
  onOpen,
  personaHidden = false,
}: {
  /** "Guess first": the persona is not shown until the rep has guessed; the badge asks for the guess. */
  personaHidden?: boolean;
  assessment: AccountAssessment<PersonaSuggestion>;
  standing: SegmentStanding;
  playbook: Playbook;
  done: number;
  onOpen: (section: 'segment' | 'persona') => void;
}) {
  const { segment, points, decidedBy, matrixCell } = assessment.segment;
  const persona = assessment.persona;
  const certainty = personaCertainty(persona);
  const byId = (id: string | undefined) => playbook.personas.find((p) => p.id === id);
  const personas = [byId(persona.primary), byId(persona.secondary)].filter((p) => p !== undefined);
  const criterion = (id: string) => playbook.segmentation.criteria.find((c) => c.id === id);
  const matrix = playbook.segmentation.matrix;
  return (
    <div class="glance" aria-label={t('glance.label')} data-testid="glance">
      <p class="badges">
        {standing.scored ? (
          <button
            type="button"
            class="badge"
            style={badgeColours(segment.colour)}
            data-testid="segment-label"
            data-segment={segment.id}
            data-scored="true"
            onClick={() => onOpen('segment')}
          >
            {text(segment.label, playbook)}
          </button>
        ) : (
          <button
            type="button"
            class="badge unscored"
            data-testid="segment-label"
            data-segment={segment.id}
            data-scored="false"
            onClick={() => onOpen('segment')}
          >
            {t('glance.unscored')}
          </button>
        )}
        {personas.length === 0 ? (
          <button type="button" class="badge unscored" data-testid="glance-persona" data-primary="" onClick={() => onOpen('persona')}>
            {personaHidden ? t('panel.guess.badge') : t('glance.noPersona')}
          </button>
        ) : (
          personas.map((p, index) => (
            <button
              key={p.id}
              type="button"
              class={`badge${index > 0 ? ' secondary' : ''}${certainty === 'likely' ? ' likely' : ''}`}
              style={badgeColours(p.colour, '#666666')}
              data-testid="glance-persona"
              data-persona-badge={p.id}
              onClick={() => onOpen('persona')}
            >
              {index > 0 ? '+ ' : ''}
              {certainty === 'likely' && index === 0 ? t('glance.likely', { persona: text(p.label, playbook) }) : text(p.label, playbook)}
            </button>
          ))
        )}
      </p>
      <p class="standing">
        <span class="progress" data-testid="glance-progress">
          {t('checklist.progress', { done, total: assessment.checklist.length })}
        </span>
        {!standing.scored ? (
          <span data-testid="segment-points">
            {standing.unscoredBecause === 'no-evidence'
              ? t('segment.unscored.noEvidence')
              : t('segment.unscored.tooLittle', { known: standing.known, total: standing.total })}
          </span>
        ) : (
          <span data-testid="segment-points">
            {standing.threshold
              ? t('glance.pointsToward', { points, segment: text(standing.threshold.segment.label, playbook), min: standing.threshold.minPoints })
              : t('segment.points', { points })}
          </span>
        )}
        {decidedBy === 'matrix' && matrixCell && matrix && (
          <span data-testid="glance-matrix">
            {' · '}
            {t('glance.byMatrix', {
              row: `${text(criterion(matrix.rows)?.label, playbook)} ${text(matrixCell.row.label, playbook)}`,
              column: `${text(criterion(matrix.columns)?.label, playbook)} ${text(matrixCell.column.label, playbook)}`,
            })}
          </span>
        )}
      </p>
    </div>
  );
}
