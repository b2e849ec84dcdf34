// A small multinomial naive Bayes classifier over character 3–5-grams, whole words and word
// pairs, trained on the personas' `examples` with `personaSuggestion.neutralExamples` as a
// "none" class, and the reading of one sentence with it.
//
// Issue 13 tried logistic regression instead (branch persona13, and again here): about two
// points better on the dev split, but ten times slower to train, and it turned three held-out
// emails of test/unit/persona.test.ts (an out-of-office reply with "urgent", two mixes)
// wrong. Words and word pairs next to the n-grams gave most of that gain without the costs.
import type { Playbook } from '../../playbook/schema';
import { addFeature, createFeatureTable, featureOf, type FeatureTable } from './features';
import { forEachFeature, paddedCodes, tokenize, type Sentence } from './text';
import { MAX_N, MIN_N, NONE, personaTuning } from './tuning';

export interface Classifier {
  /** Classes: the personas' ids in playbook order, then NONE last (when there are neutral examples). */
  classes: string[];
  /** n-gram hash → feature index. */
  features: FeatureTable;
  /**
   * log P(feature | class), feature-major (weights[f * classes.length + c]), quantised to 16
   * bits: the value is `weights[i] * weightStep` (a step of about 0.0005 in log-probability,
   * far below anything that changes a call). Half of what single precision stored.
   */
  weights: Int16Array;
  weightStep: number;
  /**
   * Per persona: its training examples, for "writes like" evidence. Their n-grams are not
   * stored (they would double the model); evidence.ts recomputes them when first needed.
   */
  examples: string[][];
}

interface Doc {
  cls: number;
  features: Int32Array;
}

/** Marks features already taken from the current text: one slot per feature, a fresh mark per text. */
interface Stamp {
  marks: Int32Array;
  mark: number;
  folded: Map<string, string>;
}

let scratch = new Int32Array(4096);

/** The distinct feature indexes of a training text, adding new ones to the table. */
function featuresOf(text: string, table: FeatureTable, stamp: Stamp): Int32Array {
  const words = tokenize(text, stamp.folded).map((t) => t.norm);
  if (!words.length) return new Int32Array(0);
  const { codes } = paddedCodes(words);
  // At most (MAX_N - MIN_N + 1) n-grams and two word features per character.
  const needed = codes.length * (MAX_N - MIN_N + 3);
  const out = scratch.length >= needed ? scratch : (scratch = new Int32Array(needed));
  let count = 0;
  const mark = ++stamp.mark;
  forEachFeature(codes, (hash) => {
    const f = addFeature(table, hash);
    if (f >= stamp.marks.length) {
      const grown = new Int32Array(stamp.marks.length * 2);
      grown.set(stamp.marks);
      stamp.marks = grown;
    }
    if (stamp.marks[f] === mark) return;
    stamp.marks[f] = mark;
    out[count++] = f;
  });
  return out.slice(0, count);
}

/**
 * log P(feature | class) with Laplace smoothing, feature-major, quantised to 16 bits. `skip`
 * leaves documents out (a cross-validation fold): a feature none of the kept documents has
 * gets the same weight in every class, so it changes no posterior, as an unknown one would not.
 */
