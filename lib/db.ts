import Dexie, { type EntityTable } from 'dexie';
import { accountKeyOf, mergeSnapshots } from './core/account';
import type { PlaybookChange } from './playbook/diff';
import type { LocalText, Playbook } from './playbook/schema';
import type { PageSnapshot } from './snapshot';

export interface AccountRecord {
  /** `domain:acme.com`, `hubspot:123`, ... see accountKeyOf. */
  key: string;
  name: string;
  domain?: string;
  /** Site of the latest read. */
  site: string;
  snapshot: PageSnapshot;
  firstSeenAt: number;
  seenAt: number;
}

export interface PersonaChoice {
  primary: string;
  secondary?: string;
  at: number;
}

export interface TacticCheck {
  done: boolean;
  at: number;
  /** The tactic's text when ticked, so a tick survives a playbook that drops the tactic ("from an earlier playbook"). */
  text?: LocalText;
}

/** Everything a rep typed or clicked for one account. Kept apart from page reads so a re-read never overwrites it. */
export interface RepInput {
  key: string;
  /** criterion id → option id */
  answers: Record<string, string>;
  persona?: PersonaChoice;
  /** tactic id → state; ids of tactics a later playbook removed are kept. */
  checks: Record<string, TacticCheck>;
  updatedAt: number;
}

/** Where the playbook in use came from. */
export type PlaybookSource = 'builtin' | 'file' | 'url' | 'policy';

export interface StoredPlaybook {
  /** `active`: the one every panel uses. */
  key: 'active';
  source: PlaybookSource;
  version: string;
  playbook: Playbook;
  appliedAt: number;
  /** SHA-256 of the bytes it came from (of its JSON for the built-in one); since schema v2. */
  hash?: string;
  /** The URL or file name it came from. */
  origin?: string;
}

/** Every playbook ever applied, newest last, for the options page's history and rollback (schema v2). */
export interface PlaybookVersion {
  seq?: number;
  hash: string;
  version: string;
  source: PlaybookSource;
  origin?: string;
  playbook: Playbook;
  appliedAt: number;
}

/** Small records about playbook updates, keyed by what they are (schema v2). */
export type MetaRecord =
  | { key: 'update-status'; value: UpdateStatus }
  | { key: 'update-notice'; value: UpdateNotice };

/** The update state among meta records (empty when there is none yet). */
export function statusOf(records: readonly MetaRecord[] | undefined): UpdateStatus {
  const record = records?.find((r) => r.key === 'update-status');
  return record?.key === 'update-status' ? record.value : {};
}

/** The last "playbook updated" notice among meta records, seen or not. */
export function noticeOf(records: readonly MetaRecord[] | undefined): UpdateNotice | undefined {
  const record = records?.find((r) => r.key === 'update-notice');
  return record?.key === 'update-notice' ? record.value : undefined;
}

export interface UpdateStatus {
  lastCheckAt?: number;
  lastSuccessAt?: number;
  /** The last failure; cleared by the next success. The last good playbook stays active. */
  lastError?: { at: number; source: string; message: string };
  /** The rep rolled back from this version (hash): polls do not re-apply it, only a newer one. */
  heldBack?: string;
}

export interface UpdateNotice {
  from?: string;
  to: string;
  at: number;
  /** The diff, stored so the panel needs no second copy of the old playbook. */
  changes: PlaybookChange[];
  seen: boolean;
}

export type PlaycardDb = Dexie & {
  accounts: EntityTable<AccountRecord, 'key'>;
  inputs: EntityTable<RepInput, 'key'>;
  playbooks: EntityTable<StoredPlaybook, 'key'>;
  playbookHistory: EntityTable<PlaybookVersion, 'seq'>;
  meta: EntityTable<MetaRecord, 'key'>;
};

export const DB_NAME = 'playcard';

/**
 * Versions that shipped are never edited: add a new `db.version(n + 1)` with an
 * upgrade and a fixture test instead (test/unit/db.test.ts).
 */
export function openDb(name = DB_NAME): PlaycardDb {
  const db = new Dexie(name) as PlaycardDb;
  db.version(1).stores({
    accounts: 'key, seenAt, domain',
    inputs: 'key',
    playbooks: 'key',
  });
  // v2: team playbooks keep every applied version and the state of their updates.
  // The v1 active playbook enters the history on first use (ensurePlaybookHistory),
  // because hashing it needs crypto.subtle, which cannot run inside an upgrade transaction.
  db.version(2).stores({
    playbookHistory: '++seq, hash, appliedAt',
    meta: 'key',
  });
  return db;
}

