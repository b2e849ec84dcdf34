import { t } from '../lib/i18n';
import type { SegmentAssessment } from '../lib/core/segment';
import type { Playbook } from '../lib/playbook/schema';
import { text } from './use-text';

export function SegmentCard({ assessment, playbook }: { assessment: SegmentAssessment; playbook: Playbook }) {
  const { segment, points, serviceLevel, reasons, decidedBy, matrixCell, questions } = assessment;
  const unanswered = questions.filter((q) => !q.answer).length;
  return (
    <section class="card" aria-labelledby="segment-title" data-testid="segment">
      <div class="card-head">
        <h2 id="segment-title">{t('segment.title')}</h2>
        <span class="muted" data-testid="segment-points">{t('segment.points', { points })}</span>
      </div>
      <p class="badge" style={{ background: segment.colour ?? '#444' }} data-testid="segment-label" data-segment={segment.id}>
        {text(segment.label, playbook)}
      </p>
      {segment.description && <p class="small">{text(segment.description, playbook)}</p>}
      <dl class="service" aria-label={t('service.title')} data-testid="service-level">
        <div><dt>{t('service.owner')}</dt><dd>{text(serviceLevel.owner, playbook)}</dd></div>
        <div><dt>{t('service.responseTime')}</dt><dd>{text(serviceLevel.responseTime, playbook)}</dd></div>
        <div><dt>{t('service.channel')}</dt><dd>{text(serviceLevel.channel, playbook)}</dd></div>
        <div><dt>{t('service.touch')}</dt><dd>{t(`touch.${serviceLevel.touch}`)}</dd></div>
      </dl>
      {unanswered > 0 && (
        <p class="small">
          <a href="#questions-title" data-testid="unanswered">{t('segment.unanswered', { n: unanswered })}</a>
        </p>
      )}
      <details class="why">
        <summary>{t('segment.why')}</summary>
        {decidedBy === 'matrix' && matrixCell && (
          <p class="small" data-testid="segment-matrix">
            {t('segment.byMatrix', { row: text(matrixCell.row.label, playbook), column: text(matrixCell.column.label, playbook) })}
          </p>
        )}
        <ul data-testid="segment-reasons">
          {reasons.map((reason) => (
            <li key={reason.criterionId} class={`reason ${reason.source}`}>
              <span>{text(reason.criterion.label, playbook)}</span>
              <span class="muted">
                {reason.option ? `${text(reason.option.label, playbook)} · ` : ''}
                {reason.source === 'answer' && t('segment.reason.answer')}
                {reason.source === 'fact' && t('segment.reason.fact', { value: String(reason.factValue ?? '') })}
                {reason.source === 'missing' && t('segment.reason.missing')}
                {reason.source === 'unmatched' && t('segment.reason.unmatched', { value: String(reason.factValue ?? '') })}
              </span>
              <span class="points">{reason.points > 0 ? `+${reason.points}` : reason.points}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
