import { effect } from '@preact/signals';
import { render } from 'preact';
import { t } from '../../lib/i18n';
import { endOfLocalDay } from '../../lib/learn/due';
import { FRAME_FORMAT, FRAME_KEY, frameNodeOf, type FirstFrame, type FrameNode } from './first-frame';
import { LearnScreen } from './learn-page';
import type { LiveLearnState } from './learn-state';

/**
 * Keeps the frame a fresh open of the page draws first (first-frame.ts) up to date while the page
 * is open: the page's own screen, rendered off screen with a fresh look at the same data (the
 * cards view, the first card's question side), stored whenever it changes (a grade changes the
 * counts and flags, a team update the cards). So the next open shows what it would have drawn,
 * unless something changed while no Learn page was open (a team update, another language); the
 * page then redraws it when its data is read. Returns a function that stops keeping it.
 */
export function keepFirstFrame(state: LiveLearnState, store: Pick<Storage, 'setItem' | 'getItem'>, build: string): () => void {
  const box = document.createElement('div');
  const look = state.firstLook();
  let last = store.getItem(FRAME_KEY);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    const playbook = state.playbook.peek();
    const stored = playbook ? state.playbookHash.peek() : undefined;
    // Only a drawn card is worth keeping (not "Loading…" or "no playbook").
    if (!playbook || !stored || !box.querySelector('[data-testid="flashcard"]')) return;
    const nodes = Array.from(box.childNodes)
      .map(frameNodeOf)
      .filter((node): node is FrameNode => node !== undefined);
    const until = endOfLocalDay(state.now.peek(), state.offset);
    const frame: FirstFrame = { format: FRAME_FORMAT, build, since: until - 86_400_000 + 1, until, lang: document.documentElement.lang, title: t('learn.title'), playbook: stored, nodes };
    const text = JSON.stringify(frame);
    if (text === last) return;
    try {
      store.setItem(FRAME_KEY, text);
      last = text;
    } catch {
      // Full or disabled: the next open loads without it.
    }
  };
  const later = () => {
    if (timer === undefined) timer = setTimeout(save, 50);
  };
  render(<LearnScreen state={look} notice={false} />, box);
  const observer = new MutationObserver(later);
  observer.observe(box, { subtree: true, childList: true, characterData: true, attributes: true });
  // A new day changes nothing on screen but the day the counts are for.
  const stopDay = effect(() => {
    void state.now.value;
    later();
  });
  return () => {
    observer.disconnect();
    stopDay();
    clearTimeout(timer);
    render(null, box);
  };
}