/** Stores a page read, merged into what was known; returns the account key, or undefined when the page names no account. */
export async function saveSnapshot(db: PlaycardDb, snapshot: PageSnapshot, now = Date.now()): Promise<string | undefined> {
  const key = accountKeyOf(snapshot);
  if (!key) return undefined;
  // A record read before its website field rendered was keyed by the CRM's record id;
  // once the domain is known, that account (and the rep's input) moves under the domain.
  const provisional = snapshot.company.domain && snapshot.recordId ? `${snapshot.site}:${snapshot.recordId}` : undefined;
  await db.transaction('rw', db.accounts, db.inputs, async () => {
    const earlier = provisional ? await db.accounts.get(provisional) : undefined;
    const previous = (await db.accounts.get(key)) ?? earlier;
    const merged = mergeSnapshots(previous?.snapshot, snapshot);
    await db.accounts.put({
      key,
      name: merged.company.name ?? merged.company.domain ?? key,
      domain: merged.company.domain,
      site: snapshot.site,
      snapshot: merged,
      firstSeenAt: previous?.firstSeenAt ?? now,
      seenAt: now,
    });
    if (earlier && provisional) {
      const input = await db.inputs.get(provisional);
      if (input && !(await db.inputs.get(key))) await db.inputs.put({ ...input, key });
      await db.inputs.delete(provisional);
      await db.accounts.delete(provisional);
    }
  });
  return key;
}

export function recentAccounts(db: PlaycardDb, limit = 8): Promise<AccountRecord[]> {
  return db.accounts.orderBy('seenAt').reverse().limit(limit).toArray();
}

function emptyInput(key: string, now: number): RepInput {
  return { key, answers: {}, checks: {}, updatedAt: now };
}

async function updateInput(db: PlaycardDb, key: string, change: (input: RepInput) => void, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.inputs, async () => {
    const input = (await db.inputs.get(key)) ?? emptyInput(key, now);
    change(input);
    input.updatedAt = now;
    await db.inputs.put(input);
  });
}

/** `optionId` undefined clears the answer. */
export function setAnswer(db: PlaycardDb, key: string, criterionId: string, optionId: string | undefined, now = Date.now()) {
  return updateInput(
    db,
    key,
    (input) => {
      if (optionId === undefined) delete input.answers[criterionId];
      else input.answers[criterionId] = optionId;
    },
    now,
  );
}

/** `choice` undefined goes back to the suggestion. */
export function setPersona(db: PlaycardDb, key: string, choice: { primary: string; secondary?: string } | undefined, now = Date.now()) {
  return updateInput(
    db,
    key,
    (input) => {
      if (choice) input.persona = { ...choice, at: now };
      else delete input.persona;
    },
    now,
  );
}

export function setCheck(db: PlaycardDb, key: string, tacticId: string, done: boolean, now = Date.now(), text?: LocalText) {
  return updateInput(db, key, (input) => void (input.checks[tacticId] = text ? { done, at: now, text } : { done, at: now }), now);
}

/**
 * Makes the shipped playbook the active one when no team playbook replaced it,
 * and refreshes it when an extension update ships a new version.
 */
export async function installBuiltinPlaybook(db: PlaycardDb, builtin: Playbook, now = Date.now()): Promise<void> {
  const hash = await sha256Hex(new TextEncoder().encode(JSON.stringify(builtin)));
  await db.transaction('rw', db.playbooks, db.playbookHistory, async () => {
    const active = await db.playbooks.get('active');
    if (active && (active.source !== 'builtin' || active.version === builtin.version)) return;
    await db.playbooks.put({ key: 'active', source: 'builtin', version: builtin.version, playbook: builtin, appliedAt: now, hash });
    await db.playbookHistory.add({ hash, version: builtin.version, source: 'builtin', playbook: builtin, appliedAt: now });
  });
}

/** Hex SHA-256, as `sha256sum` prints it, so a lead can compare with the file they published. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Puts a playbook active before schema v2 into the history, once. */
export async function ensurePlaybookHistory(db: PlaycardDb): Promise<void> {
  const active = await db.playbooks.get('active');
  if (!active || active.hash) return;
  const hash = await sha256Hex(new TextEncoder().encode(JSON.stringify(active.playbook)));
  await db.transaction('rw', db.playbooks, db.playbookHistory, async () => {
    const current = await db.playbooks.get('active');
    if (!current || current.hash) return;
    await db.playbookHistory.add({ hash, version: current.version, source: current.source, origin: current.origin, playbook: current.playbook, appliedAt: current.appliedAt });
    await db.playbooks.update('active', { hash });
  });
}

/** The rep has read the "playbook updated" notice: it is not shown again. */
export async function markNoticeSeen(db: PlaycardDb): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const record = await db.meta.get('update-notice');
    if (record?.key === 'update-notice') await db.meta.put({ key: 'update-notice', value: { ...record.value, seen: true } });
  });
}
