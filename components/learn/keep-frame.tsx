import { effect } from '@preact/signals';
import { render } from 'preact';
import { t } from '../../lib/i18n';
import { endOfLocalDay } from '../../lib/learn/due';
import type { SaveFrame } from './first-frame';
import { LearnScreen } from './learn-page';
import type { LiveLearnState } from './learn-state';

/**
 * Keeps the frame a fresh open of the page draws first (first-frame.ts) up to date while the page
 * is open: the page's own screen, rendered off screen with a fresh look at the same data (the
 * cards view, the first card's question side), stored whenever it changes (a grade changes the
 * counts and flags, a team update the cards). So the next open shows what the page would have
 * drawn, unless something changed while no Learn page was open (a team update, another
 * language); the page then redraws it as soon as its data is read. Returns a function that stops.
 */
export function keepFirstFrame(state: LiveLearnState, save: SaveFrame): () => void {
  const box = document.createElement('div');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const store = () => {
    timer = undefined;
    const playbook = state.playbookHash.peek();
    // Only a drawn card is worth keeping (not "Loading…" or "no playbook").
    if (!playbook || !box.querySelector('[data-testid="flashcard"]')) return;
    const until = endOfLocalDay(state.now.peek(), state.offset);
    // For a later day's open: when each studied card comes due, and the line for each count.
    const at: number[] = [];
    let changed = 0;
    for (const status of state.statuses.peek()) {
      if (status.changed) changed++;
      else if (status.progress) at.push(status.progress.due);
    }
    const texts = Array.from({ length: at.length + changed + 1 }, (_, n) => t('learn.dueToday', { n }));
    save(box, { since: until - 86_400_000 + 1, until, lang: document.documentElement.lang, title: t('learn.title'), playbook, due: { at, changed, texts } });
  };
  const later = () => {
    if (timer === undefined) timer = setTimeout(store, 50);
  };
  render(<LearnScreen state={state.firstLook()} notice={false} />, box);
  const observer = new MutationObserver(later);
  observer.observe(box, { subtree: true, childList: true, characterData: true, attributes: true });
  // A new day, or a grade that moves a card's due date without changing a count, changes nothing on screen but what is kept.
  const stopDay = effect(() => {
    void state.now.value;
    void state.statuses.value;
    later();
  });
  return () => {
    observer.disconnect();
    stopDay();
    clearTimeout(timer);
    render(null, box);
  };
}
