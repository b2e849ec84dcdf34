import type { Answers } from '../core/segment';
import type { Facts } from '../core/facts';
import type { FactKey } from '../playbook/schema';

/** A persona as chosen or suggested: ids only, labels come from the playbook at render. */
export interface PersonaIds {
  primary: string;
  secondary?: string;
}

/**
 * The last scored state of one account: a row of the book, and what the next scoring is
 * compared with to tell a move. Ids and numbers only; every label is looked up at render.
 */
export interface AccountScore {
  key: string;
  name: string;
  domain?: string;
  /** Site of the latest read, or `import`. */
  site: string;
  seenAt: number;
  /** The segment the score gives (a pin is kept apart, in `pins`). */
  segment: string;
  points: number;
  persona?: PersonaIds;
  personaBy: 'rep' | 'suggestion' | 'none';
  /** The facts and answers this score was computed from. */
  facts: Facts;
  answers: Answers;
  playbookVersion: string;
  /** SHA-256 of the active playbook when scored: a different one means the playbook changed. */
  playbookHash: string;
  scoredAt: number;
  /** The latest move, for the book's column and the export. */
  lastMove?: { at: number; from: string; to: string };
  /**
   * Set when the account is known only from imports (never read from a page): it then has no
   * `accounts` record, and this row with these few fields is that record (accountOfRow rebuilds
   * it). One record per imported account instead of two halves the import's writes.
   */
  imported?: ImportedPart;
}

/** What an imported account's record holds that its book row (name, domain, facts) does not. */
export interface ImportedPart {
  /** When the first import created the account. */
  firstSeenAt: number;
  /** The CRM's id for the record, when the file gave one. */
  recordId?: string;
  /** The company name the file gave; absent when it gave none (the row's `name` is then the domain or the key). */
  name?: string;
  owner?: string;
  /** The currency of each amount the file gave one for. */
  currencies?: { annualRevenue?: string; openAmount?: string; wonAmount?: string };
}

export interface FactChange {
  fact: FactKey;
  from?: number | string;
  to?: number | string;
}

export interface AnswerChange {
  criterion: string;
  from?: string;
  to?: string;
}

/** A segment's threshold that a playbook update changed (`minPoints`). */
export interface ThresholdChange {
  segment: string;
  from: number;
  to: number;
}

/** What made the book look at an account again. */
export type ChangeCause =
  | { kind: 'page' }
  | { kind: 'answer' }
  | { kind: 'import' }
  | { kind: 'playbook' };

/**
 * One line of an account's history: a move of the segment or of the persona, with what
 * caused it, or a pin given or taken back.
 */
export interface HistoryEntry {
  id?: number;
  key: string;
  at: number;
  cause: 'page' | 'answer' | 'import' | 'playbook' | 'pin' | 'unpin';
  segment?: { from: string; to: string };
  persona?: { from?: PersonaIds; to?: PersonaIds };
  facts: FactChange[];
  answers: AnswerChange[];
  /** For a move a new playbook caused: which versions, and the thresholds it changed. */
  playbook?: { from?: string; to: string; thresholds: ThresholdChange[] };
  /** For `pin`: the pinned segment and the rep's reason; for `unpin`: the pin taken back. */
  pin?: { segment: string; reason: string };
}

/** A rep's decision to treat an account as another segment than the score gives. */
export interface Pin {
  key: string;
  segment: string;
  reason: string;
  at: number;
}

/** What a CSV column fills. `answer:<criterion id>` fills a rep answer (never over one the rep gave). */
export type ImportField =
  | 'ignore'
  | 'recordId'
  | 'name'
  | 'website'
  | 'industry'
  | 'employees'
  | 'annualRevenue'
  | 'currency'
  | 'country'
  | 'city'
  | 'type'
  | 'owner'
  | 'openDeals'
  | 'openAmount'
  | 'wonDeals'
  | 'wonAmount'
  | `answer:${string}`;

export type CrmId = 'hubspot' | 'salesforce' | 'pipedrive' | 'zoho' | 'dynamics' | 'playcard';

/** A remembered column mapping, keyed by the file's header row. */
export interface ImportMapping {
  /** The header row, normalised and joined: the same export layout finds its mapping again. */
  headers: string;
  crm?: CrmId;
  /** Column index (as a string) → field. */
  columns: Record<string, ImportField>;
  at: number;
}
