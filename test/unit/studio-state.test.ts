import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, expect, test, vi } from 'vitest';
import { activate, installBuiltinPlaybook, loadDraft, openDb, saveSnapshot, setAnswer, type PlaycardDb } from '../../lib/db';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { parsePlaybook } from '../../lib/playbook/schema';
import { PageSnapshot } from '../../lib/snapshot';
import { getAt, setAt } from '../../lib/studio/draft';
import { createStudioState } from '../../lib/studio/state';
import small from '../fixtures/playbooks/small.json';

// The same playbook is installed in a fresh database for each case: its persona model is trained once per file.
vi.mock('../../lib/core/persona', async (original) => (await import('./train-once')).trainOncePerPlaybook(await original()));

let db: PlaycardDb;
let n = 0;
const states: { saveNow(): Promise<void> }[] = [];
const studio = (options: Omit<Parameters<typeof createStudioState>[0], 'db' | 'builtin'> = {}) => {
  const state = createStudioState({ db, builtin: async () => DEFAULT_PLAYBOOK, ...options });
  states.push(state);
  return state;
};
afterEach(async () => {
  // Pending autosaves are written before the database goes.
  await Promise.all(states.splice(0).map((s) => s.saveNow()));
  db.close();
  await Dexie.delete(db.name);
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const until = async (ready: () => boolean) => {
  for (let i = 0; i < 200 && !ready(); i++) await settle();
};

test('a first visit starts from the active playbook; edits are saved; a new page opens the saved draft, not the active one', async () => {
  db = openDb(`studio-state-${++n}`);
  const team = parsePlaybook(small);
  if (!team.ok) throw new Error('fixture');
  await activate(db, team.playbook, { hash: 'h', source: 'url', origin: 'https://x.example/team.json' }, 1);

  const first = studio({ saveDelay: 0 });
  await first.load();
  expect(first.base.value).toEqual({ kind: 'active', version: '2026.01-1' });
  expect(getAt(first.doc.value, ['id'])).toBe('small-test');
  first.edit((doc) => setAt(doc, ['version'], '2026.01-2'), 'version');
  await first.saveNow();
  expect((await loadDraft(db))?.doc).toMatchObject({ id: 'small-test', version: '2026.01-2' });

  const again = studio();
  await again.load();
  expect(getAt(again.doc.value, ['version'])).toBe('2026.01-2');
  expect(again.saveState.value).toBe('saved');
  // A reload has no undo history of its own.
  expect(again.canUndo.value).toBe(false);
});

test('an invalid edit shows its error and keeps the last valid draft for the preview; undo brings the valid draft back', async () => {
  db = openDb(`studio-state-${++n}`);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK);
  const s = studio({ saveDelay: 0, checkDelay: 0 });
  await s.load();
  expect(s.check.value?.errors).toEqual([]);
  s.edit((doc) => setAt(doc, ['segmentation', 'segments', 2, 'serviceLevel', 'touch'], 'extreme'));
  await until(() => (s.check.value?.errors.length ?? 0) > 0);
  expect(s.check.value?.errors).toEqual([
    { path: 'segmentation.segments[2].serviceLevel.touch', message: 'Invalid option: expected one of "high"|"medium"|"low"' },
  ]);
  expect(s.lastValid.value?.segmentation.segments[2]?.serviceLevel.touch).toBe('medium');
  // Undo and redo go back to drafts already checked: their checks show at once.
  s.undo();
  expect(s.check.value?.errors).toEqual([]);
  s.redo();
  expect(s.check.value?.errors.length).toBe(1);
});

test('the active playbook opens checked at once; typing is checked once the lead pauses, or at once when an action needs it', async () => {
  db = openDb(`studio-state-${++n}`);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK);
  const s = studio({ saveDelay: 0, checkDelay: 60_000 });
  await s.load();
  // Stored only after the background checked it: valid, without the schema running again.
  expect(s.check.value?.errors).toEqual([]);
  s.edit((doc) => setAt(doc, ['version'], ''), 'version');
  s.edit((doc) => setAt(doc, ['version'], ' '), 'version');
  // Mid-typing the header still shows the last check.
  expect(s.check.value?.errors).toEqual([]);
  expect((await s.checkNow())?.errors).toEqual([{ path: 'version', message: 'Too small: expected string to have >=1 characters' }]);
  expect(s.check.value?.errors.length).toBe(1);
});

test("the preview moves a cached account, with the rep's answers, when its segment's threshold changes", async () => {
  db = openDb(`studio-state-${++n}`);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK);
  // 320 employees (3 points) and the rep's answer "ongoing cooperation" (3 points): 6 points, Low-touch.
  const snapshot = PageSnapshot.parse({ site: 'hubspot', kind: 'company', url: 'https://app.hubspot.com/contacts/1/record/0-2/7', recordId: '7', company: { name: 'Cached Co', domain: 'cached.example', employees: 320 } });
  await saveSnapshot(db, snapshot, 1);
  await setAnswer(db, 'domain:cached.example', 'cooperation', 'ongoing', 2);
  const s = studio({ saveDelay: 0, checkDelay: 0 });
  await s.load();
  // The editor opens without them; the cached accounts join the preview right after.
  expect(s.accounts.value.length).toBe(8);
  await s.loadAccounts();
  expect(s.accounts.value.length).toBe(9);
  s.edit((doc) => setAt(doc, ['segmentation', 'segments', 2, 'minPoints'], 6));
  await until(() => s.moves.value.length > 0);
  expect(s.moves.value).toEqual([{ key: 'domain:cached.example', name: 'Cached Co', from: 'low-touch', to: 'standard' }]);
});

test('the built-in playbook is read only when the lead starts from it, and opens checked; a file with a mistake opens with the mistake listed', async () => {
  db = openDb(`studio-state-${++n}`);
  const team = parsePlaybook(small);
  if (!team.ok) throw new Error('fixture');
  await activate(db, team.playbook, { hash: 'h', source: 'url', origin: 'https://x.example/team.json' }, 1);
  let reads = 0;
  const s = createStudioState({ db, builtin: async () => (reads++, DEFAULT_PLAYBOOK), saveDelay: 0, checkDelay: 0 });
  states.push(s);
  await s.load();
  expect(getAt(s.doc.value, ['id'])).toBe('small-test');
  expect(reads).toBe(0);

  await s.openBuiltin();
  expect(reads).toBe(1);
  expect(s.base.value).toEqual({ kind: 'builtin', version: '2026.12.1' });
  expect(getAt(s.doc.value, ['id'])).toBe('default');
  // Shipped checked: no wait for the schema.
  expect(s.check.value?.errors).toEqual([]);

  s.openFile('team.json', setAt(DEFAULT_PLAYBOOK as never, ['segmentation', 'segments', 0, 'minPoints'], 'many'));
  expect(s.base.value).toEqual({ kind: 'file', name: 'team.json', version: '2026.12.1' });
  await until(() => (s.check.value?.errors.length ?? 0) > 0);
  expect(s.check.value?.errors).toEqual([{ path: 'segmentation.segments[0].minPoints', message: 'Invalid input: expected number, received string' }]);
});
