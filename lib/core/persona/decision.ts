// The decision: which persona a text shows, if any, and how sure, from the whole text's score.
//
// Before (model format 3) the strongest persona by points was shown when the raw confidence
// cleared the playbook's cut-off, and the confidence was that raw value calibrated. Two kinds of
// error were left: mixes whose two personas came out in the other order, and texts whose best
// persona stayed under the cut-off. The points alone do not say how the evidence is spread
// (one keyword-packed sentence, or a persona present across the text; a sentence that reads as
// logistics, or none). So a second stage reads a few figures of the whole text per persona and
// for "no persona", and a multinomial logistic regression (a conditional logit: one weight per
// figure, shared by every persona, so it serves any playbook's personas) gives each persona and
// "none" a probability. It is trained, like the calibration, on texts put together from the
// playbook's own examples and scored by classifiers that never saw them (calibration.ts): the
// figures it learns from are the ones it will see on a text it did not train on.
import type { TextScore } from './score';

/** Per persona: figures of its evidence in the text. */
const PERSONA_FIGURES = 10;
/** For "no persona": figures of the text's logistics and of the strongest persona's evidence. */
const NONE_FIGURES = 8;

export interface Decision {
  /** Weights of the persona figures (shared by every persona) and of the "none" figures. */
  personaWeights: number[];
  noneWeights: number[];
  /** Standardisation of each figure: (x - mean) / scale, learned with the weights. */
  personaMean: number[];
  personaScale: number[];
  noneMean: number[];
  noneScale: number[];
}

export interface DecisionFigures {
  /** PERSONA_FIGURES per persona, persona-major. */
  persona: Float64Array;
  none: Float64Array;
}

/** The figures the decision reads from a scored text. */
export function decisionFigures(score: TextScore, personas: number): DecisionFigures {
  const { raw, total, order, readings } = score;
  const P = personas;
  const maxPosterior = new Float64Array(P);
  const sumPosterior = new Float64Array(P);
  const wins = new Float64Array(P);
  let read = 0;
  let noneSum = 0;
  let noneWins = 0;
  let strongest = 0;
  for (const reading of readings) {
    if (!reading.known) continue;
    read++;
    const C = reading.posterior.length;
    let best = 0;
    for (let c = 1; c < C; c++) if ((reading.posterior[c] ?? 0) > (reading.posterior[best] ?? 0)) best = c;
    if (C > P) {
      noneSum += reading.none;
      if (best >= P) noneWins++;
    }
    if (best < P) wins[best]!++;
    for (let p = 0; p < P; p++) {
      const posterior = reading.posterior[p] ?? 0;
      maxPosterior[p] = Math.max(maxPosterior[p] ?? 0, posterior);
      sumPosterior[p]! += posterior;
      strongest = Math.max(strongest, posterior);
    }
  }
  const persona = new Float64Array(P * PERSONA_FIGURES);
  const denominator = total + 0.75;
  for (let p = 0; p < P; p++) {
    const at = p * PERSONA_FIGURES;
    persona[at] = Math.log1p(raw[p] ?? 0);
    persona[at + 1] = (raw[p] ?? 0) / denominator;
    persona[at + 2] = order[0] === p && (raw[p] ?? 0) > 0 ? 1 : 0;
    persona[at + 3] = order[1] === p && (raw[p] ?? 0) > 0 ? 1 : 0;
    persona[at + 4] = maxPosterior[p] ?? 0;
    persona[at + 5] = read ? (sumPosterior[p] ?? 0) / read : 0;
    persona[at + 6] = read ? (wins[p] ?? 0) / read : 0;
    persona[at + 7] = Math.log1p(score.signalGain[p] ?? 0);
    persona[at + 8] = score.signalLoss[p] ?? 0;
    persona[at + 9] = Math.log1p(score.factPoints[p] ?? 0);
  }
  const top = order[0] === undefined ? 0 : (raw[order[0]] ?? 0);
  const none = new Float64Array(NONE_FIGURES);
  none[0] = 1;
  // A text with no sentence read (facts alone) has no logistics in it either.
  none[1] = read ? noneSum / read : 0;
  none[2] = read ? noneWins / read : 0;
  none[3] = Math.log1p(top);
  none[4] = score.rawConfidence;
  none[5] = Math.log1p(total);
  none[6] = Math.log1p(readings.length);
  none[7] = strongest;
  return { persona, none };
}

