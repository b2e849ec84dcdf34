import { t } from '../lib/i18n';
import type { SegmentAssessment } from '../lib/core/segment';
import type { Playbook, Segment } from '../lib/playbook/schema';
import { Choice } from './choice';
import { text } from './use-text';

/** What the rep's last answer did to the segment, said next to the question they answered. */
export interface AnswerEffect {
  criterionId: string;
  changed: boolean;
  scored: boolean;
  segment: Segment;
  points: number;
}

export function Questions({
  questions,
  playbook,
  onAnswer,
  effect,
  title,
  hint,
  testId = 'questions',
  id = 'questions-title',
  level = 3,
}: {
  questions: SegmentAssessment['questions'];
  playbook: Playbook;
  onAnswer: (criterionId: string, optionId: string | undefined) => void;
  effect?: AnswerEffect | undefined;
  title: string;
  hint?: string;
  testId?: string;
  id?: string;
  /** The title's heading level: 2 where the questions are a section of their own. */
  level?: 2 | 3;
}) {
  if (questions.length === 0) return null;
  return (
    <div class="questions" aria-labelledby={id} role="group" data-testid={testId}>
      {level === 2 ? <h2 id={id}>{title}</h2> : <h3 id={id}>{title}</h3>}
      {hint && <p class="small muted">{hint}</p>}
      {questions.map(({ criterion, answer }) => (
        <fieldset key={criterion.id} class="question" data-criterion={criterion.id}>
          <legend>{text(criterion.question ?? criterion.label, playbook)}</legend>
          <div class="choices">
            {criterion.options.map((option) => {
              const chosen = answer?.id === option.id;
              return (
                <Choice key={option.id} chosen={chosen} data={{ option: option.id }} onClick={() => onAnswer(criterion.id, chosen ? undefined : option.id)}>
                  {text(option.label, playbook)}
                </Choice>
              );
            })}
          </div>
          <p class="effect" role="status" data-testid={effect?.criterionId === criterion.id ? 'answer-effect' : undefined}>
            {effect?.criterionId === criterion.id && effectText(effect, playbook)}
          </p>
        </fieldset>
      ))}
    </div>
  );
}

function effectText(effect: AnswerEffect, playbook: Playbook): string {
  if (!effect.scored) return t('segment.effect.stillUnscored');
  const segment = text(effect.segment.label, playbook);
  return effect.changed ? t('segment.effect.now', { segment }) : t('segment.effect.same', { segment, points: effect.points });
}
