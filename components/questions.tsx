import { t } from '../lib/i18n';
import type { SegmentAssessment } from '../lib/core/segment';
import type { Playbook } from '../lib/playbook/schema';
import { Choice } from './choice';
import { text } from './use-text';

export function Questions({
  questions,
  playbook,
  onAnswer,
}: {
  questions: SegmentAssessment['questions'];
  playbook: Playbook;
  onAnswer: (criterionId: string, optionId: string | undefined) => void;
}) {
  if (questions.length === 0) return null;
  return (
    <section class="card" aria-labelledby="questions-title" data-testid="questions">
      <h2 id="questions-title">{t('questions.title')}</h2>
      <p class="small muted">{t('questions.hint')}</p>
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
        </fieldset>
      ))}
    </section>
  );
}
