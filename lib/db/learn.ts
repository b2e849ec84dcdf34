import type { ReviewRecord } from '../learn/ready';
import type { CardProgress } from '../learn/schedule';
import type { PlaycardDb } from './database';

/** Stores a review and the card's new memory state together, so progress and history never disagree. */
export async function saveReview(db: PlaycardDb, progress: CardProgress | undefined, record: ReviewRecord): Promise<void> {
  await db.transaction('rw', db.learnProgress, db.learnReviews, async () => {
    if (progress) await db.learnProgress.put(progress);
    await db.learnReviews.add(record);
  });
}

export function learnProgressMap(db: PlaycardDb): Promise<Map<string, CardProgress>> {
  return db.learnProgress.toArray().then((rows) => new Map(rows.map((row) => [row.id, row])));
}

export function learnReviews(db: PlaycardDb): Promise<ReviewRecord[]> {
  return db.learnReviews.orderBy('seq').toArray();
}
