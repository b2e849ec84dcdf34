import type { PlaycardDb } from './db';
import { followSource, pollPlaybook, type PollOutcome } from './playbook-poll';
import { readPolicy, resolveSource, type ImportedFile, type RepSourceOptions, type SourceResolution } from './playbook/fetch-rules';
import type { Playbook } from './playbook/schema';

export const PLAYBOOK_ALARM = 'playcard:playbook-poll';
/** storage.local: what the rep set on the options page (RepSourceOptions). */
export const PLAYBOOK_OPTIONS_KEY = 'playbookOptions';
/** storage.local: the name of the last imported file; its content is in the playbook history. */
export const PLAYBOOK_FILE_KEY = 'playbookFile';

/** The parts of the extension API the service uses (the real `browser`, or WXT's fakeBrowser in tests). */
export interface ServiceBrowser {
  alarms: {
    create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
    clear(name: string): Promise<boolean>;
    onAlarm: { addListener(callback: (alarm: { name: string }) => void): void };
  };
  storage: {
    local: { get(keys: string[]): Promise<Record<string, unknown>> };
    managed: { get(): Promise<Record<string, unknown>> };
    onChanged: { addListener(callback: (changes: Record<string, unknown>, area: string) => void): void };
  };
}

export interface ServiceDeps {
  db: PlaycardDb;
  browser: ServiceBrowser;
  fetch: typeof fetch;
  builtin: Playbook;
  /** Tests only: accept http://localhost playbooks. */
  allowInsecureLocal?: boolean;
  onError?: (error: unknown) => void;
}

export type CheckOutcome = PollOutcome | { status: 'no-url'; source: SourceResolution['active']['kind'] };

/**
 * Keeps the active playbook in line with its source: the policy or the rep's
 * URL polled on an alarm (and at start and on "check now"), or the imported
 * file, or the built-in playbook. Safety rules live in pollPlaybook and
 * applyIncoming; this only decides when and what.
 */
export function createPlaybookService({ db, browser, fetch, builtin, allowInsecureLocal, onError = console.warn }: ServiceDeps) {
  const rules = { allowInsecureLocal };

  async function resolve(): Promise<SourceResolution> {
    // Firefox rejects storage.managed.get when no policy exists; that is "no policy".
    const managed = await browser.storage.managed.get().catch(() => ({}));
    const local = await browser.storage.local.get([PLAYBOOK_OPTIONS_KEY, PLAYBOOK_FILE_KEY]);
    const { policy, problems } = readPolicy(managed, rules);
    const resolution = resolveSource(
      {
        policy,
        options: (local[PLAYBOOK_OPTIONS_KEY] as RepSourceOptions | undefined) ?? {},
        file: local[PLAYBOOK_FILE_KEY] as ImportedFile | undefined,
        builtin,
      },
      rules,
    );
    return { ...resolution, notes: [...problems, ...resolution.notes] };
  }

  async function check(): Promise<CheckOutcome> {
    const resolution = await resolve();
    const { active } = resolution;
    if (active.kind === 'url' || active.kind === 'policy') {
      browser.alarms.create(PLAYBOOK_ALARM, { periodInMinutes: resolution.pollMinutes ?? 60 });
      return pollPlaybook({ db, fetch, allowInsecureLocal }, { url: active.url, source: active.kind, publicKey: resolution.publicKey });
    }
    await browser.alarms.clear(PLAYBOOK_ALARM);
    await followSource(db, resolution, builtin);
    return { status: 'no-url', source: active.kind };
  }

  // Polls never overlap: a settings change during a slow poll waits its turn.
  let queue: Promise<unknown> = Promise.resolve();
  function checkNow(): Promise<CheckOutcome> {
    const run = queue.then(check);
    queue = run.catch(onError);
    return run;
  }

  function start(): Promise<CheckOutcome> {
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === PLAYBOOK_ALARM) void checkNow();
    });
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'managed' || (area === 'local' && (PLAYBOOK_OPTIONS_KEY in changes || PLAYBOOK_FILE_KEY in changes))) void checkNow();
    });
    return checkNow();
  }

  return { start, checkNow, resolve };
}

/** Message from the options page: poll now and answer with the CheckOutcome. */
export const CHECK_PLAYBOOK = 'playcard:check-playbook';

/** Message from the options page: which source is in force and what the rep may change (SourceResolution). */
export const RESOLVE_PLAYBOOK_SOURCE = 'playcard:playbook-source';

/** One line for the rep about what a check did. */
export function describeCheck(outcome: CheckOutcome): string {
  switch (outcome.status) {
    case 'applied':
      return `Updated to ${outcome.version} (${outcome.changes} ${outcome.changes === 1 ? 'change' : 'changes'}).`;
    case 'unchanged':
    case 'not-modified':
      return 'Checked: the playbook has not changed.';
    case 'rejected':
      return `Not applied: ${outcome.message}. The last good playbook stays in use.`;
    case 'no-url':
      return outcome.source === 'file' ? 'Using the imported file: there is no address to check.' : 'Using the built-in playbook: there is no address to check.';
  }
}
