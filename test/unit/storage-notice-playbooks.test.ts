import 'fake-indexeddb/auto';
/**
 * Issue 14, defect 8: a playbook import, publish or rollback on a full disk. The background's
 * service answers with a `storage` rejection (nothing changed), which the options page and the
 * studio word in the rep's language, instead of the raw error ("AbortError: …").
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeOutcome } from '../../components/playbook-outcome';
import { installBuiltinPlaybook, openDb, type PlaycardDb } from '../../lib/db';
import { applyLanguages, loadCatalogue } from '../../lib/i18n';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { createPlaybookService } from '../../lib/playbook/runtime/service';
import { canonicalBytes } from '../../lib/studio/canonical';
import { setAt, type Json } from '../../lib/studio/draft';
import { fillableDisk } from './fillable-disk';

// The same playbook is installed in a fresh database for each case: its persona model is trained once per file.
vi.mock('../../lib/core/persona', async (original) => (await import('./train-once')).trainOncePerPlaybook(await original()));

let db: PlaycardDb;
let disk: ReturnType<typeof fillableDisk>;
let n = 0;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`storage-playbooks-${++n}`);
  disk = fillableDisk(db);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
  applyLanguages(['en']);
});

const service = () => createPlaybookService({ db, alarms: fakeBrowser.alarms, fetch: () => Promise.reject(new TypeError('offline')), builtin: DEFAULT_PLAYBOOK, onError: () => undefined });
const file = (version: string) => ({ name: 'team.json', bytes: canonicalBytes(setAt(DEFAULT_PLAYBOOK as unknown as Json, ['version'], version)), signature: null });

describe.each([
  ['en', 'Your browser has no space left for Playcard: the last change was not saved. Free some disk space, then try again.'],
  ['pl', 'W przeglądarce brakuje miejsca dla Playcard: ostatniej zmiany nie zapisano. Zwolnij trochę miejsca na dysku i spróbuj ponownie.'],
])('in %s', (language, said) => {
  test('an import on a full disk is refused as `storage`, worded for the rep, and the active playbook stays', async () => {
    await loadCatalogue(language);
    applyLanguages([language]);
    disk.fill();
    const outcome = await service().importFile(file('2026.12.2'));
    disk.free();
    expect(outcome).toEqual({ status: 'rejected', reason: { code: 'storage', problem: 'full' } });
    expect(describeOutcome(outcome)).toBe(said);
    expect((await db.playbooks.get('active'))?.version).toBe('2026.12.1');
  });

  test('a rollback on a full disk is refused the same way', async () => {
    await loadCatalogue(language);
    applyLanguages([language]);
    const playbooks = service();
    expect(await playbooks.importFile(file('2026.12.2'))).toMatchObject({ status: 'applied' });
    const builtin = (await db.playbookHistory.orderBy('seq').first())!;
    disk.fill();
    const outcome = await playbooks.rollBack(builtin.seq!);
    disk.free();
    expect(describeOutcome(outcome)).toBe(said);
    expect((await db.playbooks.get('active'))?.version).toBe('2026.12.2');
  });
});
