// "My progress": streak, reviews per day and accuracy per persona over time, from the review
// history. Pure; days are local calendar days (`offsetMinutes` is Date#getTimezoneOffset()).
import type { ReviewRecord } from './ready';

const DAY = 86_400_000;

/** The local day number (days since 1970-01-01 in local time). */
export const localDay = (at: number, offsetMinutes: number) => Math.floor((at - offsetMinutes * 60_000) / DAY);

/**
 * Days in a row with at least one review, ending today, or yesterday when today has none yet
 * (a streak is not lost before the day is over).
 */
export function streak(reviews: readonly Pick<ReviewRecord, 'at'>[], now: number, offsetMinutes: number): number {
  const days = new Set(reviews.map((r) => localDay(r.at, offsetMinutes)));
  let day = localDay(now, offsetMinutes);
  if (!days.has(day)) day--;
  let count = 0;
  while (days.has(day)) {
    count++;
    day--;
  }
  return count;
}

export interface DayCount {
  /** Local day number. */
  day: number;
  reviews: number;
}

/** Reviews per local day for the last `days` days, oldest first, today last (zeros included). */
export function reviewsPerDay(reviews: readonly Pick<ReviewRecord, 'at'>[], now: number, offsetMinutes: number, days = 14): DayCount[] {
  const today = localDay(now, offsetMinutes);
  const counts = new Map<number, number>();
  for (const r of reviews) {
    const day = localDay(r.at, offsetMinutes);
    if (day > today - days && day <= today) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return Array.from({ length: days }, (_, i) => today - days + 1 + i).map((day) => ({ day, reviews: counts.get(day) ?? 0 }));
}

export interface WeekAccuracy {
  /** Weeks before the current one: 0 is this week (the last 7 days). */
  weeksAgo: number;
  right: number;
  answers: number;
}

/**
 * Accuracy of quiz answers and guesses about a persona (as primary or secondary), per 7-day
 * window, oldest first, the current window last. Windows with no answers stay in, with 0 answers.
 */
export function accuracyByWeek(reviews: readonly ReviewRecord[], personaId: string, now: number, offsetMinutes: number, weeks = 6): WeekAccuracy[] {
  const today = localDay(now, offsetMinutes);
  const out: WeekAccuracy[] = Array.from({ length: weeks }, (_, i) => ({ weeksAgo: weeks - 1 - i, right: 0, answers: 0 }));
  for (const r of reviews) {
    if (r.correct === undefined || !r.personas.includes(personaId)) continue;
    const weeksAgo = Math.floor((today - localDay(r.at, offsetMinutes)) / 7);
    const slot = out[weeks - 1 - weeksAgo];
    if (!slot || weeksAgo < 0) continue;
    slot.answers++;
    if (r.correct) slot.right++;
  }
  return out;
}

/** The file a new hire sends their lead: what they did, nothing from any CRM. */
export interface ProgressExport {
  format: 'playcard-learn-progress';
  version: 1;
  exportedAt: string;
  playbook: { id: string; version: string };
  streak: number;
  reviews: { at: string; card: string; source: ReviewRecord['source']; grading: ReviewRecord['grading']; correct?: boolean }[];
  ready: { overall: string; personas: Record<string, string>; segments: Record<string, string> };
}
