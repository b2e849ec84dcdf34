/**
 * The scores `npm run eval:persona` reports, as pure functions over outcomes (one labelled text
 * and what the model suggested for it). docs/persona-eval.md defines each figure in words; this
 * file is the same definitions in code, checked on a hand-computed toy table in
 * test/unit/persona-corpus.test.ts.
 */

/** The label of a text that shows no buying behaviour; also what "no suggestion" counts as. */
export const NONE = 'none';

export interface Outcome {
  id: string;
  lang: string;
  /** The labelled primary persona, or `none`. */
  gold: string;
  goldSecondary?: string;
  /** The suggested primary; undefined when the panel would show no suggestion. */
  predicted?: string;
  predictedSecondary?: string;
  /** The confidence the panel shows next to a suggestion, 0..1. */
  confidence: number;
}

export interface Tally {
  n: number;
  right: number;
  /** right / n; NaN when n is 0. */
  rate: number;
}

const tally = (n: number, right: number): Tally => ({ n, right, rate: n ? right / n : Number.NaN });

/** What the panel shows as the primary: the suggested persona, or `none` for no suggestion. */
export const shownPrimary = (o: Outcome): string => o.predicted ?? NONE;

/**
 * A primary call is right when the shown primary equals the label: a persona text needs that
 * persona as primary (the secondary does not matter here), a `none` text needs no suggestion.
 */
export const primaryRight = (o: Outcome): boolean => shownPrimary(o) === o.gold;

export function primaryAccuracy(outcomes: readonly Outcome[]): Tally {
  return tally(outcomes.length, outcomes.filter(primaryRight).length);
}

/** Primary accuracy per group (language, labelled persona, …), groups in first-seen order unless `order` is given. */
export function accuracyBy(outcomes: readonly Outcome[], key: (o: Outcome) => string, order?: readonly string[]): Map<string, Tally> {
  const groups = new Map<string, Outcome[]>();
  for (const id of order ?? []) groups.set(id, []);
  for (const o of outcomes) {
    const k = key(o);
    const list = groups.get(k);
    if (list) list.push(o);
    else groups.set(k, [o]);
  }
  return new Map([...groups].map(([k, list]) => [k, primaryAccuracy(list)]));
}

/**
 * Counts of (label, shown primary). `labels` lists the personas and `none`; rows are labels,
 * columns what was shown. A shown persona outside `labels` gets its own column at the end.
 */
export function confusionMatrix(outcomes: readonly Outcome[], labels: readonly string[]): { rows: string[]; columns: string[]; counts: number[][] } {
  const rows = [...labels];
  const columns = [...labels];
  for (const o of outcomes) {
    if (!rows.includes(o.gold)) rows.push(o.gold);
    if (!columns.includes(shownPrimary(o))) columns.push(shownPrimary(o));
  }
  const counts = rows.map(() => columns.map(() => 0));
  for (const o of outcomes) counts[rows.indexOf(o.gold)]![columns.indexOf(shownPrimary(o))]!++;
  return { rows, columns, counts };
}

/** Share of `none` texts that got a persona anyway (`right` counts those false positives). */
export function neutralFalsePositives(outcomes: readonly Outcome[]): Tally {
  const neutral = outcomes.filter((o) => o.gold === NONE);
  return tally(neutral.length, neutral.filter((o) => o.predicted !== undefined).length);
}

export interface SecondaryScores {
  /** Texts labelled with a secondary persona. */
  mixes: number;
  /** Mixes whose suggested secondary is the labelled secondary (the primary may be anything). */
  found: number;
  /** Mixes where both labelled personas were suggested, in either role. */
  bothInEitherRole: number;
  /** Texts labelled with one persona (no secondary, not `none`) that got a secondary anyway. */
  singleWithSecondary: number;
  single: number;
}

export function secondaryScores(outcomes: readonly Outcome[]): SecondaryScores {
  const mixes = outcomes.filter((o) => o.goldSecondary !== undefined);
  const single = outcomes.filter((o) => o.goldSecondary === undefined && o.gold !== NONE);
  const shown = (o: Outcome) => [o.predicted, o.predictedSecondary];
  return {
    mixes: mixes.length,
    found: mixes.filter((o) => o.predictedSecondary === o.goldSecondary).length,
    bothInEitherRole: mixes.filter((o) => shown(o).includes(o.gold) && shown(o).includes(o.goldSecondary)).length,
    singleWithSecondary: single.filter((o) => o.predictedSecondary !== undefined).length,
    single: single.length,
  };
}

export interface Bucket {
  /** Inclusive lower edge. */
  from: number;
  /** Exclusive upper edge, except the last bucket, which includes it. */
  to: number;
  count: number;
  /** Mean shown confidence of the suggestions in the bucket; NaN when empty. */
  meanConfidence: number;
  /** Share of them whose primary was right; NaN when empty. */
  accuracy: number;
}

/** Ten-point buckets: "60–70 % sure". */
export const TEN_POINT_EDGES: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/**
 * Reliability table over the suggestions a rep sees (a primary was shown): for each confidence
 * bucket, how sure the panel said it was and how often it was right. Texts with no suggestion
 * show no confidence, so they are not in it.
 */
export function reliability(outcomes: readonly Outcome[], edges: readonly number[] = TEN_POINT_EDGES): Bucket[] {
  const shown = outcomes.filter((o) => o.predicted !== undefined);
  const buckets: Bucket[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i]!;
    const to = edges[i + 1]!;
    const last = i + 2 === edges.length;
    const inside = shown.filter((o) => o.confidence >= from && (o.confidence < to || (last && o.confidence <= to)));
    const count = inside.length;
    buckets.push({
      from,
      to,
      count,
      meanConfidence: count ? inside.reduce((sum, o) => sum + o.confidence, 0) / count : Number.NaN,
      accuracy: count ? inside.filter(primaryRight).length / count : Number.NaN,
    });
  }
  return buckets;
}

/** Expected calibration error: the count-weighted mean of |mean confidence − accuracy| over non-empty buckets. */
export function calibrationError(buckets: readonly Bucket[]): number {
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  if (!total) return Number.NaN;
  return buckets.reduce((sum, b) => (b.count ? sum + (b.count / total) * Math.abs(b.meanConfidence - b.accuracy) : sum), 0);
}
