import { t } from '../lib/i18n';
import type { SegmentAssessment } from '../lib/core/segment';
import type { SegmentStanding } from '../lib/core/segment-standing';
import type { Playbook } from '../lib/playbook/schema';
import { Questions, type AnswerEffect } from './questions';
import { text } from './use-text';

const plain = new Intl.NumberFormat('en');

/** A fact as a person reads it: 38,000,000 rather than 38000000. */
function shownValue(value: number | string | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'number' ? plain.format(value) : value;
}

/**
 * The segment's story, below the call's tactics: what it means, its service level in one
 * line (expandable), the questions that sharpen it, and why it came out so.
 */
export function SegmentCard({
  assessment,
  standing,
  playbook,
  questions,
  effect,
  onAnswer,
  open,
  onToggle,
}: {
  assessment: SegmentAssessment;
  standing: SegmentStanding;
  playbook: Playbook;
  /** The questions not already asked at the top. */
  questions: SegmentAssessment['questions'];
  effect: AnswerEffect | undefined;
  onAnswer: (criterionId: string, optionId: string | undefined) => void;
  open: boolean;
  onToggle: (open: boolean) => void;
}) {
  const { segment, points, serviceLevel, reasons, decidedBy, matrixCell } = assessment;
  const service = [t(`touch.${serviceLevel.touch}`), text(serviceLevel.responseTime, playbook), text(serviceLevel.channel, playbook)].join(' · ');
  return (
    <section class="card" id="segment" aria-labelledby="segment-title" data-testid="segment">
      <details open={open} onToggle={(event) => onToggle((event.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <h2 id="segment-title">{t('segment.title')}</h2>
          <span class="fold-line">
            {standing.scored ? text(segment.label, playbook) : t('segment.unscored.title')}
            <span class="muted"> · {t('segment.points', { points })}</span>
          </span>
        </summary>
        {!standing.scored && (
          <p class="small" data-testid="segment-unscored">
            {standing.unscoredBecause === 'no-evidence'
              ? t('segment.unscored.noEvidence')
              : t('segment.unscored.tooLittle', { known: standing.known, total: standing.total })}
          </p>
        )}
        {standing.scored && segment.description && <p class="small">{text(segment.description, playbook)}</p>}
        {decidedBy === 'matrix' && matrixCell && (
          <p class="small" data-testid="segment-matrix">
            {t('segment.matrixDecides', { row: text(matrixCell.row.label, playbook), column: text(matrixCell.column.label, playbook), points })}
          </p>
        )}
      </details>
      <details class="service-fold">
        <summary>
          <span class="fold-title">{t('service.line')}</span>
          <span class="fold-line muted"> · {service}</span>
        </summary>
        <dl class="service" aria-label={t('service.title')} data-testid="service-level">
          <div><dt>{t('service.handledBy')}</dt><dd>{text(serviceLevel.owner, playbook)}</dd></div>
          <div><dt>{t('service.responseTime')}</dt><dd>{text(serviceLevel.responseTime, playbook)}</dd></div>
          <div><dt>{t('service.channel')}</dt><dd>{text(serviceLevel.channel, playbook)}</dd></div>
          <div><dt>{t('service.touch')}</dt><dd>{t(`touch.${serviceLevel.touch}`)}</dd></div>
        </dl>
      </details>
      <Questions questions={questions} playbook={playbook} onAnswer={onAnswer} effect={effect} title={t('segment.more')} hint={t('questions.hint')} />
      <details class="why">
        <summary>{t('segment.why')}</summary>
        <ul data-testid="segment-reasons">
          {reasons.map((reason) => (
            <li key={reason.criterionId} class={`reason ${reason.source}`}>
              <span>{text(reason.criterion.label, playbook)}</span>
              <span class="muted">
                {reason.option ? `${text(reason.option.label, playbook)} · ` : ''}
                {reason.source === 'answer' && t('segment.reason.answer')}
                {reason.source === 'fact' && t('segment.reason.fact', { value: shownValue(reason.factValue) })}
                {reason.source === 'missing' && t('segment.reason.missing')}
                {reason.source === 'unmatched' && t('segment.reason.unmatched', { value: shownValue(reason.factValue) })}
              </span>
              <span class="points">{reason.points > 0 ? `+${reason.points}` : reason.points}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
