import { accountKeyOf, mergeSnapshots } from '../core/account';
import { factsOf } from '../core/facts';
import { suggestionBasis } from '../core/suggestion-basis';
import type { PageSnapshot } from '../snapshot';
import type { AccountRecord, PlaycardDb } from './database';
import { mergeRepInputs } from './inputs';

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
    }
  });
  return key;
}

export function recentAccounts(db: PlaycardDb, limit = 8): Promise<AccountRecord[]> {
  return db.accounts.orderBy('seenAt').reverse().limit(limit).toArray();
}
