import 'fake-indexeddb/auto';
/**
 * Issue 14: two panels open on one account (two windows, each with its own database
 * connection). Ticks in one and answers and a persona choice in the other, at the same time:
 * every write survives, and each panel ends up showing all of them.
 */
import Dexie from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { installBuiltinPlaybook, openDb, saveSnapshot, type PlaycardDb } from '../../lib/db';
import { createPanelState, type PanelState } from '../../lib/panel/state';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import type { PageSnapshot } from '../../lib/snapshot';

const page: PageSnapshot = {
  site: 'hubspot',
  kind: 'company',
  url: 'https://app.hubspot.com/contacts/4410123/record/0-2/18234567012',
  recordId: '18234567012',
  company: { name: 'Northwind Logistics', domain: 'northwind-logistics.com', employees: 420 },
  people: [],
};
const KEY = 'domain:northwind-logistics.com';
const TACTICS = ['expert-research-account', 'fast-short-agenda', 'novice-explain-basics', 'burned-own-the-past', 'expert-send-data', 'fast-one-decision'];
const ANSWERS: [string, string][] = [
  ['employees', 'mid'],
  ['annual-revenue', '10m-50m'],
  ['won-deals', 'few'],
  ['open-deals', 'one'],
];

const connections: PlaycardDb[] = [];
const panels: PanelState[] = [];
afterEach(async () => {
  for (const panel of panels.splice(0)) panel.dispose();
  for (const db of connections.splice(0)) db.close();
  await Dexie.delete('two-panels');
});

async function panel(): Promise<PanelState> {
  const db = openDb('two-panels');
  connections.push(db);
  const state = createPanelState({ db, onError: (error) => { throw error; } });
  panels.push(state);
  state.showTab({ kind: 'state', state: { status: 'ok', accountKey: KEY, site: 'hubspot', url: page.url, at: 1 } });
  return state;
}

test('ticks in one panel and answers in the other, at the same time: nothing is lost, both panels show everything', async () => {
  const setup = openDb('two-panels');
  connections.push(setup);
  await installBuiltinPlaybook(setup, DEFAULT_PLAYBOOK, 1);
  await saveSnapshot(setup, page, 2);
  const [left, right] = [await panel(), await panel()];

  // Interleaved, not awaited one by one: each write races the other panel's.
  await Promise.all([
    ...TACTICS.map((id) => left.toggleTactic(id, true)),
    ...ANSWERS.map(([criterion, option]) => right.answer(criterion, option)),
    right.choosePersona({ primary: 'burned', secondary: 'expert' }),
  ]);
  await Promise.all([left.toggleTactic('fast-short-agenda', false), right.answer('won-deals', 'several')]);

  const stored = await setup.inputs.get(KEY);
  expect(Object.entries(stored?.checks ?? {}).filter(([, c]) => c.done).map(([id]) => id).sort()).toEqual(
    ['burned-own-the-past', 'expert-research-account', 'expert-send-data', 'fast-one-decision', 'novice-explain-basics'],
  );
  expect(stored?.checks['fast-short-agenda']?.done).toBe(false);
  expect(stored?.answers).toEqual({ employees: 'mid', 'annual-revenue': '10m-50m', 'won-deals': 'several', 'open-deals': 'one' });
  expect(stored?.persona).toMatchObject({ primary: 'burned', secondary: 'expert' });

  // Each panel shows the other's writes (a hang guard, not a speed check).
  for (const state of [left, right]) {
    await expect.poll(() => state.input.value?.answers['won-deals'], { timeout: 15_000 }).toBe('several');
    await expect.poll(() => Object.values(state.input.value?.checks ?? {}).filter((c) => c.done).length, { timeout: 15_000 }).toBe(5);
    expect(state.input.value?.persona?.primary).toBe('burned');
  }
});
