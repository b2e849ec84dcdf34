import { importedPartOf } from '../accounts/import-only';
import { displayName, headerSignature, mergeImported, type ImportedAccount, type MergeOutcome } from '../accounts/merge';
import type { AccountScore, ImportMapping } from '../accounts/types';
import type { Playbook } from '../playbook/schema';
import { accountsOf } from './accounts';
import { activeScoring, loadPreviousPlaybooks, scoreRound, type Scoring } from './book';
import type { Table } from 'dexie';
import type { AccountRecord, PlaycardDb, RepInput } from './database';

export interface ImportProgress {
  done: number;
  total: number;
}

export type ImportCounts = Record<MergeOutcome, number>;

/**
 * Accounts merged, scored and written per transaction. Scoring runs inside it (so a page read
 * that lands meanwhile is never overwritten by a merge of the older record): about a hundred
 * ms of work per chunk, which is as long as a page read may have to wait behind an import.
 */
const CHUNK = 1000;

/**
 * The stored records among `keys` (sorted, ascending), in their order. One keys-only read of
 * the chunk's key range finds which exist, and only those are read: a first import of 10,000
 * accounts read 30,000 absent records one request each, a third of its time.
 */
async function storedAmong<T, Insert>(table: Table<T, string, Insert>, keys: readonly string[]): Promise<(T | undefined)[]> {
  if (!keys.length) return [];
  const present = new Set(await table.where(':id').between(keys[0]!, keys[keys.length - 1]!, true, true).primaryKeys());
  const wanted = keys.filter((key) => present.has(key));
  // Not `new Array(n)`: a sparse array's holes are skipped by map.
  if (!wanted.length) return keys.map(() => undefined);
  const found = await table.bulkGet(wanted);
  const byKey = new Map(wanted.map((key, i) => [key, found[i]]));
  return keys.map((key) => byKey.get(key));
}

/** One imported row merged over what is stored of its account: the record, and the answers after it. */
interface Merged {
  outcome: MergeOutcome;
  record: AccountRecord;
  /** The answers to write (only when the row filled one the rep had not given). */
  newInput?: RepInput;
  /** The answers the account has after the import, for scoring. */
  input?: RepInput;
}

function mergeRow(imported: ImportedAccount, previous: AccountRecord | undefined, storedInput: RepInput | undefined, now: number): Merged {
  const { snapshot, outcome } = mergeImported(previous?.snapshot, !previous || previous.site === 'import', imported);
  const record: AccountRecord =
    outcome === 'unchanged'
      ? previous!
      : {
          key: imported.key,
          name: previous && previous.site !== 'import' ? previous.name : displayName(snapshot.company, imported.key),
          ...(snapshot.company.domain ? { domain: snapshot.company.domain } : {}),
          site: previous?.site ?? 'import',
          snapshot,
          firstSeenAt: previous?.firstSeenAt ?? now,
          seenAt: previous?.seenAt ?? 0,
        };
  const answers = Object.entries(imported.answers);
  if (answers.length) {
    const input = storedInput ?? { key: imported.key, answers: {}, checks: {}, updatedAt: now };
    const missing = answers.filter(([criterion]) => !Object.hasOwn(input.answers, criterion));
    if (missing.length) {
      const filled = { ...input, answers: { ...input.answers, ...Object.fromEntries(missing) }, updatedAt: now };
      return { outcome, record, newInput: filled, input: filled };
    }
  }
  return { outcome, record, ...(storedInput ? { input: storedInput } : {}) };
}

/** What a chunk's accounts become if nothing of them is stored yet: each row merged over nothing and scored. */
interface Prepared {
  merged: Merged[];
  /** Each row's score (scoring with the active playbook), or none without one. */
  scores: (AccountScore | undefined)[];
}

/**
 * Works out a chunk as a first import of each of its accounts: pure (no database), so it runs
 * while the previous chunk's writes are being committed. Inside the chunk's transaction, a row
 * whose account, answers and score turn out not to be stored takes this result (merging over
 * nothing is what the transaction would do); any other row is merged over what is stored.
 */
function prepareChunk(chunk: readonly ImportedAccount[], scoring: Scoring | undefined, now: number): Prepared {
  const merged = chunk.map((imported) => mergeRow(imported, undefined, undefined, now));
  if (!scoring) return { merged, scores: [] };
  const { scores } = scoreRound(
    chunk.map((imported) => imported.key),
    merged.map((m) => m.record),
    merged.map((m) => m.input),
    [],
    scoring,
    new Map(),
    { kind: 'import' },
    now,
  );
  return { merged, scores };
}

/** `work()` after the current task, so what is queued (a transaction's writes) goes first. */
function afterThisTask<T>(work: () => T): Promise<T> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, 0),
  );
}

