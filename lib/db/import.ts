import { displayName, headerSignature, mergeImported, type ImportedAccount, type MergeOutcome } from '../accounts/merge';
import type { ImportMapping } from '../accounts/types';
import { rescore } from './book';
import type { AccountRecord, PlaycardDb, RepInput } from './database';

export interface ImportProgress {
  done: number;
  total: number;
}

export type ImportCounts = Record<MergeOutcome, number>;

/** Accounts written per transaction; the progress bar moves once per chunk. Few transactions: each costs a commit. */
const CHUNK = 1000;

/**
 * Stores imported accounts (merged by mergeImported: nothing stored is lost or replaced by a
 * worse value), fills answers the rep has not given, and scores them. Imported accounts keep
 * `seenAt` 0 until a page shows them, so the panel's recent list stays the rep's own.
 */
export async function importAccounts(
  db: PlaycardDb,
  accounts: readonly ImportedAccount[],
  onProgress: (progress: ImportProgress) => void = () => {},
  now = Date.now(),
): Promise<ImportCounts> {
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < accounts.length; start += CHUNK) {
    const chunk = accounts.slice(start, start + CHUNK);
    const keys = chunk.map((a) => a.key);
    await db.transaction('rw', db.accounts, db.inputs, async () => {
      const [stored, inputs] = await Promise.all([db.accounts.bulkGet(keys), db.inputs.bulkGet(keys)]);
      const records: AccountRecord[] = [];
      const newInputs: RepInput[] = [];
      chunk.forEach((imported, i) => {
        const previous = stored[i];
        const { snapshot, outcome } = mergeImported(previous?.snapshot, !previous || previous.site === 'import', imported);
        counts[outcome]++;
        if (outcome !== 'unchanged')
          records.push({
            key: imported.key,
            name: previous && previous.site !== 'import' ? previous.name : displayName(snapshot.company, imported.key),
            ...(snapshot.company.domain ? { domain: snapshot.company.domain } : {}),
            site: previous?.site ?? 'import',
            snapshot,
            firstSeenAt: previous?.firstSeenAt ?? now,
            seenAt: previous?.seenAt ?? 0,
          });
        const answers = Object.entries(imported.answers);
        if (answers.length) {
          const input = inputs[i] ?? { key: imported.key, answers: {}, checks: {}, updatedAt: now };
          const missing = answers.filter(([criterion]) => !Object.hasOwn(input.answers, criterion));
          if (missing.length) newInputs.push({ ...input, answers: { ...input.answers, ...Object.fromEntries(missing) }, updatedAt: now });
        }
      });
      await db.accounts.bulkPut(records);
      if (newInputs.length) await db.inputs.bulkPut(newInputs);
    });
    // The importing page is the only writer waiting here, so one scoring round per chunk.
    await rescore(db, keys, { kind: 'import' }, now, CHUNK);
    onProgress({ done: Math.min(start + CHUNK, accounts.length), total: accounts.length });
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