function quantisedLikelihoods(docs: readonly Doc[], C: number, V: number, skip?: (doc: number) => boolean): { weights: Int16Array; weightStep: number } {
  const counts = new Int32Array(V * C);
  const totals = new Float64Array(C);
  let maxCount = 0;
  docs.forEach((doc, d) => {
    if (skip?.(d)) return;
    for (const f of doc.features) maxCount = Math.max(maxCount, ++counts[f * C + doc.cls]!);
    totals[doc.cls]! += doc.features.length;
  });
  // Counts are small integers: one logarithm per distinct count, not per cell.
  const { alpha } = personaTuning;
  const logOf = new Float64Array(maxCount + 1);
  for (let k = 0; k <= maxCount; k++) logOf[k] = Math.log(k + alpha);
  const denominators = new Float64Array(C);
  for (let c = 0; c < C; c++) denominators[c] = Math.log((totals[c] ?? 0) + alpha * V);
  const logp = new Float64Array(V * C);
  let largest = 0;
  for (let f = 0, i = 0; f < V; f++) {
    let seen = false;
    for (let c = 0; c < C; c++) seen ||= (counts[f * C + c] ?? 0) > 0;
    for (let c = 0; c < C; c++, i++) {
      logp[i] = seen ? (logOf[counts[i] ?? 0] ?? 0) - (denominators[c] ?? 0) : 0;
      largest = Math.max(largest, Math.abs(logp[i] ?? 0));
    }
  }
  const weightStep = largest > 0 ? largest / 32767 : 1;
  const weights = new Int16Array(logp.length);
  for (let i = 0; i < logp.length; i++) weights[i] = Math.round((logp[i] ?? 0) / weightStep);
  return { weights, weightStep };
}

/** A training text's class and where it came from, so cross-validation can hold it out. */
export interface TrainingText {
  cls: number;
  lang: string;
  text: string;
}

/**
 * The classifier trained on all of the playbook's examples, plus what cross-validation needs:
 * `texts` (one per training document, in order) and `foldWeights`, which trains the same
 * classifier without the documents `skip` names, reusing the features already extracted.
 */
export function trainClassifierWithFolds(playbook: Playbook): {
  classifier: Classifier;
  texts: TrainingText[];
  foldWeights: (skip: (doc: number) => boolean) => Pick<Classifier, 'weights' | 'weightStep'>;
} {
  const neutral = Object.values(playbook.personaSuggestion.neutralExamples).flat();
  const all = [...playbook.personas.flatMap((persona) => Object.values(persona.examples).flat()), ...neutral];
  const features = createFeatureTable(all.reduce((sum, text) => sum + text.length, 0));
  const stamp: Stamp = { marks: new Int32Array(1024), mark: 0, folded: new Map() };
  const docs: Doc[] = [];
  const texts: TrainingText[] = [];
  const examples: string[][] = playbook.personas.map(() => []);
  const add = (cls: number, lang: string, text: string): boolean => {
    const set = featuresOf(text, features, stamp);
    if (!set.length) return false;
    docs.push({ cls, features: set });
    texts.push({ cls, lang, text });
    return true;
  };
  playbook.personas.forEach((persona, p) => {
    for (const [lang, phrases] of Object.entries(persona.examples)) for (const text of phrases) if (add(p, lang, text)) examples[p]?.push(text);
  });
  const classes = playbook.personas.map((p) => p.id);
  if (neutral.length) {
    classes.push(NONE);
    for (const [lang, phrases] of Object.entries(playbook.personaSuggestion.neutralExamples)) for (const text of phrases) add(classes.length - 1, lang, text);
  }
  const C = classes.length;
  const V = features.size;
  return {
    classifier: { classes, features, ...quantisedLikelihoods(docs, C, V), examples },
    texts,
    foldWeights: (skip) => quantisedLikelihoods(docs, C, V, skip),
  };
}

export function trainClassifier(playbook: Playbook): Classifier {
  return trainClassifierWithFolds(playbook).classifier;
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
  const { features, weights, weightStep } = classifier;
  const sums = new Float64Array(C);
  let known = 0;
  forEachFeature(paddedCodes(sentence.tokens.map((t) => t.norm)).codes, (hash) => {
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
    const scale = weightStep / personaTuning.temperature;
    let max = -Infinity;
    for (let c = 0; c < C; c++) max = Math.max(max, (sums[c] = (sums[c] ?? 0) * scale));
    let sum = 0;
    for (let c = 0; c < C; c++) sum += posterior[c] = Math.exp((sums[c] ?? 0) - max);
    for (let c = 0; c < C; c++) posterior[c]! /= sum;
  }
  const noneIndex = C - 1;
  const none = classifier.classes[noneIndex] === NONE ? (posterior[noneIndex] ?? 0) : 0;
  return { sentence, posterior, known, none };
}
