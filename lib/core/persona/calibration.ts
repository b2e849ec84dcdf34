// Calibration, and the decision stage's training texts: the decision's probability of the
// persona it shows (decision.ts; before format 4, the raw confidence of score.ts) mapped to how
// often a suggestion at that value is right, so that "70 % sure" is right about 70 % of the time.
//
// The mapping is learned from the playbook alone, by cross-validation: the classifier is trained
// without one fold of the personas' and the neutral examples, the held-out examples are put
// together into short texts (one to three sentences of a language, a neutral sentence among
// them now and then, as in an email), and each text's raw confidence is recorded with whether its
// strongest persona is its label (a neutral text is never right). Isotonic regression (pool
// adjacent violators) fits a non-decreasing mapping to those pairs: it assumes only that a higher
// raw confidence is not less often right, where Platt or temperature scaling would also assume
// the shape of the curve. It keeps the texts' order, so the playbook's `minConfidence` still cuts
// the same ranking, at a calibrated value. No evaluation text is ever used (docs/persona-eval.md).
import type { Playbook } from '../../playbook/schema';
import type { Classifier, SentenceReading, TrainingText } from './classifier';
import { decide, decisionFigures, trainDecision, type Decision, type DecisionExample } from './decision';
import { readText, scoreReadings, type ScoringModel } from './score';
import { matchSignals, type SignalHit } from './signals';

/**
 * A non-decreasing piecewise-linear mapping: `raw[i]` ↦ `calibrated[i]`, linear in between,
 * flat beyond the ends. Empty: the identity (a playbook with too few examples to learn from).
 */
export interface Calibration {
  raw: number[];
  calibrated: number[];
}

export const IDENTITY_CALIBRATION: Calibration = { raw: [], calibrated: [] };

/** Cross-validation folds. Five keep each fold's training set at 80 % of the examples. */
const FOLDS = 5;
/** Fewer scored texts than this, or no right or no wrong one among them: no calibration. */
const MIN_POINTS = 40;

export function calibrate(calibration: Calibration | undefined, raw: number): number {
  const xs = calibration?.raw;
  const ys = calibration?.calibrated;
  if (!xs?.length || !ys?.length) return raw;
  if (raw <= (xs[0] ?? 0)) return ys[0] ?? raw;
  const last = xs.length - 1;
  if (raw >= (xs[last] ?? 1)) return ys[last] ?? raw;
  let hi = 1;
  while ((xs[hi] ?? 1) < raw) hi++;
  const x0 = xs[hi - 1] ?? 0;
  const x1 = xs[hi] ?? 1;
  const y0 = ys[hi - 1] ?? 0;
  const y1 = ys[hi] ?? 1;
  return x1 > x0 ? y0 + ((y1 - y0) * (raw - x0)) / (x1 - x0) : y1;
}

export interface CalibrationPoint {
  raw: number;
  right: boolean;
}

/**
 * Isotonic regression by pool adjacent violators: blocks of neighbouring raw values whose mean
 * rightness rises with raw, each a knot at its mean raw value. A block's rate is smoothed
 * towards one half by one pseudo-count on each side ((right + 1) / (n + 2)), so a handful of
 * texts at the top never makes the panel say "100 % sure".
 */
export function fitIsotonic(points: readonly CalibrationPoint[]): Calibration {
  const sorted = [...points].sort((a, b) => a.raw - b.raw);
  const blocks: { sumRaw: number; right: number; n: number }[] = [];
  for (const p of sorted) {
    blocks.push({ sumRaw: p.raw, right: p.right ? 1 : 0, n: 1 });
    // Merge while the last block is not above the one before it.
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.right / a.n < b.right / b.n) break;
      blocks.splice(-2, 2, { sumRaw: a.sumRaw + b.sumRaw, right: a.right + b.right, n: a.n + b.n });
    }
  }
  const raw: number[] = [];
  const calibrated: number[] = [];
  let floor = 0;
  for (const b of blocks) {
    // The smoothing can lower a small block below its neighbour; keep the mapping non-decreasing.
    floor = Math.max(floor, (b.right + 1) / (b.n + 2));
    raw.push(Math.round((b.sumRaw / b.n) * 1e4) / 1e4);
    calibrated.push(Math.round(floor * 1e4) / 1e4);
  }
  return { raw, calibrated };
}

