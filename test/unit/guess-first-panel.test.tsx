// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { Panel } from '../../components/panel';
import { installBuiltinPlaybook, openDb, saveSnapshot, type PlaycardDb } from '../../lib/db';
import { guessFirstSetting, storedGuesses } from '../../lib/learn/guess-storage';
import { createPanelState, type PanelState } from '../../lib/panel/state';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { readPage } from '../../lib/sites';
import { PageSnapshot } from '../../lib/snapshot';
import { until } from './wait';

// The same playbook is installed in a fresh database for each case: its persona model is trained once per file.
vi.mock('../../lib/core/persona', async (original) => (await import('./train-once')).trainOncePerPlaybook(await original()));

// "Guess first" (issue 10): with the setting on, nothing in the panel may give the account's
// persona away until the rep has guessed. Northwind's HubSpot record reads as Burned + Expert,
// with evidence, and its segment is scored (so "For this call" has the segment's tactics).

const fixture = 'test/fixtures/pages/hubspot/company-northwind';
const northwindUrl = (JSON.parse(readFileSync(`${fixture}.expected.json`, 'utf8')) as { url: string }).url;
const northwind = PageSnapshot.parse(readPage(new DOMParser().parseFromString(readFileSync(`${fixture}.html`, 'utf8'), 'text/html'), northwindUrl));

/** Every persona's name in English, as the panel writes it. */
const PERSONA_NAMES = ['Expert', 'Fast', 'Novice', 'Burned'];
/** Every tactic that belongs to a persona, in English: any of them on screen tells the persona. */
const PERSONA_TACTICS = DEFAULT_PLAYBOOK.personas.flatMap((p) => p.tactics.map((tactic) => tactic.text.en!));

let db: PlaycardDb;
let state: PanelState;
let root: HTMLElement;
let key: string;
let n = 0;

function showPanel(): void {
  state = createPanelState({ db });
  state.showTab({ kind: 'state', state: { status: 'ok', accountKey: key, site: 'hubspot', url: northwindUrl, at: Date.now() } });
  root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<Panel state={state} />, root);
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`guess-first-${++n}`);
  key = (await saveSnapshot(db, northwind, Date.now()))!;
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK);
});

afterEach(() => {
  render(null, root);
  state.dispose();
  db.close();
});

/** What the rep can read on the panel, leaving out the guess itself (whose buttons name every persona). */
function readableOutsideTheGuess(): string {
  const copy = root.cloneNode(true) as HTMLElement;
  copy.querySelector('[data-testid="guess-first"]')?.remove();
  return copy.textContent ?? '';
}

const namedPersonas = (text: string) => PERSONA_NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
const personaTacticsIn = (text: string) => PERSONA_TACTICS.filter((tactic) => text.includes(tactic));

test('without guess first the panel names the persona (the check below would see it)', async () => {
  showPanel();
  await until(() => root.querySelector('[data-testid="persona-label"]'), 'the persona');
  const text = readableOutsideTheGuess();
  expect(namedPersonas(text)).toEqual(expect.arrayContaining(['Burned', 'Expert']));
  expect(personaTacticsIn(text).length).toBeGreaterThan(0);
  expect(root.querySelector('[data-testid="guess-first"]')).toBeNull();
});

test('with guess first on, no persona name, tactic or evidence appears anywhere before the guess', async () => {
  await guessFirstSetting.setValue(true);
  showPanel();
  await until(() => root.querySelector('[data-testid="guess-first"]'), 'the guess');
  const text = readableOutsideTheGuess();
  expect(namedPersonas(text)).toEqual([]);
  expect(personaTacticsIn(text)).toEqual([]);
  expect(root.querySelector('[data-testid="persona"]')).toBeNull();
  expect(root.querySelector('[data-testid="persona-evidence"]')).toBeNull();
  expect(root.querySelector('[data-persona-badge]')).toBeNull();
  // The header asks for the guess; "For this call" keeps the segment's tactics and says why the rest wait.
  expect(root.querySelector('[data-testid="glance-persona"]')?.textContent).toBe('Persona: your guess?');
  expect(root.querySelector('[data-testid="for-this-call-note"]')?.textContent).toBe('The persona’s tactics appear here once you have guessed the persona.');
  const forCall = [...root.querySelectorAll('[data-testid="for-this-call"] [data-tactic]')].map((box) => box.getAttribute('data-tactic'));
  expect(forCall.length).toBeGreaterThan(0);
  const segmentTactics = new Set(DEFAULT_PLAYBOOK.segmentation.segments.flatMap((s) => s.tactics.map((tactic) => tactic.id)));
  expect(forCall.filter((id) => !segmentTactics.has(id!))).toEqual([]);
  // The buttons of the guess name every persona, in playbook order.
  expect([...root.querySelectorAll('[data-guess]')].map((b) => b.textContent)).toEqual(['Expert', 'Fast', 'Novice', 'Burned']);
});

