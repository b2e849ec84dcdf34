import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { PERSONA_MODEL_FORMAT, suggestPersona } from '../../lib/core/persona';
import { activate, ensurePersonaModel, installBuiltinPlaybook, openDb, type PlaycardDb } from '../../lib/db';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { parsePlaybook } from '../../lib/playbook/schema';
import small from '../fixtures/playbooks/small.json';

// The persona model is trained once per playbook, by whoever activates it (the background),
// and stored with it: a panel that opens finds it ready instead of training on every open.

let db: PlaycardDb;
let count = 0;
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const burnedEmail = 'Ostatnia agencja wzięła zaliczkę i zniknęła. Jakie dajecie gwarancje i kary umowne?';

test('the shipped playbook is stored with a model trained on it, and suggestions with the stored copy are right', async () => {
  db = openDb(`model-${++count}`);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK, 1000);
  const active = await db.playbooks.get('active');
  expect(active?.personaModel?.format).toBe(PERSONA_MODEL_FORMAT);
  expect(active?.personaModel?.personaIds).toEqual(['expert', 'fast', 'novice', 'burned']);
  // What the panel reads back from IndexedDB (a structured clone) suggests like a fresh model.
  expect(suggestPersona(burnedEmail, {}, active!.playbook, active!.personaModel).primary).toBe('burned');
});

test('every activation (an update, a rollback) stores the model of the playbook it activates', async () => {
  db = openDb(`model-${++count}`);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK, 1000);
  const parsed = parsePlaybook(small);
  if (!parsed.ok) throw new Error('fixture');
  await activate(db, parsed.playbook, { hash: 'h-small', source: 'file', origin: 'small.json' }, 2000);
  const active = await db.playbooks.get('active');
  expect(active?.version).toBe(parsed.playbook.version);
  expect(active?.personaModel?.personaIds).toEqual(parsed.playbook.personas.map((p) => p.id));
});

test('a playbook stored before models were (an earlier Playcard) gets its model at start, once', async () => {
  db = openDb(`model-${++count}`);
  await db.playbooks.put({ key: 'active', source: 'builtin', version: DEFAULT_PLAYBOOK.version, playbook: DEFAULT_PLAYBOOK, appliedAt: 500, hash: 'h' });
  await ensurePersonaModel(db);
  const active = await db.playbooks.get('active');
  expect(active?.personaModel?.personaIds).toEqual(['expert', 'fast', 'novice', 'burned']);
  expect(active?.appliedAt).toBe(500);
  expect(suggestPersona(burnedEmail, {}, active!.playbook, active!.personaModel).primary).toBe('burned');
});
