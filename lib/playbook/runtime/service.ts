import type { PlaycardDb } from '../../db';
import { storageProblemOf } from '../../db/storage-errors';
import { MAX_PLAYBOOK_BYTES, type SourceResolution } from '../fetch-rules';
import type { Playbook } from '../schema';
import type { ApplyOutcome, CheckOutcome } from './outcome';
import { followSource, pollPlaybook } from './poll';
import { currentSource, watchSource } from './sources';
import { applyIncoming, rollBack } from './store';
import { playbookFile } from '../../storage-items';

export const PLAYBOOK_ALARM = 'playcard:playbook-poll';

/** The alarms API (the real `browser.alarms`, or WXT's fakeBrowser in tests). */
export interface ServiceAlarms {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
  clear(name: string): Promise<boolean>;
  onAlarm: { addListener(callback: (alarm: { name: string }) => void): void };
}

export interface ServiceDeps {
  db: PlaycardDb;
  alarms: ServiceAlarms;
  fetch: typeof fetch;
  builtin: Playbook;
  /** Tests only: accept http://localhost playbooks. */
  allowInsecureLocal?: boolean;
  onError?: (error: unknown) => void;
}

/** A playbook file with its exact bytes, as the background received it from the options page. */
export interface ImportedPlaybook {
  name: string;
  bytes: Uint8Array;
  signature: string | null;
}

/**
 * The one playbook runtime, owned by the background. Every write of the active playbook
 * (a poll on start, on the alarm or on "check now", a file import, a rollback, later the
 * studio's publish) runs through one queue, in order, so two writers never interleave.
 * Safety rules live in pollPlaybook and applyIncoming; this decides when and what.
 */
export function createPlaybookService({ db, alarms, fetch, builtin, allowInsecureLocal, onError = console.warn }: ServiceDeps) {
  const rules = { allowInsecureLocal };

  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `work` after every write queued before it; a failure does not block the ones after. */
  function serialise<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(onError);
    return run;
  }

  /** A write the browser refused (a full disk) is an answer the options page words, not an error. */
  async function refusedAsStorage(work: () => Promise<ApplyOutcome>): Promise<ApplyOutcome> {
    try {
      return await work();
    } catch (error) {
      const problem = storageProblemOf(error);
      if (problem === 'failed') throw error;
      return { status: 'rejected', reason: { code: 'storage', problem } };
    }
  }

  function resolve(): Promise<SourceResolution> {
    return currentSource(builtin, rules);
  }

  async function check(): Promise<CheckOutcome> {
    const resolution = await resolve();
    const { active } = resolution;
    if (active.kind === 'url' || active.kind === 'policy') {
      alarms.create(PLAYBOOK_ALARM, { periodInMinutes: resolution.pollMinutes ?? 60 });
      return pollPlaybook({ db, fetch, allowInsecureLocal }, { url: active.url, source: active.kind, publicKey: resolution.publicKey });
    }
    await alarms.clear(PLAYBOOK_ALARM);
    await followSource(db, resolution, builtin);
    return { status: 'no-url', source: active.kind };
  }

  async function importNow(file: ImportedPlaybook): Promise<ApplyOutcome> {
    if (file.bytes.byteLength > MAX_PLAYBOOK_BYTES)
      return { status: 'rejected', reason: { code: 'too-large', bytes: file.bytes.byteLength, limit: MAX_PLAYBOOK_BYTES } };
    // The key in force (policy or the rep's), not one a page could pass along, resolved as if this
    // file were the source: while the built-in playbook is active no key applies, and the first
    // import would otherwise skip the signature check the key asks for.
    const { publicKey } = await currentSource(builtin, rules, { name: file.name });
    const outcome = await applyIncoming(db, { bytes: file.bytes, source: 'file', origin: file.name, publicKey, signature: file.signature });
    if (outcome.status !== 'rejected') await playbookFile.setValue({ name: file.name });
    return outcome;
  }

  return {
    resolve,
    /** Polls (or follows a file / the built-in playbook) now. */
    checkNow: (): Promise<CheckOutcome> => serialise(check),
    importFile: (file: ImportedPlaybook): Promise<ApplyOutcome> => serialise(() => refusedAsStorage(() => importNow(file))),
    /** A rollback is explicit, so it may go to an older version; with a key in force, only to one a trusted key verified. */
    rollBack: (seq: number): Promise<ApplyOutcome> => serialise(() => refusedAsStorage(async () => rollBack(db, seq, Date.now(), (await resolve()).publicKey))),
    /**
     * The studio's "publish to this browser": the lead's exported file and its signature, applied
     * exactly as an imported file is (same checks, same key in force), in the same queue.
     */
    publish: (file: ImportedPlaybook): Promise<ApplyOutcome> => serialise(() => refusedAsStorage(() => importNow(file))),
    /**
     * Checks on the alarm and whenever the source's settings change. Registered on every wake of
     * the background (listeners must be), while the check itself runs only when the browser
     * starts or the extension is installed or updated (`start`): a woken worker must answer the
     * page's report at once, not poll first.
     */
    listen(): void {
      alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === PLAYBOOK_ALARM) void serialise(check);
      });
      watchSource(() => void serialise(check));
    },
    /** `listen`, and one check now. */
    start(): Promise<CheckOutcome> {
      this.listen();
      return serialise(check);
    },
  };
}

export type PlaybookService = ReturnType<typeof createPlaybookService>;
