import { accountOfRow } from '../accounts/import-only';
import type { AccountScore } from '../accounts/types';
import { accountKeyOf, mergeSnapshots } from '../core/account';
import { factsOf } from '../core/facts';
import { suggestionBasis } from '../core/suggestion-basis';
import type { PageSnapshot } from '../snapshot';
import type { AccountRecord, PlaycardDb } from './database';
import { mergeRepInputs } from './inputs';

/**
 * The stored account under `key`: its record, or, for an account known only from imports, the
 * record its book row stands for (accountOfRow). Every reader of one account goes through here.
 * Call inside a transaction that includes accounts and scores, or none.
 */
export async function storedAccount(db: PlaycardDb, key: string): Promise<AccountRecord | undefined> {
  const record = await db.accounts.get(key);
  if (record) return record;
  const row = await db.scores.get(key);
  return row && accountOfRow(row);
}

/** Each key's account: its record, or the record its book row stands for (`rows[i]` is `records[i]`'s key's). */
export function accountsOf(records: readonly (AccountRecord | undefined)[], rows: readonly (AccountScore | undefined)[]): (AccountRecord | undefined)[] {
  return records.map((record, i) => record ?? (rows[i] && accountOfRow(rows[i])));
}

/** Every stored account: the records, and the import-only accounts their book rows stand for. */
export async function storedAccounts(db: PlaycardDb): Promise<AccountRecord[]> {
  const [records, rows] = await Promise.all([db.accounts.toArray(), db.scores.toArray()]);
  const recorded = new Set(records.map((record) => record.key));
  const importOnly = rows.flatMap((row) => {
    const account = recorded.has(row.key) ? undefined : accountOfRow(row);
    return account ? [account] : [];
  });
  return [...records, ...importOnly];
}

/** Stores a page read, merged into what was known; returns the account key, or undefined when the page names no account. */
export async function saveSnapshot(db: PlaycardDb, snapshot: PageSnapshot, now = Date.now()): Promise<string | undefined> {
  const key = accountKeyOf(snapshot);
  if (!key) return undefined;
  // A record read before its website field rendered was keyed by the CRM's record id;
  // once the domain is known, that account (and the rep's input) moves under the domain.
  const provisional = snapshot.company.domain && snapshot.recordId ? `${snapshot.site}:${snapshot.recordId}` : undefined;
  await db.transaction('rw', db.accounts, db.inputs, db.scores, async () => {
    // An account known only from imports has no record: its book row stands for it, so a page
    // read merges over the imported facts as it did over the import's record.
    const earlier = provisional ? await storedAccount(db, provisional) : undefined;
    const previous = (await storedAccount(db, key)) ?? earlier;
    const merged = mergeSnapshots(previous?.snapshot, snapshot);
    // A revisit that read the same text and facts keeps its suggestion: the panel shows it at once.
    const suggested = previous?.suggested?.basis === suggestionBasis(merged.text ?? '', factsOf(merged)) ? previous.suggested : undefined;
    await db.accounts.put({
      key,
      name: merged.company.name ?? merged.company.domain ?? key,
      domain: merged.company.domain,
      site: snapshot.site,
      snapshot: merged,
      firstSeenAt: previous?.firstSeenAt ?? now,
      seenAt: now,
      ...(suggested ? { suggested } : {}),
    });
    if (earlier && provisional) {
      // The domain may already hold input (from a mail thread, say): merge, never drop either.
      const input = await db.inputs.get(provisional);
      const existing = await db.inputs.get(key);
      if (input) await db.inputs.put(existing ? mergeRepInputs(key, existing, input) : { ...input, key });
      await db.inputs.delete(provisional);
      await db.accounts.delete(provisional);
      // Its book row goes too: the account is scored again under its domain. (Left behind, an
      // import-only row would stand for an account that moved; older versions left it for the
      // next start's refreshBook to find without a record.)
      await db.scores.delete(provisional);
    }
  });
  return key;
}

export function recentAccounts(db: PlaycardDb, limit = 8): Promise<AccountRecord[]> {
  return db.accounts.orderBy('seenAt').reverse().limit(limit).toArray();
}