/**
 * Stores imported accounts (merged by mergeImported: nothing stored is lost or replaced by a
 * worse value), fills answers the rep has not given, and scores them, recording the moves.
 * Imported accounts keep `seenAt` 0 until a page shows them, so the panel's recent list stays
 * the rep's own.
 *
 * One read-write transaction per chunk reads the stored accounts, answers and scores, merges,
 * scores and writes: each record is read once and written once. With a playbook active, an
 * account known only from imports is written as its book row alone (`imported` on its score,
 * no `accounts` record): IndexedDB's cost is mostly per record written, and two records per
 * row could not meet the 3 s budget for 10,000 rows. A record an older version wrote for such
 * an account is deleted as its row takes over. Without a playbook (nothing to score yet) the
 * import writes records, which the background scores once a playbook is active. (Writing the
 * accounts and then calling rescore read every account, answer and score twice, and the
 * active playbook with its persona model once per chunk: three times the work.)
 *
 * While a chunk's writes are committed, the next chunk is merged and scored as if none of its
 * accounts were stored (prepareChunk): in a first import the transaction then only writes.
 */
export async function importAccounts(
  db: PlaycardDb,
  accounts: readonly ImportedAccount[],
  onProgress: (progress: ImportProgress) => void = () => {},
  now = Date.now(),
): Promise<ImportCounts> {
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const scoring = await activeScoring(db);
  const previousPlaybooks = new Map<string, Playbook | undefined>();
  // In key order, so each chunk's keys are one narrow key range of the stored tables (a stable
  // sort: two rows naming one account keep their order, and the later one still wins).
  const sorted = [...accounts].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const chunkAt = (start: number) => sorted.slice(start, start + CHUNK);
  let preparing: Promise<Prepared> | undefined;
  for (let start = 0; start < sorted.length; start += CHUNK) {
    const chunk = chunkAt(start);
    const prepared = await (preparing ?? Promise.resolve(prepareChunk(chunk, scoring, now)));
    preparing = undefined;
    const keys = chunk.map((a) => a.key);
    const tables = [db.accounts, db.inputs, db.scores, ...(scoring ? [db.history, db.playbookHistory] : [])];
    await db.transaction('rw', tables, async () => {
      const [records, inputs, befores] = await Promise.all([storedAmong(db.accounts, keys), storedAmong(db.inputs, keys), storedAmong(db.scores, keys)]);
      // An import-only account's book row stands for its record (accountOfRow).
      const stored = accountsOf(records, befores);
      // A file may name one account twice: the later row's merge is the one stored, and scored.
      const last = new Map(keys.map((key, i) => [key, i]));
      const toWrite: AccountRecord[] = [];
      // Records an older version wrote for accounts that now live in their book rows.
      const replaced: string[] = [];
      const newInputs: RepInput[] = [];
      const scores: AccountScore[] = [];
      const merged: Merged[] = new Array(chunk.length);
      const rescored: number[] = [];
      chunk.forEach((imported, i) => {
        // Nothing of this account is stored: the prepared merge is the one over nothing.
        const untouched = !stored[i] && !inputs[i] && !befores[i];
        const result = untouched ? prepared.merged[i]! : mergeRow(imported, stored[i], inputs[i], now);
        merged[i] = result;
        counts[result.outcome]++;
        // Scored, an account known only from imports is written once, as its book row (the
        // score below carries what its record held); one read from a page keeps its record.
        if (scoring && importedPartOf(result.record)) {
          if (records[i]) replaced.push(keys[i]!);
        } else if (result.outcome !== 'unchanged') toWrite.push(result.record);
        if (result.newInput) newInputs.push(result.newInput);
        if (last.get(keys[i]!) !== i) return;
        if (untouched) {
          const score = prepared.scores[i];
          if (score) scores.push(score);
        } else rescored.push(i);
      });
      const writes: Promise<unknown>[] = [];
      if (toWrite.length) writes.push(db.accounts.bulkPut(toWrite));
      if (replaced.length) writes.push(db.accounts.bulkDelete(replaced));
      if (newInputs.length) writes.push(db.inputs.bulkPut(newInputs));
      if (scoring) {
        const previous = rescored.map((i) => befores[i]);
        await loadPreviousPlaybooks(db, previous, scoring.hash, previousPlaybooks);
        const round = scoreRound(
          rescored.map((i) => keys[i]!),
          rescored.map((i) => merged[i]!.record),
          rescored.map((i) => merged[i]!.input),
          previous,
          scoring,
          previousPlaybooks,
          { kind: 'import' },
          now,
        );
        writes.push(db.scores.bulkPut([...scores, ...round.scores]));
        if (round.entries.length) writes.push(db.history.bulkAdd(round.entries));
      }
      const next = start + CHUNK < sorted.length ? chunkAt(start + CHUNK) : undefined;
      if (next) preparing = afterThisTask(() => prepareChunk(next, scoring, now));
      await Promise.all(writes);
    });
    onProgress({ done: Math.min(start + CHUNK, accounts.length), total: accounts.length });
    // Lets the page paint the progress bar between chunks.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return counts;
}

/** The mapping the rep chose last time for a file with these headers. */
export function rememberedMapping(db: PlaycardDb, headers: readonly string[]): Promise<ImportMapping | undefined> {
  return db.importMappings.get(headerSignature(headers));
}

export async function rememberMapping(db: PlaycardDb, headers: readonly string[], mapping: Omit<ImportMapping, 'headers' | 'at'>, now = Date.now()): Promise<void> {
  await db.importMappings.put({ headers: headerSignature(headers), ...mapping, at: now });
}