/** Probabilities of each persona (playbook order) and, last, of "no persona". */
export function decide(decision: Decision, figures: DecisionFigures, personas: number): Float64Array {
  const logits = new Float64Array(personas + 1);
  for (let p = 0; p < personas; p++) {
    let z = 0;
    for (let k = 0; k < PERSONA_FIGURES; k++) {
      const x = ((figures.persona[p * PERSONA_FIGURES + k] ?? 0) - (decision.personaMean[k] ?? 0)) / (decision.personaScale[k] ?? 1);
      z += (decision.personaWeights[k] ?? 0) * x;
    }
    logits[p] = z;
  }
  let z = 0;
  for (let k = 0; k < NONE_FIGURES; k++) {
    // The constant figure is not standardised: it is the "none" class's bias.
    const x = k === 0 ? 1 : ((figures.none[k] ?? 0) - (decision.noneMean[k] ?? 0)) / (decision.noneScale[k] ?? 1);
    z += (decision.noneWeights[k] ?? 0) * x;
  }
  logits[personas] = z;
  return softmax(logits);
}

function softmax(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const z of logits) max = Math.max(max, z);
  let sum = 0;
  const out = new Float64Array(logits.length);
  for (let i = 0; i < logits.length; i++) sum += out[i] = Math.exp((logits[i] ?? 0) - max);
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

export interface DecisionExample {
  figures: DecisionFigures;
  /** The persona index the text was made for, or `personas` for a neutral text. */
  label: number;
}

/** L2 penalty on the weights (per example): keeps a figure that is rare in training from running away. */
const L2 = 1e-3;
/** Newton steps: the log-likelihood is concave and has 18 weights, so a dozen steps converge. */
const NEWTON_STEPS = 12;

function standardisation(rows: Float64Array[], width: number, skipFirst: boolean): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(width).fill(0);
  const scale = new Array<number>(width).fill(1);
  if (!rows.length) return { mean, scale };
  for (let k = skipFirst ? 1 : 0; k < width; k++) {
    let sum = 0;
    for (const r of rows) sum += r[k] ?? 0;
    const m = sum / rows.length;
    let sq = 0;
    for (const r of rows) sq += ((r[k] ?? 0) - m) ** 2;
    mean[k] = m;
    scale[k] = Math.sqrt(sq / rows.length) || 1;
  }
  return { mean, scale };
}

/** Solves `a x = b` (a symmetric positive definite, row-major, n × n) by Cholesky; `a` and `b` are overwritten. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j] ?? 0;
    for (let k = 0; k < j; k++) d -= (a[j * n + k] ?? 0) ** 2;
    const root = Math.sqrt(Math.max(d, 1e-12));
    a[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let v = a[i * n + j] ?? 0;
      for (let k = 0; k < j; k++) v -= (a[i * n + k] ?? 0) * (a[j * n + k] ?? 0);
      a[i * n + j] = v / root;
    }
  }
  for (let i = 0; i < n; i++) {
    let v = b[i] ?? 0;
    for (let k = 0; k < i; k++) v -= (a[i * n + k] ?? 0) * (b[k] ?? 0);
    b[i] = v / (a[i * n + i] ?? 1);
  }
  for (let i = n - 1; i >= 0; i--) {
    let v = b[i] ?? 0;
    for (let k = i + 1; k < n; k++) v -= (a[k * n + i] ?? 0) * (b[k] ?? 0);
    b[i] = v / (a[i * n + i] ?? 1);
  }
  return b;
}

/**
 * Fits the decision by Newton's method on the mean cross-entropy of each example's label plus
 * the L2 penalty. Each class's input is a vector of all the weights' figures: a persona's own
 * figures in the persona block and zeros in the "none" block, and the other way round for "none".
 */
