import Dexie, { type EntityTable } from 'dexie';
import type { PersonaModel, PersonaSuggestion } from '../core/persona';
import type { PlaybookChange } from '../playbook/diff';
import type { Rejection } from '../playbook/runtime/outcome';
import type { LocalText, Playbook } from '../playbook/schema';
import type { ReviewRecord } from '../learn/ready';
import type { CardProgress } from '../learn/schedule';
import type { PageSnapshot } from '../snapshot';
import type { StorageProblem } from './storage-errors';
import type { AccountScore, HistoryEntry, ImportMapping, Pin } from '../accounts/types';

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
  /**
   * The persona suggestion for this snapshot under the active playbook, worked out by the
   * background after the read, so a panel that opens shows it without loading the model.
   * Used only while both its playbook and its basis (snapshotBasis) still match. Not indexed.
   */
  suggested?: StoredSuggestion;
}

/** A persona suggestion and what it was worked out from. */
export interface StoredSuggestion {
  /** The playbook's identity (playbookIdentity). */
  playbookHash: string;
  /** suggestionBasis of the text and facts it read (and the model's format). */
  basis: string;
  suggestion: PersonaSuggestion;
}

/** The stored suggestion when it was worked out under this playbook from this basis; otherwise undefined (work it out again). */
export function freshSuggestion(suggested: StoredSuggestion | undefined, playbookHash: string | undefined, basis: string): PersonaSuggestion | undefined {
  return suggested && suggested.playbookHash === playbookHash && suggested.basis === basis ? suggested.suggestion : undefined;
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
  /** Id of the public key that verified its signature; absent when it was not signed. Not indexed. */
  signedBy?: string;
}

/**
 * What tells playbook versions apart: the hash of their bytes; a playbook active before
 * schema v2 has no hash yet, so its version stands in.
 */
export const playbookIdentity = (active: Pick<StoredPlaybook, 'hash' | 'version'>): string => active.hash ?? `version:${active.version}`;

/**
 * The persona model trained on a playbook when it became active (schema v6), so nobody trains
 * it again. Its own table, not a field of the active playbook: at 2 MB it made every read of
 * the playbook (each panel open, each page's re-score) copy it.
 */
export interface StoredPersonaModel {
  /** playbookIdentity of the playbook it was trained on. */
  hash: string;
  model: PersonaModel;
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
  /**
   * Id of the public key (keyIdOf) that verified this version's signature when it arrived;
   * absent when it was not signed. History keeps the parsed playbook, not the bytes, so a
   * rollback cannot re-verify: it checks this key is still trusted instead. Not indexed.
   */
  signedBy?: string;
}

/** Small records about playbook updates, keyed by what they are (schema v2). */
export type MetaRecord =
  | { key: 'update-status'; value: UpdateStatus }
  | { key: 'update-notice'; value: UpdateNotice };

