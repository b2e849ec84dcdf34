// A small multinomial logistic regression over character 3–5-grams, trained on the personas'
// `examples` with `personaSuggestion.neutralExamples` as a "none" class, and the reading of one
// sentence with it.
//
// Why logistic regression rather than naive Bayes (the model before issue 13): a sentence's
// n-grams overlap and are far from independent, so naive Bayes counted the same evidence many
// times over and needed a hand-set temperature; it also could not learn that an n-gram common
// to two personas ("references", "no idea") says little. A discriminative model weighs each
// n-gram given the others. Training stays cheap: a few passes of AdaGrad over the examples'
// distinct n-grams (tens of milliseconds for the default playbook).
import type { Playbook } from '../../playbook/schema';
import { addFeature, createFeatureTable, featureOf, type FeatureTable } from './features';
import { forEachFeature, paddedCodes, tokenize, type Sentence } from './text';
import { NONE, personaTuning } from './tuning';

export interface Classifier {
  /** Classes: the personas' ids in playbook order, then NONE last (when there are neutral examples). */
  classes: string[];
  /** n-gram hash → feature index. */
  features: FeatureTable;
  /**
   * The regression's weights, feature-major (weights[f * classes.length + c]), quantised to
   * 16 bits: the real weight is `weights[i] * weightStep`. Halves what is stored per playbook
   * against single precision; the step is far below any weight that changes a call.
   */
  weights: Int16Array;
  weightStep: number;
  /** Per class, the intercept. */
  bias: number[];
  /**
   * Per persona: its training examples, for "writes like" evidence. Their n-grams are not
   * stored (they would double the model); evidence.ts recomputes them when first needed.
   */
  examples: string[][];
}

interface Doc {
  cls: number;
  features: Int32Array;
  /** 1/√(n-grams in the sentence): long and short sentences weigh alike. */
  scale: number;
}

/** The distinct feature indexes of a training text and its scale, adding new n-grams to the table. */
function featuresOf(text: string, table: FeatureTable, folded: Map<string, string>, seen: Set<number>): Doc | undefined {
  const words = tokenize(text, folded).map((t) => t.norm);
  if (!words.length) return undefined;
  seen.clear();
  let total = 0;
  forEachFeature(paddedCodes(words).codes, (hash) => {
    total++;
    seen.add(addFeature(table, hash));
  });
  return { cls: -1, features: Int32Array.from(seen), scale: 1 / Math.sqrt(total) };
}

/** A small deterministic generator (mulberry32): the same playbook always trains the same model. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stochastic gradient descent with AdaGrad steps and L2 regularisation, in a seeded order. */
function fitWeights(docs: readonly Doc[], C: number, V: number): { weights: Float64Array; bias: Float64Array } {
  const weights = new Float64Array(V * C);
  const squared = new Float64Array(V * C);
  const bias = new Float64Array(C);
  const biasSquared = new Float64Array(C);
  const logits = new Float64Array(C);
  const { epochs, learningRate, l2, skipError } = personaTuning.regression;
  const random = seededRandom(0x5eed);
  const order = docs.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const d of order) {
      const { features, scale, cls } = docs[d]!;
      for (let c = 0; c < C; c++) logits[c] = bias[c]!;
      for (let k = 0; k < features.length; k++) {
        const base = features[k]! * C;
        for (let c = 0; c < C; c++) logits[c]! += weights[base + c]! * scale;
      }
      let max = -Infinity;
      for (let c = 0; c < C; c++) max = Math.max(max, logits[c]!);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += logits[c] = Math.exp(logits[c]! - max);
      for (let c = 0; c < C; c++) {
        const error = logits[c]! / sum - (c === cls ? 1 : 0);
        // A class the sentence is already fitted for would move its weights by next to nothing.
        if (Math.abs(error) < skipError) continue;
        biasSquared[c]! += error * error;
        bias[c]! -= (learningRate * error) / Math.sqrt(biasSquared[c]! + 1e-8);
        for (let k = 0; k < features.length; k++) {
          const i = features[k]! * C + c;
          const gradient = error * scale + l2 * weights[i]!;
          squared[i]! += gradient * gradient;
          weights[i]! -= (learningRate * gradient) / Math.sqrt(squared[i]! + 1e-8);
        }
      }
    }
  }
  return { weights, bias };
}

export function trainClassifier(playbook: Playbook): Classifier {
  const neutral = Object.values(playbook.personaSuggestion.neutralExamples).flat();
  const texts = [...playbook.personas.flatMap((persona) => Object.values(persona.examples).flat()), ...neutral];
  const features = createFeatureTable(texts.reduce((sum, text) => sum + text.length, 0));
  const folded = new Map<string, string>();
  const seen = new Set<number>();
  const docs: Doc[] = [];
  const examples: string[][] = playbook.personas.map(() => []);
  const add = (cls: number, text: string): boolean => {
    const doc = featuresOf(text, features, folded, seen);
    if (!doc) return false;
    docs.push({ ...doc, cls });
    return true;
  };
  playbook.personas.forEach((persona, p) => {
    for (const phrases of Object.values(persona.examples)) for (const text of phrases) if (add(p, text)) examples[p]?.push(text);
  });
  const classes = playbook.personas.map((p) => p.id);
  if (neutral.length) {
    classes.push(NONE);
    for (const text of neutral) add(classes.length - 1, text);
  }
  const C = classes.length;
  const { weights, bias } = fitWeights(docs, C, features.size);
  let largest = 0;
  for (const w of weights) largest = Math.max(largest, Math.abs(w));
  const weightStep = largest > 0 ? largest / 32767 : 1;
  const quantised = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) quantised[i] = Math.round((weights[i] ?? 0) / weightStep);
  return { classes, features, weights: quantised, weightStep, bias: Array.from(bias), examples };
}

export interface SentenceReading {
  sentence: Sentence;
  /** Posterior per class (same order as `classes`). */
  posterior: Float64Array;
  /** How many known n-grams the sentence has. */
  known: number;
  /** The posterior of "none": how much the sentence reads as logistics. */
  none: number;
}

/** `stamp` (one slot per feature) and `mark` (unique per sentence) count each n-gram once. */
export function readSentence(classifier: Classifier, sentence: Sentence, stamp: Int32Array, mark: number): SentenceReading {
  const C = classifier.classes.length;
  const { features, weights, weightStep, bias } = classifier;
  const sums = new Float64Array(C);
  let known = 0;
  let total = 0;
  forEachFeature(paddedCodes(sentence.tokens.map((t) => t.norm)).codes, (hash) => {
    total++;
    const f = featureOf(features, hash);
    if (f < 0 || stamp[f] === mark) return;
    stamp[f] = mark;
    known++;
    const base = f * C;
    for (let c = 0; c < C; c++) sums[c]! += weights[base + c] ?? 0;
  });
  const posterior = new Float64Array(C);
  if (!known) {
    posterior.fill(1 / C);
  } else {
    const scale = (weightStep / Math.sqrt(total)) / personaTuning.temperature;
    let max = -Infinity;
    for (let c = 0; c < C; c++) max = Math.max(max, (sums[c] = (sums[c] ?? 0) * scale + (bias[c] ?? 0) / personaTuning.temperature));
    let sum = 0;
    for (let c = 0; c < C; c++) sum += posterior[c] = Math.exp((sums[c] ?? 0) - max);
    for (let c = 0; c < C; c++) posterior[c]! /= sum;
  }
  const noneIndex = C - 1;
  const none = classifier.classes[noneIndex] === NONE ? (posterior[noneIndex] ?? 0) : 0;
  return { sentence, posterior, known, none };
}
