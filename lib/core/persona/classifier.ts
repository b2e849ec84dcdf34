// A small multinomial naive Bayes classifier over character 3–5-grams, trained on the
// personas' `examples` with `personaSuggestion.neutralExamples` as a "none" class, and the
// reading of one sentence with it.
import type { Playbook } from '../../playbook/schema';
import { addFeature, createFeatureTable, featureOf, type FeatureTable } from './features';
import { forEachGram, paddedCodes, tokenize, type Sentence } from './text';
import { MAX_N, MIN_N, NONE, personaTuning } from './tuning';

export interface Classifier {
  /** Classes: the personas' ids in playbook order, then NONE last (when there are neutral examples). */
  classes: string[];
  /** n-gram hash → feature index. */
  features: FeatureTable;
  /**
   * log P(feature | class), feature-major: logp[f * classes.length + c]. Single precision halves
   * what is stored per playbook (the largest part of the model); sums are still taken in double,
   * and the suggestions for the held-out and independent test texts are the same as with doubles.
   */
  logp: Float32Array;
  /** Per persona: its training examples and their feature sets, for "writes like" evidence. */
  examples: { text: string; features: Int32Array }[][];
}

interface Stamp {
  marks: Int32Array;
  mark: number;
  folded: Map<string, string>;
}

let scratch = new Int32Array(4096);

/** The distinct feature indexes of a training text (`stamp` marks features already taken). */
function featuresOf(text: string, table: FeatureTable, stamp: Stamp): Int32Array {
  const words = tokenize(text, stamp.folded).map((t) => t.norm);
  if (!words.length) return new Int32Array(0);
  const { codes } = paddedCodes(words);
  const needed = codes.length * (MAX_N - MIN_N + 1);
  const out = scratch.length >= needed ? scratch : (scratch = new Int32Array(needed));
  let count = 0;
  const mark = ++stamp.mark;
  forEachGram(codes, (hash) => {
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

export function trainClassifier(playbook: Playbook): Classifier {
  const personaIds = playbook.personas.map((p) => p.id);
  const neutral = Object.values(playbook.personaSuggestion.neutralExamples).flat();
  const texts = [...playbook.personas.flatMap((persona) => Object.values(persona.examples).flat()), ...neutral];
  const features = createFeatureTable(texts.reduce((sum, text) => sum + text.length, 0));
  const stamp: Stamp = { marks: new Int32Array(1024), mark: 0, folded: new Map() };
  const docs: { cls: number; features: Int32Array }[] = [];
  const examples: Classifier['examples'] = playbook.personas.map(() => []);

  playbook.personas.forEach((persona, p) => {
    for (const phrases of Object.values(persona.examples)) {
      for (const text of phrases) {
        const set = featuresOf(text, features, stamp);
        if (!set.length) continue;
        docs.push({ cls: p, features: set });
        examples[p]?.push({ text, features: set });
      }
    }
  });
  const classes = [...personaIds];
  if (neutral.length) {
    classes.push(NONE);
    for (const text of neutral) {
      const set = featuresOf(text, features, stamp);
      if (set.length) docs.push({ cls: classes.length - 1, features: set });
    }
  }

  const C = classes.length;
  const V = features.size;
  const counts = new Int32Array(V * C);
  const totals = new Float64Array(C);
  for (const doc of docs) {
    const set = doc.features;
    for (let i = 0; i < set.length; i++) counts[(set[i] ?? 0) * C + doc.cls]! += 1;
    totals[doc.cls]! += set.length;
  }
  // Counts are small integers: one logarithm per distinct count, not per cell.
  let maxCount = 0;
  for (let i = 0; i < counts.length; i++) if ((counts[i] ?? 0) > maxCount) maxCount = counts[i] ?? 0;
  const logOf = new Float64Array(maxCount + 1);
  for (let k = 0; k <= maxCount; k++) logOf[k] = Math.log(k + personaTuning.alpha);
  const denominators = new Float64Array(C);
  for (let c = 0; c < C; c++) denominators[c] = Math.log((totals[c] ?? 0) + personaTuning.alpha * V);
  const logp = new Float32Array(V * C);
  for (let f = 0, i = 0; f < V; f++)
    for (let c = 0; c < C; c++, i++) logp[i] = (logOf[counts[i] ?? 0] ?? 0) - (denominators[c] ?? 0);

  return { classes, features, logp, examples };
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
  const logits = new Float64Array(C);
  let known = 0;
  const { features, logp } = classifier;
  const { codes } = paddedCodes(sentence.tokens.map((t) => t.norm));
  forEachGram(codes, (hash) => {
    const f = featureOf(features, hash);
    if (f < 0 || stamp[f] === mark) return;
    stamp[f] = mark;
    known++;
    const base = f * C;
    for (let c = 0; c < C; c++) logits[c]! += logp[base + c] ?? 0;
  });
  const noneIndex = C - 1;
  const hasNone = classifier.classes[noneIndex] === NONE;
  if (hasNone) logits[noneIndex]! += personaTuning.nonePrior * personaTuning.temperature;
  const posterior = new Float64Array(C);
  if (!known) {
    posterior.fill(1 / C);
  } else {
    let max = -Infinity;
    for (let c = 0; c < C; c++) max = Math.max(max, (logits[c] ?? 0) / personaTuning.temperature);
    let sum = 0;
    for (let c = 0; c < C; c++) {
      const e = Math.exp((logits[c] ?? 0) / personaTuning.temperature - max);
      posterior[c] = e;
      sum += e;
    }
    for (let c = 0; c < C; c++) posterior[c]! /= sum;
  }
  const none = hasNone ? (posterior[noneIndex] ?? 0) : 0;
  return { sentence, posterior, known, none };
}
