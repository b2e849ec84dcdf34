import { t } from '../../lib/i18n';
import type { LearnCard } from '../../lib/learn/cards';
import type { Playbook } from '../../lib/playbook/schema';
import { text } from '../use-text';
import { CardAnswer, cardTitle } from './card-views';

/** Every card, answer side, for a classroom day: hidden on screen, the only thing printed. */
export function Handout({ cards, playbook }: { cards: readonly LearnCard[]; playbook: Playbook }) {
  return (
    <section class="handout" data-testid="handout" aria-hidden="true">
      <h1>{t('learn.handout.title', { playbook: text(playbook.name, playbook), version: playbook.version })}</h1>
      {cards
        .filter((c) => c.kind !== 'scenario')
        .map((card) => (
          <article key={card.id} class={`handout-card ${card.kind}`}>
            <p class="kind">{t(`learn.kind.${card.kind}`)}</p>
            <h2>{cardTitle(card, playbook)}</h2>
            <CardAnswer card={card} playbook={playbook} />
          </article>
        ))}
    </section>
  );
}
