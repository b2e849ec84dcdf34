import { t } from '../../lib/i18n';
import { mixScenarios, scenarioKind, type LearnCard } from '../../lib/learn/cards';
import type { Persona, Playbook, Segment, Tactic } from '../../lib/playbook/schema';
import { WHEN } from '../../lib/playbook/constants';
import { textLanguage } from '../../lib/i18n';
import { text } from '../use-text';

const personaOf = (playbook: Playbook, id: string | undefined) => playbook.personas.find((p) => p.id === id);
const segmentOf = (playbook: Playbook, id: string | undefined) => playbook.segmentation.segments.find((s) => s.id === id);

/** A card's name, for the list, search and the handout. */
export function cardTitle(card: LearnCard, playbook: Playbook): string {
  if (card.kind === 'segment') return text(segmentOf(playbook, card.segment)?.label, playbook);
  const [a, b] = card.personas;
  if (card.kind === 'mix') return t('learn.card.mixTitle', { primary: text(personaOf(playbook, a)?.label, playbook), secondary: text(personaOf(playbook, b)?.label, playbook) });
  return text(personaOf(playbook, a)?.label, playbook);
}

/** Everything a card says, in the reader's language, for search. */
export function cardSearchText(card: LearnCard, playbook: Playbook): string {
  const lang = textLanguage.value;
  const base = lang.split('-')[0] ?? lang;
  const local = (value: Record<string, string> | undefined) => text(value, playbook);
  const personaText = (p: Persona | undefined) =>
    p
      ? [local(p.label), local(p.summary), ...p.traits.map(local), ...p.tactics.map((x) => local(x.text)), ...p.avoid.map(local), ...p.signals.map((s) => local(s.label)), ...(p.examples[lang] ?? p.examples[base] ?? [])]
      : [];
  if (card.kind === 'segment') {
    const s = segmentOf(playbook, card.segment);
    return s ? [local(s.label), local(s.description), local(s.serviceLevel.owner), local(s.serviceLevel.responseTime), local(s.serviceLevel.channel), ...s.tactics.map((x) => local(x.text))].join('\n') : '';
  }
  return card.personas.flatMap((id) => personaText(personaOf(playbook, id))).join('\n');
}

/** The question side: what to recall before flipping. */
export function CardQuestion({ card, playbook }: { card: LearnCard; playbook: Playbook }) {
  const title = cardTitle(card, playbook);
  const prompt = card.kind === 'segment' ? t('learn.card.askSegment', { name: title }) : card.kind === 'mix' ? t('learn.card.askMix', { name: title }) : t('learn.card.askPersona', { name: title });
  return (
    <div class="face question" data-testid="card-question">
      <p class="kind">{t(`learn.kind.${card.kind}`)}</p>
      <h2 class="title">{title}</h2>
      <p class="prompt">{prompt}</p>
    </div>
  );
}