export function trainDecision(examples: readonly DecisionExample[], personas: number): Decision {
  const P = personas;
  const personaRows: Float64Array[] = [];
  for (const e of examples) for (let p = 0; p < P; p++) personaRows.push(e.figures.persona.subarray(p * PERSONA_FIGURES, (p + 1) * PERSONA_FIGURES));
  const personaStd = standardisation(personaRows, PERSONA_FIGURES, false);
  const noneStd = standardisation(
    examples.map((e) => e.figures.none),
    NONE_FIGURES,
    true,
  );
  const decision: Decision = {
    personaWeights: new Array<number>(PERSONA_FIGURES).fill(0),
    noneWeights: new Array<number>(NONE_FIGURES).fill(0),
    personaMean: personaStd.mean,
    personaScale: personaStd.scale,
    noneMean: noneStd.mean,
    noneScale: noneStd.scale,
  };
  if (!examples.length) return decision;
  const W = PERSONA_FIGURES + NONE_FIGURES;
  const C = P + 1;
  // Each example's class inputs, standardised once: C rows of W.
  const F = PERSONA_FIGURES;
  // Standardised once, one flat array: per example, P persona rows of F, then the "none" row.
  const stride = P * F + NONE_FIGURES;
  const x = new Float64Array(examples.length * stride);
  examples.forEach((e, r) => {
    const at = r * stride;
    for (let i = 0; i < P * F; i++) x[at + i] = ((e.figures.persona[i] ?? 0) - (personaStd.mean[i % F] ?? 0)) / (personaStd.scale[i % F] ?? 1);
    for (let k = 0; k < NONE_FIGURES; k++) x[at + P * F + k] = k === 0 ? 1 : ((e.figures.none[k] ?? 0) - (noneStd.mean[k] ?? 0)) / (noneStd.scale[k] ?? 1);
  });
  const n = examples.length;
  const params = new Float64Array(W);
  const prob = new Float64Array(C);
  const mean = new Float64Array(W);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const gradient = new Float64Array(W);
    const hessian = new Float64Array(W * W);
    for (let r = 0; r < n; r++) {
      const at = r * stride;
      // Class scores: a persona's row meets the persona weights, "none"'s row the none weights.
      let max = -Infinity;
      for (let c = 0; c <= P; c++) {
        const row = at + c * F;
        const [offset, width] = c < P ? [0, F] : [F, NONE_FIGURES];
        let z = 0;
        for (let k = 0; k < width; k++) z += params[offset + k]! * x[row + k]!;
        prob[c] = z;
        max = Math.max(max, z);
      }
      let sum = 0;
      for (let c = 0; c <= P; c++) sum += prob[c] = Math.exp(prob[c]! - max);
      for (let c = 0; c <= P; c++) prob[c]! /= sum;
      // Gradient of the negative log-likelihood: E_p[x] - x_label. Hessian: E_p[x xᵀ] - E_p[x] E_p[x]ᵀ,
      // each class's x non-zero in its own block only.
      mean.fill(0);
      for (let c = 0; c <= P; c++) {
        const row = at + c * F;
        const [offset, width] = c < P ? [0, F] : [F, NONE_FIGURES];
        const pc = prob[c]!;
        for (let i = 0; i < width; i++) {
          const xi = x[row + i]!;
          mean[offset + i]! += pc * xi;
          const weighted = pc * xi;
          for (let j = 0; j <= i; j++) hessian[(offset + i) * W + offset + j]! += weighted * x[row + j]!;
        }
      }
      const label = examples[r]!.label;
      const labelRow = at + label * F;
      const [labelOffset, labelWidth] = label < P ? [0, F] : [F, NONE_FIGURES];
      for (let k = 0; k < W; k++) gradient[k]! += mean[k]!;
      for (let k = 0; k < labelWidth; k++) gradient[labelOffset + k]! -= x[labelRow + k]!;
      for (let i = 0; i < W; i++) {
        const mi = mean[i]!;
        if (mi === 0) continue;
        for (let j = 0; j <= i; j++) hessian[i * W + j]! -= mi * mean[j]!;
      }
    }
    for (let i = 0; i < W; i++) {
      gradient[i] = gradient[i]! / n + L2 * params[i]!;
      for (let j = 0; j <= i; j++) {
        const h = hessian[i * W + j]! / n + (i === j ? L2 : 0);
        hessian[i * W + j] = h;
        hessian[j * W + i] = h;
      }
    }
    const delta = solve(hessian, gradient, W);
    let largest = 0;
    for (let i = 0; i < W; i++) {
      params[i]! -= delta[i]!;
      largest = Math.max(largest, Math.abs(delta[i]!));
    }
    // The weights are stored to four decimals.
    if (largest < 1e-5) break;
  }
  const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
  decision.personaWeights = [...params.subarray(0, PERSONA_FIGURES)].map(round4);
  decision.noneWeights = [...params.subarray(PERSONA_FIGURES)].map(round4);
  return decision;
}
