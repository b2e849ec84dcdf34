import { useEffect, useRef } from 'preact/hooks';
import { assessSegment } from '../../lib/core/segment';
import { t, textLanguage } from '../../lib/i18n';
import { scenarioKind } from '../../lib/learn/cards';
import { findPhrases, personaPhrases, splitMarked } from '../../lib/learn/highlight';
import type { QuizChoice, QuizQuestion } from '../../lib/learn/quiz';
import type { Playbook, Scenario } from '../../lib/playbook/schema';
import { text } from '../use-text';
import type { LearnState } from './learn-state';

export function choiceLabel(choice: QuizChoice, playbook: Playbook): string {
  if (choice.kind === 'segment') return text(playbook.segmentation.segments.find((s) => s.id === choice.segment)?.label, playbook);
  if (choice.kind === 'tactic') {
    const all = [...playbook.personas.flatMap((p) => p.tactics), ...playbook.segmentation.segments.flatMap((s) => s.tactics)];
    return text(all.find((x) => x.id === choice.tactic)?.text, playbook);
  }
  const name = (id: string) => text(playbook.personas.find((p) => p.id === id)?.label, playbook);
  return choice.secondary ? t('learn.card.mixTitle', { primary: name(choice.primary), secondary: name(choice.secondary) }) : name(choice.primary);
}

/** The language the scenario's text is shown in, so its words are matched in that language. */
function shownLanguage(scenario: Scenario, playbook: Playbook): string {
  const lang = textLanguage.value;
  const base = lang.split('-')[0] ?? lang;
  return scenario.text[lang] ? lang : scenario.text[base] ? base : scenario.text[playbook.fallbackLanguage] ? playbook.fallbackLanguage : Object.keys(scenario.text)[0] ?? lang;
}

/** The scenario's text; after the answer, the words that give the persona away are marked. */
function ScenarioText({ question, playbook, reveal }: { question: QuizQuestion; playbook: Playbook; reveal: boolean }) {
  const { scenario } = question;
  const body = text(scenario.text, playbook);
  const personas = [scenario.persona, scenario.secondary].filter((id): id is string => id !== undefined);
  const spans = reveal && scenarioKind(scenario) === 'persona' ? findPhrases(body, personaPhrases(playbook, personas, shownLanguage(scenario, playbook))) : [];
  return (
    <blockquote class="scenario" data-testid="scenario-text">
      {splitMarked(body, spans).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}
    </blockquote>
  );
}

function SegmentRules({ scenario, playbook }: { scenario: Scenario; playbook: Playbook }) {
  const assessment = assessSegment({}, scenario.answers ?? {}, playbook);
  const scored = assessment.reasons.filter((r) => r.option);
  if (!scored.length) return null;
  return (
    <div class="rules" data-testid="segment-rules">
      <h3>{t('learn.quiz.rules')}</h3>
      <ul>
        {scored.map((r) => (
          <li key={r.criterionId}>
            {text(r.criterion.label, playbook)}: {text(r.option?.label, playbook)} <span class="points">{t('learn.quiz.points', { n: r.points })}</span>
          </li>
        ))}
      </ul>
      <p>
        {assessment.decidedBy === 'matrix' && assessment.matrixCell
          ? t('segment.byMatrix', { row: text(assessment.matrixCell.row.label, playbook), column: text(assessment.matrixCell.column.label, playbook) })
          : t('learn.quiz.total', { n: assessment.points, segment: text(assessment.segment.label, playbook) })}
      </p>
    </div>
  );
}

export function Quiz({ state, playbook }: { state: LearnState; playbook: Playbook }) {
  const round = state.round.value;
  const index = state.roundIndex.value;
  const question = state.question.value;
  const answered = state.answered.value;
  const nextButton = useRef<HTMLButtonElement>(null);
  // After an answer, focus moves to Next: Enter goes on, and a screen reader reads the verdict region.
  useEffect(() => {
    if (answered) nextButton.current?.focus();
  }, [answered, index]);
  if (!round.length) {
    if (!playbook.learning.scenarios.length) return <p data-testid="quiz-empty">{t('learn.quiz.empty')}</p>;
    return (
      <button type="button" class="primary" onClick={() => state.startRound()} data-testid="quiz-start">
        {t('learn.quiz.start')}
      </button>
    );
  }
  if (!question) {
    const right = state.answers.value.filter((a) => a.correct).length;
    return (
      <section class="quiz-done" data-testid="quiz-done" aria-live="polite">
        <h2>{t('learn.quiz.done', { right, n: round.length })}</h2>
        <button type="button" class="primary" onClick={() => state.startRound()} data-testid="quiz-again">
          {t('learn.quiz.again')}
        </button>
      </section>
    );
  }
  const kind = scenarioKind(question.scenario);
  const right = question.choices.find((c) => c.key === question.answer);
  return (
    <section class="quiz" aria-labelledby="quiz-title" data-testid="quiz" data-scenario={question.scenario.id}>
      <p class="muted" id="quiz-title">
        {t('learn.quiz.progress', { at: index + 1, n: round.length })} · {t(`learn.quiz.ask.${kind}`)}
      </p>
      <ScenarioText question={question} playbook={playbook} reveal={answered !== undefined} />
      <ol class="choices-list" role="group" aria-label={t(`learn.quiz.ask.${kind}`)}>
        {question.choices.map((choice, i) => {
          const chosen = answered?.key === choice.key;
          const state_ = answered ? (choice.key === question.answer ? 'right' : chosen ? 'wrong' : '') : '';
          return (
            <li key={choice.key}>
              <button
                type="button"
                class={`answer ${state_}`}
                data-choice={choice.key}
                aria-pressed={chosen}
                disabled={answered !== undefined}
                onClick={() => void state.answer(choice.key)}
              >
                <kbd>{i + 1}</kbd> {choiceLabel(choice, playbook)}
              </button>
            </li>
          );
        })}
      </ol>
      {answered && (
        <div class={`explanation ${answered.correct ? 'right' : 'wrong'}`} data-testid="explanation" aria-live="polite">
          <p class="verdict">
            <strong>{answered.correct ? t('learn.quiz.right') : t('learn.quiz.wrong', { answer: right ? choiceLabel(right, playbook) : '' })}</strong>
          </p>
          <p>{text(question.scenario.why, playbook)}</p>
          {kind === 'segment' && <SegmentRules scenario={question.scenario} playbook={playbook} />}
          <button type="button" class="primary" ref={nextButton} onClick={() => state.next()} data-testid="quiz-next">
            {t('learn.quiz.next')} <kbd>Enter</kbd>
          </button>
        </div>
      )}
    </section>
  );
}