/** Which fold each training text is held out in: round robin within each class and language. */
function assignFolds(texts: readonly TrainingText[]): Int8Array {
  const fold = new Int8Array(texts.length);
  const seen = new Map<string, number>();
  texts.forEach((t, i) => {
    const key = `${t.cls}|${t.lang}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    fold[i] = k % FOLDS;
  });
  return fold;
}

/**
 * Short texts made of one fold's held-out examples (as lists of example indexes): per class and
 * language, each example alone, with the next one, and with the next two plus a neutral
 * sentence of the same language.
 */
function heldOutTexts(texts: readonly TrainingText[], fold: Int8Array, k: number, noneClass: number): { cls: number; parts: number[] }[] {
  const groups = new Map<string, { cls: number; lang: string; members: number[] }>();
  texts.forEach((t, i) => {
    if (fold[i] !== k) return;
    const key = `${t.cls}|${t.lang}`;
    const group = groups.get(key) ?? { cls: t.cls, lang: t.lang, members: [] };
    group.members.push(i);
    groups.set(key, group);
  });
  const out: { cls: number; parts: number[] }[] = [];
  const personaGroups = [...groups.values()].filter((g) => g.cls !== noneClass);
  for (const { cls, lang, members } of groups.values()) {
    const neutral = cls === noneClass ? [] : (groups.get(`${noneClass}|${lang}`)?.members ?? []);
    const n = members.length;
    members.forEach((own, i) => {
      const next = members[(i + 1) % n] ?? own;
      const after = members[(i + 2) % n] ?? own;
      out.push({ cls, parts: [own] });
      if (n >= 2) out.push({ cls, parts: [own, next] });
      if (n >= 3) out.push({ cls, parts: [...(neutral.length ? [neutral[i % neutral.length] ?? own] : []), own, next, after] });
      // Buyers mix: two sentences of this persona and one of another, in turn.
      const others = cls === noneClass ? [] : personaGroups.filter((g) => g.lang === lang && g.cls !== cls);
      const other = others[i % Math.max(1, others.length)]?.members;
      if (n >= 2 && other?.length) out.push({ cls, parts: [own, other[i % other.length] ?? own, next] });
    });
  }
  return out;
}

/**
 * Learns the calibration of `model` (trained on all of `texts`) by cross-validation;
 * `foldWeights` trains the same classifier without the texts `skip` names.
 */
export function learnCalibration(
  playbook: Playbook,
  model: ScoringModel,
  texts: readonly TrainingText[],
  foldWeights: (skip: (doc: number) => boolean) => Pick<Classifier, 'weights' | 'weightStep'>,
): { calibration: Calibration; decision: Decision } {
  const noneClass = model.classes.length > model.personaIds.length ? model.classes.length - 1 : -1;
  const fold = assignFolds(texts);
  const P = model.personaIds.length;
  const examples: DecisionExample[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const foldModel: ScoringModel = { ...model, ...foldWeights((d) => fold[d] === k) };
    // Each held-out example is read and searched for signals once; the texts made of it reuse
    // both (scoring thousands of texts from scratch took most of a second).
    const cache = new Map<number, { readings: SentenceReading[]; hits: SignalHit[] }>();
    const example = (i: number): { readings: SentenceReading[]; hits: SignalHit[] } => {
      let found = cache.get(i);
      if (!found) {
        const readings = readText(texts[i]?.text ?? '', foldModel);
        cache.set(i, (found = { readings, hits: matchSignals(foldModel, readings) }));
      }
      return found;
    };
    for (const { cls, parts } of heldOutTexts(texts, fold, k, noneClass)) {
      const readings: SentenceReading[] = [];
      // Each signal's strongest hit across the parts, as matchSignals finds it in the whole text.
      const strongest = new Map<number, SignalHit>();
      for (const part of parts) {
        const { readings: own, hits } = example(part);
        for (const hit of hits) {
          const previous = strongest.get(hit.signalIndex);
          if (!previous || Math.abs(hit.contribution) > Math.abs(previous.contribution)) {
            strongest.set(hit.signalIndex, { ...hit, sentenceIndex: hit.sentenceIndex + readings.length });
          }
        }
        readings.push(...own);
      }
      const score = scoreReadings(readings, {}, playbook, foldModel, undefined, [...strongest.values()]);
      if (score.rawConfidence <= 0) continue;
      examples.push({ figures: decisionFigures(score, P), label: cls === noneClass ? P : cls });
    }
  }
  const decision = trainDecision(examples, P);
  // The decision's probability of the persona it would show, against whether that is the text's persona.
  const points: CalibrationPoint[] = examples.map(({ figures, label }) => {
    const probability = decide(decision, figures, P);
    let best = 0;
    for (let p = 1; p < P; p++) if ((probability[p] ?? 0) > (probability[best] ?? 0)) best = p;
    return { raw: probability[best] ?? 0, right: best === label };
  });
  const right = points.filter((p) => p.right).length;
  if (points.length < MIN_POINTS || right === 0 || right === points.length) return { calibration: IDENTITY_CALIBRATION, decision };
  return { calibration: fitIsotonic(points), decision };
}