export interface UpdateStatus {
  lastCheckAt?: number;
  lastSuccessAt?: number;
  /** The last failure; cleared by the next success. The last good playbook stays active. */
  lastError?: { at: number; source: string; message: string; reason?: Rejection };
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

/** Where a studio draft started (schema v4). */
export interface DraftBase {
  kind: 'active' | 'file' | 'builtin';
  /** The file name, for an imported file. */
  name?: string;
  version: string;
}

/** The playbook a lead is editing in the studio, saved as they type (schema v4). */
export interface StudioDraft {
  /** `current`: the studio edits one draft at a time. */
  id: 'current';
  /** The playbook file as JSON, exactly as edited (it may be invalid while the lead types). */
  doc: unknown;
  base: DraftBase;
  savedAt: number;
}

/** A lead's signing key (schema v4). The private half is a non-extractable CryptoKey: usable here, readable nowhere. */
export interface SigningKeyRecord {
  /** The base64 SPKI public key. */
  publicKey: string;
  privateKey: CryptoKey;
  createdAt: number;
  /** `created`: made in the studio (one backup was downloaded); `loaded`: from a key file. */
  origin: 'created' | 'loaded';
}

export type PlaycardDb = Dexie & {
  accounts: EntityTable<AccountRecord, 'key'>;
  inputs: EntityTable<RepInput, 'key'>;
  playbooks: EntityTable<StoredPlaybook, 'key'>;
  playbookHistory: EntityTable<PlaybookVersion, 'seq'>;
  meta: EntityTable<MetaRecord, 'key'>;
  /** Learn (schema v3): one memory state per card, keyed by card id (`persona:expert`, `scenario:<id>`). */
  learnProgress: EntityTable<CardProgress, 'id'>;
  /** Learn (schema v3): every card review, quiz answer and panel guess, oldest first. */
  learnReviews: EntityTable<ReviewRecord, 'seq'>;
  studioDrafts: EntityTable<StudioDraft, 'id'>;
  signingKeys: EntityTable<SigningKeyRecord, 'publicKey'>;
  /** The last scored state of each account (schema v5): the book's rows and the base of the history. */
  scores: EntityTable<AccountScore, 'key'>;
  /** Segment and persona moves, pins and unpins (schema v5). */
  history: EntityTable<HistoryEntry, 'id'>;
  /** A rep's pinned segment with its reason (schema v5). */
  pins: EntityTable<Pin, 'key'>;
  /** CSV column mappings, remembered per header set (schema v5). */
  importMappings: EntityTable<ImportMapping, 'headers'>;
  /** The active playbook's persona model (schema v6). */
  personaModels: EntityTable<StoredPersonaModel, 'hash'>;
};

export const DB_NAME = 'playcard';

/**
 * Versions that shipped are never edited: add a new `db.version(n + 1)` with an
 * upgrade and a fixture test instead (test/unit/db.test.ts).
 */
export interface OpenDbHooks {
  /**
   * Told when the database cannot be used as it is: `blocked` while an upgrade waits for an old
   * tab to let go (without this, a panel would wait on "Reading the page..." forever), and
   * `outdated` when a newer build upgraded it under this page (Dexie then closes this copy).
   */
  onStorageProblem?: (problem: Extract<StorageProblem, 'blocked' | 'outdated'>) => void;
  /** Told each time the database opens (after any upgrade): a `blocked` notice can go. */
  onReady?: () => void;
}

export function openDb(name = DB_NAME, hooks: OpenDbHooks = {}): PlaycardDb {
  const db = new Dexie(name) as PlaycardDb;
  db.on('blocked', () => hooks.onStorageProblem?.('blocked'));
  // Dexie closes the database on a version change by default; this only says so.
  db.on('versionchange', () => void hooks.onStorageProblem?.('outdated'));
  // Sticky: every open, not only the first (a page may reopen after an `outdated` close).
  if (hooks.onReady) db.on('ready', () => hooks.onReady?.(), true);
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
  // v3 (Learn): a new hire's spaced-repetition state and history. New tables only: nothing to upgrade.
  db.version(3).stores({
    learnProgress: 'id, due',
    learnReviews: '++seq, at, cardId',
  });
  // v4: the studio's draft and the lead's signing keys. New tables only, so nothing to convert.
  db.version(4).stores({
    studioDrafts: 'id',
    signingKeys: 'publicKey, createdAt',
  });
  // v5 (My accounts): the scored book, its history, pins and remembered CSV mappings. Nothing to
  // convert: the background scores accounts that have no score yet (refreshBook), because
  // scoring needs the active playbook and the persona model.
  db.version(5).stores({
    scores: 'key, segment, seenAt, playbookHash',
    history: '++id, key, at',
    pins: 'key',
    importMappings: 'headers',
  });
  // v6: the persona model leaves the active playbook's record for a table of its own, so reading
  // the playbook no longer copies it. An active record that carries one hands it over.
  db.version(6)
    .stores({ personaModels: 'hash' })
    .upgrade(async (tx) => {
      const playbooks = tx.table<StoredPlaybook & { personaModel?: PersonaModel }, string>('playbooks');
      const active = await playbooks.get('active');
      if (!active?.personaModel) return;
      const { personaModel, ...rest } = active;
      await tx.table<StoredPersonaModel, string>('personaModels').put({ hash: playbookIdentity(active), model: personaModel });
      await playbooks.put(rest);
    });
  // v7: no query reads accounts by domain or scores by seenAt (the book sorts in memory), and
  // every index entry is written with each record: a 10,000-row import wrote 20,000 of them for
  // nothing. IndexedDB drops the two indexes; the records stay as they are.
  db.version(7).stores({
    accounts: 'key, seenAt',
    scores: 'key, segment, playbookHash',
  });
  return db;
}
