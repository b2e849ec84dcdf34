// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { render } from 'preact';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { drawFirstFrame, FRAME_KEY, holdInput, saveFrame, usableFrame, type FirstFrame } from '../../components/learn/first-frame';
import { keepFirstFrame } from '../../components/learn/keep-frame';
import { LearnPage } from '../../components/learn/learn-page';
import { createLearnState } from '../../components/learn/learn-state';
import { installBuiltinPlaybook, openDb, type PlaycardDb } from '../../lib/db';
import { applyLanguages, loadCatalogue, pageAreas } from '../../lib/i18n';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { until } from './wait';

// The frame the Learn page keeps is what a fresh open draws first: the first card's question
// side and today's counts, whatever the rep has on screen now. The next open draws it before the
// page's code has loaded (first-frame.ts), and the page renders over it.

let db: PlaycardDb;
let n = 0;
const store = new Map<string, string>();
const storage = { getItem: (key: string) => store.get(key) ?? null, setItem: (key: string, value: string) => void store.set(key, value) };
const stored = () => (store.has(FRAME_KEY) ? (JSON.parse(store.get(FRAME_KEY)!) as FirstFrame) : undefined);

beforeEach(async () => {
  store.clear();
  db = openDb(`learn-keep-frame-${++n}`);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK, 1);
  pageAreas('learn');
  await loadCatalogue('en');
  applyLanguages(['en']);
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

test('the kept frame shows the first card and the counts a fresh open would, not the card the rep has flipped', async () => {
  const state = createLearnState(db);
  const app = document.createElement('div');
  document.body.replaceChildren(app);
  render(<LearnPage state={state} />, app);
  await until(() => state.awake.value, 'the page to wake');
  const stop = keepFirstFrame(state, (root, meta) => saveFrame(storage, '1.0.0', root, meta));
  await until(() => stored(), 'a kept frame');
  const before = document.createElement('div');
  drawFirstFrame(before, stored()!);
  expect(before.querySelector('[data-testid="flashcard"]')?.getAttribute('data-card')).toBe('persona:expert');
  expect(before.querySelector('[data-testid="new-count"]')?.textContent).toBe('61 new cards');

  // The rep grades the first card and flips the second: a fresh open still starts on the first, one fewer new.
  state.flip();
  await state.gradeCard('good');
  state.flip();
  await until(() => stored()?.nodes && JSON.stringify(stored()!.nodes).includes('60 new cards'), 'the frame to follow the grade');
  expect(app.querySelector('[data-testid="flashcard"]')?.getAttribute('data-card')).toBe('persona:fast');
  expect(app.querySelector('[data-testid="flashcard"]')?.getAttribute('data-side')).toBe('answer');
  const after = document.createElement('div');
  drawFirstFrame(after, usableFrame(storage, state.now.value, '1.0.0')!);
  expect(after.querySelector('[data-testid="flashcard"]')?.getAttribute('data-card')).toBe('persona:expert');
  expect(after.querySelector('[data-testid="flashcard"]')?.getAttribute('data-side')).toBe('question');
  expect(after.querySelector('[data-testid="new-count"]')?.textContent).toBe('60 new cards');
  // The "ready" badge waits for the history on every open, so the frame has none.
  expect(after.querySelector('[data-testid="overall-ready"]')).toBeNull();
  expect(app.querySelector('[data-testid="overall-ready"]')).not.toBeNull();
  expect(stored()!.playbook).toBe((await db.playbooks.get('active'))!.hash);
  stop();
  render(null, app);
  state.dispose();
});

test('Space pressed on the first frame, before the page loaded, flips the card the page then draws', async () => {
  const state = createLearnState(db);
  await until(() => state.loaded.value, 'the playbook and progress to be read');
  const app = document.createElement('div');
  document.body.replaceChildren(app);
  // The rep presses Space on the frame while the page's code is still loading.
  const held = holdInput(document);
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', code: 'Space', bubbles: true, cancelable: true }));
  held.around(() => render(<LearnPage state={state} />, app));
  expect(state.flipped.value).toBe(true);
  render(null, app);
});