function Tactics({ tactics, playbook }: { tactics: readonly Tactic[]; playbook: Playbook }) {
  return (
    <div class="tactics">
      {WHEN.map((when) => {
        const group = tactics.filter((x) => x.when === when);
        if (!group.length) return null;
        return (
          <div key={when}>
            <h4>{t(`checklist.when.${when}`)}</h4>
            <ul>
              {group.map((x) => (
                <li key={x.id}>{text(x.text, playbook)}</li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}

export function PersonaAnswer({ persona, playbook }: { persona: Persona; playbook: Playbook }) {
  const lang = textLanguage.value;
  const base = lang.split('-')[0] ?? lang;
  const phrases = (persona.examples[lang] ?? persona.examples[base] ?? persona.examples[playbook.fallbackLanguage] ?? []).slice(0, 3);
  const example = playbook.learning.scenarios.find((s) => scenarioKind(s) === 'persona' && s.persona === persona.id && !s.secondary);
  const signals = persona.signals.filter((s) => s.weight > 0).slice(0, 6);
  return (
    <div class="answer-body">
      <p class="summary">{text(persona.summary, playbook)}</p>
      <h3>{t('learn.card.recognise')}</h3>
      <ul>
        {persona.traits.map((trait, i) => (
          <li key={i}>{text(trait, playbook)}</li>
        ))}
      </ul>
      {signals.length > 0 && (
        <p class="signals">
          <strong>{t('learn.card.signals')}: </strong>
          {signals.map((s) => text(s.label, playbook)).join(' · ')}
        </p>
      )}
      {phrases.length > 0 && (
        <ul class="phrases" aria-label={t('learn.card.phrases')}>
          {phrases.map((phrase, i) => (
            <li key={i}>
              <q>{phrase}</q>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('learn.card.tactics')}</h3>
      <Tactics tactics={persona.tactics} playbook={playbook} />
      {persona.avoid.length > 0 && (
        <div class="avoid">
          <h3>{t('persona.avoid')}</h3>
          <ul>
            {persona.avoid.map((item, i) => (
              <li key={i}>{text(item, playbook)}</li>
            ))}
          </ul>
        </div>
      )}
      {example && (
        <div class="example">
          <h3>{t('learn.card.example')}</h3>
          <p>{text(example.text, playbook)}</p>
          <p class="muted">{text(example.why, playbook)}</p>
        </div>
      )}
    </div>
  );
}

export function SegmentAnswer({ segment, playbook }: { segment: Segment; playbook: Playbook }) {
  const { segments, matrix, criteria } = playbook.segmentation;
  const next = segments.filter((s) => s.minPoints > segment.minPoints).map((s) => s.minPoints);
  const upTo = next.length ? Math.min(...next) - 1 : undefined;
  const label = (criterionId: string, optionId: string) => text(criteria.find((c) => c.id === criterionId)?.options.find((o) => o.id === optionId)?.label, playbook);
  const cells = matrix?.cells.filter((c) => c.segment === segment.id) ?? [];
  const level = segment.serviceLevel;
  return (
    <div class="answer-body">
      {segment.description && <p class="summary">{text(segment.description, playbook)}</p>}
      <h3>{t('learn.card.criteria')}</h3>
      <p>{upTo === undefined ? t('learn.card.pointsFrom', { min: segment.minPoints }) : t('learn.card.pointsRange', { min: segment.minPoints, max: upTo })}</p>
      {matrix && cells.length > 0 && (
        <p>
          <strong>{t('learn.card.matrix', { rows: text(criteria.find((c) => c.id === matrix.rows)?.label, playbook), columns: text(criteria.find((c) => c.id === matrix.columns)?.label, playbook) })}: </strong>
          {cells.map((c) => `${label(matrix.rows, c.row)} × ${label(matrix.columns, c.column)}`).join(' · ')}
        </p>
      )}
      <h3>{t('service.title')}</h3>
      <dl class="service">
        <div><dt>{t('service.owner')}</dt><dd>{text(level.owner, playbook)}</dd></div>
        <div><dt>{t('service.responseTime')}</dt><dd>{text(level.responseTime, playbook)}</dd></div>
        <div><dt>{t('service.channel')}</dt><dd>{text(level.channel, playbook)}</dd></div>
        <div><dt>{t('service.touch')}</dt><dd>{t(`touch.${level.touch}`)}</dd></div>
      </dl>
      <h3>{t('learn.card.doDifferently')}</h3>
      <Tactics tactics={segment.tactics} playbook={playbook} />
    </div>
  );
}

export function MixAnswer({ card, playbook }: { card: LearnCard; playbook: Playbook }) {
  const [primary, secondary] = card.personas.map((id) => personaOf(playbook, id));
  if (!primary || !secondary) return null;
  const examples = mixScenarios(playbook, { primary: primary.id, secondary: secondary.id });
  return (
    <div class="answer-body">
      <p>{t('learn.card.mixDominant', { primary: text(primary.label, playbook), secondary: text(secondary.label, playbook) })}</p>
      <p class="summary">
        <strong>{text(primary.label, playbook)}: </strong>
        {text(primary.summary, playbook)}
      </p>
      <p class="summary">
        <strong>{text(secondary.label, playbook)}: </strong>
        {text(secondary.summary, playbook)}
      </p>
      <h3>{t('learn.card.tactics')}</h3>
      <Tactics tactics={primary.tactics.filter((x) => x.when === 'during')} playbook={playbook} />
      <div class="avoid">
        <h3>{t('persona.avoid')}</h3>
        <ul>
          {[...primary.avoid, ...secondary.avoid].map((item, i) => (
            <li key={i}>{text(item, playbook)}</li>
          ))}
        </ul>
      </div>
      {examples.map((s) => (
        <div class="example" key={s.id}>
          <h3>{t('learn.card.example')}</h3>
          <p>{text(s.text, playbook)}</p>
          <p class="muted">{text(s.why, playbook)}</p>
        </div>
      ))}
    </div>
  );
}

/** The answer side of any browsable card. */
export function CardAnswer({ card, playbook }: { card: LearnCard; playbook: Playbook }) {
  if (card.kind === 'persona') {
    const persona = personaOf(playbook, card.personas[0]);
    return persona ? <PersonaAnswer persona={persona} playbook={playbook} /> : null;
  }
  if (card.kind === 'segment') {
    const segment = segmentOf(playbook, card.segment);
    return segment ? <SegmentAnswer segment={segment} playbook={playbook} /> : null;
  }
  if (card.kind === 'mix') return <MixAnswer card={card} playbook={playbook} />;
  return null;
}
