import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installBuiltinPlaybook, openDb, type PlaycardDb } from '../../lib/db';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { createPlaybookService } from '../../lib/playbook/runtime/service';
import { canonicalBytes } from '../../lib/studio/canonical';
import { setAt, type Json } from '../../lib/studio/draft';
import { createSigningKey, signBytes } from '../../lib/studio/signing';
import { playbookOptions } from '../../lib/storage-items';

// The same playbook is installed in a fresh database for each case: its persona model is trained once per file.
vi.mock('../../lib/core/persona', async (original) => (await import('./train-once')).trainOncePerPlaybook(await original()));

let db: PlaycardDb;
let n = 0;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`studio-publish-${++n}`);
  await installBuiltinPlaybook(db, DEFAULT_PLAYBOOK);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const service = () =>
  createPlaybookService({ db, alarms: fakeBrowser.alarms, fetch: () => Promise.reject(new TypeError('offline')), builtin: DEFAULT_PLAYBOOK });
const draft = () => setAt(setAt(DEFAULT_PLAYBOOK as unknown as Json, ['version'], '2026.12.2'), ['segmentation', 'segments', 2, 'minPoints'], 0);

test("the studio's publish goes through the background's queue like an import: applied, in the history, announced with the diff", async () => {
  const outcome = await service().publish({ name: 'default-2026.12.2.json', bytes: canonicalBytes(draft()), signature: null });
  expect(outcome).toEqual({ status: 'applied', version: '2026.12.2', changes: 1 });
  const active = await db.playbooks.get('active');
  expect([active?.source, active?.origin, active?.version]).toEqual(['file', 'default-2026.12.2.json', '2026.12.2']);
  expect(active?.playbook.segmentation.segments[2]?.minPoints).toBe(0);
  expect((await db.meta.get('update-notice'))?.value).toMatchObject({ from: '2026.12.1', to: '2026.12.2', seen: false });
});

test('with a signing key in force, an unsigned publish is refused and a studio-signed one applies', async () => {
  const key = await createSigningKey();
  await playbookOptions.setValue({ publicKey: key.publicKey });
  const bytes = canonicalBytes(draft());
  expect(await service().publish({ name: 'team.json', bytes, signature: null })).toEqual({
    status: 'rejected',
    reason: { code: 'unsigned', origin: 'team.json' },
  });
  expect((await db.playbooks.get('active'))?.version).toBe('2026.12.1');
  const signature = await signBytes(key.privateKey, bytes);
  expect(await service().publish({ name: 'team.json', bytes, signature })).toMatchObject({ status: 'applied', version: '2026.12.2' });
});
