import type { DraftBase, PlaycardDb, SigningKeyRecord, StudioDraft } from './database';

/** The draft the studio was editing, if any. */
export async function loadDraft(db: PlaycardDb): Promise<StudioDraft | undefined> {
  return db.studioDrafts.get('current');
}

export async function saveDraft(db: PlaycardDb, doc: unknown, base: DraftBase, now = Date.now()): Promise<void> {
  await db.studioDrafts.put({ id: 'current', doc, base, savedAt: now });
}

export async function discardDraft(db: PlaycardDb): Promise<void> {
  await db.studioDrafts.delete('current');
}

/** The newest signing key first. */
export async function signingKeys(db: PlaycardDb): Promise<SigningKeyRecord[]> {
  return db.signingKeys.orderBy('createdAt').reverse().toArray();
}

export async function saveSigningKey(db: PlaycardDb, key: SigningKeyRecord): Promise<void> {
  await db.signingKeys.put(key);
}

export async function forgetSigningKey(db: PlaycardDb, publicKey: string): Promise<void> {
  await db.signingKeys.delete(publicKey);
}
