import type { Playbook, ServiceLevel } from '../playbook/schema';
import type { BookRow } from './book';

/** Accounts and summed annual revenue per segment, in the playbook's order (empty segments included). */
export interface SegmentShare {
  segment: string;
  accounts: number;
  revenue: number;
}

export function distribution(rows: readonly BookRow[], playbook: Playbook): SegmentShare[] {
  const shares = new Map(playbook.segmentation.segments.map((s) => [s.id, { segment: s.id, accounts: 0, revenue: 0 }]));
  for (const row of rows) {
    const share = shares.get(row.segment);
    if (!share) continue;
    share.accounts++;
    share.revenue += row.revenue ?? 0;
  }
  return [...shares.values()];
}

export interface Pareto {
  /** Accounts with a known revenue above zero: the curve's population. */
  accounts: number;
  /** Cumulative share of revenue (0..1) held by the top i accounts, for i = 0..accounts (at most `points` + 1 samples). */
  curve: { accountShare: number; revenueShare: number }[];
  /** How many accounts make the top 10 % (at least one), and the share of revenue they hold. */
  top: { accounts: number; revenueShare: number };
}

/** The Pareto curve of revenue over accounts, largest first. Undefined without any revenue. */
export function pareto(rows: readonly BookRow[], topShare = 0.1, points = 50): Pareto | undefined {
  const revenues = rows.map((r) => r.revenue ?? 0).filter((r) => r > 0).sort((a, b) => b - a);
  const total = revenues.reduce((sum, r) => sum + r, 0);
  if (!revenues.length || total <= 0) return undefined;
  const cumulative = new Array<number>(revenues.length + 1);
  cumulative[0] = 0;
  for (let i = 0; i < revenues.length; i++) cumulative[i + 1] = cumulative[i]! + revenues[i]!;
  const step = Math.max(1, Math.floor(revenues.length / points));
  const curve: Pareto['curve'] = [];
  for (let i = 0; i <= revenues.length; i += step) curve.push({ accountShare: i / revenues.length, revenueShare: cumulative[i]! / total });
  if (curve[curve.length - 1]!.accountShare < 1) curve.push({ accountShare: 1, revenueShare: 1 });
  const topCount = Math.max(1, Math.round(revenues.length * topShare));
  return { accounts: revenues.length, curve, top: { accounts: topCount, revenueShare: cumulative[topCount]! / total } };
}

/**
 * What a service level's touch means in time. The playbook says how much attention a segment
 * gets (high, medium, low); these turn it into hours: a weekly 45-minute touch for high, a
 * monthly half hour for medium, a quarterly quarter hour for low. Shown on the page, so the
 * rep sees the assumption.
 */
export const TOUCH_TIME: Record<ServiceLevel['touch'], { perMonth: number; minutes: number }> = {
  high: { perMonth: 4, minutes: 45 },
  medium: { perMonth: 1, minutes: 30 },
  low: { perMonth: 1 / 3, minutes: 15 },
};

export interface SegmentWorkload {
  segment: string;
  accounts: number;
  touchesPerMonth: number;
  hoursPerMonth: number;
}

export interface Workload {
  segments: SegmentWorkload[];
  hoursNeeded: number;
  /** The rep's hours per month for account work. */
  hoursAvailable: number;
}

/** The monthly touches and hours each segment's service level implies, against the rep's hours. */
export function workload(shares: readonly SegmentShare[], playbook: Playbook, hoursAvailable: number): Workload {
  const segments = shares.map((share) => {
    const level = playbook.segmentation.segments.find((s) => s.id === share.segment)?.serviceLevel;
    const time = TOUCH_TIME[level?.touch ?? 'low'];
    const touchesPerMonth = share.accounts * time.perMonth;
    return { segment: share.segment, accounts: share.accounts, touchesPerMonth, hoursPerMonth: (touchesPerMonth * time.minutes) / 60 };
  });
  return { segments, hoursNeeded: segments.reduce((sum, s) => sum + s.hoursPerMonth, 0), hoursAvailable };
}