test('the guess reveals the suggestion with its evidence, says whether it agreed, and counts in Learn', async () => {
  await guessFirstSetting.setValue(true);
  showPanel();
  await until(() => root.querySelector('[data-testid="guess-first"]'), 'the guess');
  const check = root.querySelector<HTMLButtonElement>('[data-testid="guess-check"]')!;
  expect(check.disabled).toBe(true);
  root.querySelector<HTMLButtonElement>('[data-guess="burned"]')!.click();
  await until(() => root.querySelector('[data-guess-secondary="expert"]'), 'the secondary choice');
  root.querySelector<HTMLButtonElement>('[data-guess-secondary="expert"]')!.click();
  await until(() => root.querySelector('[data-guess-secondary="expert"][aria-pressed="true"]'), 'expert chosen');
  root.querySelector<HTMLButtonElement>('[data-testid="guess-check"]')!.click();

  const outcome = await until(() => root.querySelector('[data-testid="guess-outcome"]'), 'the outcome');
  expect(outcome.textContent).toBe('Your guess: Burned + Expert. The suggestion agrees: well spotted.');
  expect(outcome.getAttribute('data-outcome')).toBe('agreed');
  const label = root.querySelector('[data-testid="persona-label"]')!;
  expect([label.getAttribute('data-primary'), label.getAttribute('data-secondary')]).toEqual(['burned', 'expert']);
  expect(root.querySelector<HTMLDetailsElement>('#persona details.evidence')?.open).toBe(true);
  expect(root.querySelectorAll('[data-testid="persona-evidence"] li').length).toBeGreaterThan(0);
  expect(root.querySelector('[data-testid="guess-first"]')).toBeNull();

  const reviews = await storedReviews(1);
  expect(reviews).toEqual([{ cardId: 'persona:burned', grading: 'good', source: 'guess', correct: true, personas: ['burned', 'expert'] }]);

  // The guess is kept: a panel opened afresh on the account shows the persona and the outcome, and asks nothing.
  render(null, root);
  state.dispose();
  showPanel();
  await until(() => root.querySelector('[data-testid="guess-outcome"]'), 'the outcome again');
  expect(root.querySelector('[data-testid="guess-first"]')).toBeNull();
  expect(Object.keys(await storedGuesses.getValue())).toEqual([key]);
});

test('a wrong guess says so, and counts as a wrong answer about the suggested personas', async () => {
  await guessFirstSetting.setValue(true);
  showPanel();
  await until(() => root.querySelector('[data-guess="fast"]'), 'the guess');
  root.querySelector<HTMLButtonElement>('[data-guess="fast"]')!.click();
  await until(() => root.querySelector('[data-guess="fast"][aria-pressed="true"]'), 'fast chosen');
  root.querySelector<HTMLButtonElement>('[data-testid="guess-check"]')!.click();
  const outcome = await until(() => root.querySelector('[data-testid="guess-outcome"]'), 'the outcome');
  expect(outcome.textContent).toBe('Your guess: Fast. The suggestion differs: see the evidence below.');
  expect(await storedReviews(1)).toEqual([{ cardId: 'persona:burned', grading: 'again', source: 'guess', correct: false, personas: ['burned', 'expert'] }]);
});

test('turned on from the persona card, guessing starts with the next account: the one in view stays shown', async () => {
  showPanel();
  await until(() => root.querySelector('[data-testid="guess-toggle"]'), 'the switch');
  root.querySelector<HTMLInputElement>('[data-testid="guess-toggle"]')!.click();
  await until(async () => (await guessFirstSetting.getValue()) === true, 'the setting');
  await until(() => root.querySelector<HTMLInputElement>('[data-testid="guess-toggle"]')?.checked, 'the switch on');
  expect(root.querySelector('[data-testid="persona-label"]')?.getAttribute('data-primary')).toBe('burned');
  expect(root.querySelector('[data-testid="guess-first"]')).toBeNull();
  expect(await storedReviews(0)).toEqual([]);
});

/** The Learn reviews stored, once there are `count` of them, without their key and time. */
async function storedReviews(count: number) {
  const deadline = Date.now() + 15_000;
  let rows = await db.learnReviews.toArray();
  while (rows.length < count && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
    rows = await db.learnReviews.toArray();
  }
  return rows.map(({ cardId, grading, source, correct, personas }) => ({ cardId, grading, source, correct, personas }));
}
