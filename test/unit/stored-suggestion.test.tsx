// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, expect, test, vi } from 'vitest';
import { Panel } from '../../components/panel';
import { factsOf } from '../../lib/core/facts';
import { suggestionBasis } from '../../lib/core/suggestion-basis';
import { installBuiltinPlaybook, openDb, playbookIdentity, rescore, saveSnapshot, type PlaycardDb } from '../../lib/db';
import { createPanelState, type PanelState } from '../../lib/panel/state';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { PageSnapshot } from '../../lib/snapshot';
import { until } from './wait';

// The same playbook is installed in a fresh database for each case: its persona model is trained once per file.
vi.mock('../../lib/core/persona', async (original) => (await import('./train-once')).trainOncePerPlaybook(await original()));

// The background works out an account's persona suggestion after a page read and stores it on
// the account; a panel that opens shows it without loading the persona model. A stored
// suggestion is used only for the text and facts it was worked out from.

const burned = PageSnapshot.parse({
  site: 'gmail',
  kind: 'email',
  url: 'https://mail.google.com/mail/u/0/#inbox/t1',
  recordId: 't1',
  company: { name: 'Kowalski Meble', domain: 'kowalski-meble.pl', employees: 12 },
  text: 'Our previous agency disappeared after taking the deposit and the shop never worked. Before we sign anything we need a written guarantee and fixed deadlines.',
});

let db: PlaycardDb;
let state: PanelState | undefined;
let root: HTMLElement | undefined;
let n = 0;

afterEach(async () => {
  if (root) render(null, root);
  state?.dispose();
  db.close();
  state = undefined;
  root = undefined;
});

test('after a page read the background stores the suggestion; a revisit with the same text keeps it, new text drops it', async () => {
  db = openDb(`suggested-${++n}`);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK, 1000);
  const key = (await saveSnapshot(db, burned, 2000))!;
  expect((await db.accounts.get(key))?.suggested).toBeUndefined();

  await rescore(db, [key], { kind: 'page' }, 2001);
  const stored = (await db.accounts.get(key))?.suggested;
  expect(stored?.suggestion.primary).toBe('burned');

  await saveSnapshot(db, burned, 3000);
  expect((await db.accounts.get(key))?.suggested).toEqual(stored);

  await saveSnapshot(db, { ...burned, text: 'Can you send the price list? We need it by Friday, thanks.' }, 4000);
  expect((await db.accounts.get(key))?.suggested).toBeUndefined();
});

/** The account as the background left it, with `primary` as its stored suggestion for `basisOf` text. */
async function mountWithStored(primary: string, basisText: string): Promise<void> {
  db = openDb(`suggested-${++n}`);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK, 1000);
  const key = (await saveSnapshot(db, burned, 2000))!;
  const active = (await db.playbooks.get('active'))!;
  const account = (await db.accounts.get(key))!;
  await db.accounts.update(key, {
    suggested: {
      playbookHash: playbookIdentity(active),
      basis: suggestionBasis(basisText, factsOf(account.snapshot)),
      suggestion: { primary, confidence: 0.9, scores: { [primary]: 0.9 }, evidence: [] },
    },
  });
  state = createPanelState({ db });
  state.showTab({ kind: 'state', state: { status: 'ok', accountKey: key, site: 'gmail', url: burned.url, at: 2000 } });
  root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<Panel state={state} />, root);
}

const shownPersona = () => root?.querySelector('[data-testid="persona-label"]')?.getAttribute('data-primary');

test('the panel shows the stored suggestion for the text it was worked out from', async () => {
  // Novice is not what this text reads as: seeing it proves the panel took the stored one.
  await mountWithStored('novice', burned.text!);
  expect(await until(shownPersona, 'a persona')).toBe('novice');
});

test('a stored suggestion for other text is not used: the panel works it out from the page', async () => {
  await mountWithStored('novice', 'an earlier email about something else');
  expect(await until(shownPersona, 'a persona')).toBe('burned');
});

test('a suggestion stored under an earlier persona model (an extension update) is not reused', async () => {
  const current = suggestionBasis(burned.text!, { employees: 12 });
  vi.resetModules();
  vi.doMock('../../lib/core/persona/format', () => ({ PERSONA_MODEL_FORMAT: 2 }));
  const earlier = (await import('../../lib/core/suggestion-basis')).suggestionBasis(burned.text!, { employees: 12 });
  vi.doUnmock('../../lib/core/persona/format');
  expect(earlier).not.toBe(current);
  // The same model, text and facts give the same basis: a revisit keeps its suggestion.
  expect(suggestionBasis(burned.text!, { employees: 12 })).toBe(current);
});
