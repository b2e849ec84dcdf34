import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { PERSONA_MODEL_FORMAT, suggestPersona } from '../../lib/core/persona';
import { activate, ensurePersonaModel, installBuiltinPlaybook, openDb, storedPersonaModel, type PlaycardDb } from '../../lib/db';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { parsePlaybook } from '../../lib/playbook/schema';
import small from '../fixtures/playbooks/small.json';

// The persona model is trained once per playbook, by whoever activates it (the background),
// and stored beside it (its own table since schema v6): nobody trains it again.

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
  const model = await storedPersonaModel(db, active!);
  expect(model?.format).toBe(PERSONA_MODEL_FORMAT);
  expect(model?.personaIds).toEqual(['expert', 'fast', 'novice', 'burned']);
  // The playbook's own record no longer carries the model: reading the playbook stays cheap.
  expect(Object.keys(active!)).not.toContain('personaModel');
  // What is read back from IndexedDB (a structured clone) suggests like a fresh model.
  expect(suggestPersona(burnedEmail, {}, active!.playbook, model).primary).toBe('burned');
});

test('every activation (an update, a rollback) stores the model of the playbook it activates', async () => {
  db = openDb(`model-${++count}`);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK, 1000);
  const parsed = parsePlaybook(small);
  if (!parsed.ok) throw new Error('fixture');
  await activate(db, parsed.playbook, { hash: 'h-small', source: 'file', origin: 'small.json' }, 2000);
  const active = await db.playbooks.get('active');
  expect(active?.version).toBe(parsed.playbook.version);
  expect((await storedPersonaModel(db, active!))?.personaIds).toEqual(parsed.playbook.personas.map((p) => p.id));
  // Only the active playbook's model is kept.
  expect(await db.personaModels.toCollection().primaryKeys()).toEqual(['h-small']);
});

test('a playbook stored before models were (an earlier Playcard) gets its model at start, once', async () => {
  db = openDb(`model-${++count}`);
  await db.playbooks.put({ key: 'active', source: 'builtin', version: DEFAULT_PLAYBOOK.version, playbook: DEFAULT_PLAYBOOK, appliedAt: 500, hash: 'h' });
  await ensurePersonaModel(db);
  const active = await db.playbooks.get('active');
  const model = await storedPersonaModel(db, active!);
  expect(model?.personaIds).toEqual(['expert', 'fast', 'novice', 'burned']);
  expect(active?.appliedAt).toBe(500);
  expect(suggestPersona(burnedEmail, {}, active!.playbook, model).primary).toBe('burned');
});

test('a database of schema v5, whose active playbook carries its model, hands the model to its own table on upgrade', async () => {
  const name = `model-${++count}`;
  const v5 = new Dexie(name);
  v5.version(5).stores({ accounts: 'key, seenAt, domain', inputs: 'key', playbooks: 'key', playbookHistory: '++seq, hash, appliedAt', meta: 'key' });
  const old = openDb(`model-source-${count}`);
  await installBuiltinPlaybook(old, DEFAULT_PLAYBOOK, 1000);
  const trained = await storedPersonaModel(old, (await old.playbooks.get('active'))!);
  old.close();
  await Dexie.delete(old.name);
  await v5.table('playbooks').put({ key: 'active', source: 'builtin', version: DEFAULT_PLAYBOOK.version, playbook: DEFAULT_PLAYBOOK, appliedAt: 700, hash: 'h-v5', personaModel: trained });
  v5.close();

  db = openDb(name);
  const active = await db.playbooks.get('active');
  expect(active?.appliedAt).toBe(700);
  expect(Object.keys(active!)).not.toContain('personaModel');
  const model = await storedPersonaModel(db, active!);
  expect(model?.personaIds).toEqual(['expert', 'fast', 'novice', 'burned']);
  expect(suggestPersona(burnedEmail, {}, active!.playbook, model).primary).toBe('burned');
});
