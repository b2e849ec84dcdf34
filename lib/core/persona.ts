/**
 * Suggests a behavioural persona (expert, fast, novice, burned, …) for the text of an email
 * thread or CRM notes plus the page's facts. Pure: no DOM, no browser API, no storage.
 *
 * Two sources of evidence are combined:
 *  1. the playbook's weighted signals: phrases per language (case- and accent-insensitive,
 *     Unicode word boundaries, a trailing `*` matches any ending) and fact conditions;
 *  2. a small multinomial naive Bayes classifier over character 3–5-grams, trained on the
 *     personas' `examples` with `personaSuggestion.neutralExamples` as a "none" class. It is
 *     trained the first time a playbook object is used and cached for that object.
 *
 * The text is classified sentence by sentence, so greetings, signatures and logistics in a
 * long thread count as "none" instead of diluting (or faking) a persona. A signal found in a
 * sentence the classifier reads as logistics counts for less, and one sentence can add at most
 * `sentenceCap` points, so the persona present across the text wins over one keyword-packed
 * sentence. The rep's override is not this
 * module's business: it only suggests, with a confidence and the evidence behind it.
 */
import type { Condition, FactKey, Playbook } from '../playbook/schema';
import type { Facts } from './facts';
import { localise } from '../i18n/local-text';

export interface PersonaEvidence {
  personaId: string;
  kind: 'signal' | 'fact' | 'classifier';
  signalId?: string;
  /** A human label in the UI language, e.g. the signal's label or `writes like: "…"`. */
  label: string;
  /** The words from the text (≤ 120 characters, a verbatim slice of it) or the fact's value. */
  excerpt: string;
  weight: number;
}

export interface PersonaSuggestion {
  primary?: string;
  secondary?: string;
  /** 0..1; below the playbook's `minConfidence` there is no primary. */
  confidence: number;
  /** Each persona's share of the evidence, 0..1. */
  scores: Record<string, number>;
  evidence: PersonaEvidence[];
}

// ---------------------------------------------------------------------------------------------
// Tuning. Scores are in "signal points": a strong playbook signal weighs 2–3.

/** Character n-gram sizes. */
const MIN_N = 3;
const MAX_N = 5;
const MAX_EVIDENCE = 8;
const EXCERPT_MAX = 120;
/** Characters of context on each side of a matched phrase. */
const EXCERPT_CONTEXT = 35;
const MAX_SENTENCE_TOKENS = 40;

/** Tuning, checked against the held-out emails in test/unit/persona.test.ts. */
const personaTuning = {
  /** Laplace smoothing of the n-gram counts. */
  alpha: 0.3,
  /** Softens naive Bayes' over-confidence: overlapping n-grams are far from independent. */
  temperature: 6,
  /** Log-odds head start of the "none" class: a sentence must earn a persona. */
  nonePrior: 0,
  /** A sentence counts for a persona only above this posterior. */
  sentenceFloor: 0.4,
  /** Points one fully confident sentence is worth. */
  classifierWeight: 1.6,
  /** A signal found in a sentence that reads as pure logistics keeps this share of its weight. */
  neutralDampingFloor: 0.25,
  /** Pseudo-score of "no persona": keeps single weak hints from looking certain. */
  noneMass: 0.75,
  /** Points at which the strength term reaches 1 - 1/e. */
  strengthScale: 1.5,
  /** Most points one sentence can give a persona: a sentence packed with keywords is still one sentence. */
  sentenceCap: 4,
  /** A secondary persona needs at least this many points of its own. */
  minSecondaryPoints: 1,
};
const NONE = '\u0000none';

// ---------------------------------------------------------------------------------------------
// Text: tokens with offsets into the original text, folded for matching.

interface Token {
  start: number;
  end: number;
  /** Lower case, accents stripped (ł → l, ё → е): writers often skip diacritics. */
  norm: string;
}

interface Sentence {
  tokens: Token[];
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const BOUNDARY = /[.!?;\n\r]/;

function fold(word: string): string {
  const lower = word.toLowerCase();
  // Fast path for plain ASCII, the common case.
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/ß/g, 'ss');
}

function tokenize(text: string, cache?: Map<string, string>): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const raw = m[0];
    let norm = cache?.get(raw);
    if (norm === undefined) {
      norm = fold(raw);
      cache?.set(raw, norm);
    }
    tokens.push({ start: m.index, end: m.index + raw.length, norm });
  }
  return tokens;
}

function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Token[] = [];
  let previousEnd = 0;
  for (const token of tokens) {
    const gap = current.length ? text.slice(previousEnd, token.start) : '';
    if (current.length && (BOUNDARY.test(gap) || current.length >= MAX_SENTENCE_TOKENS)) {
      sentences.push({ tokens: current });
      current = [];
    }
    current.push(token);
    previousEnd = token.end;
  }
  if (current.length) sentences.push({ tokens: current });
  return sentences;
}

/** The sentence written as " w1 w2 … " in char codes, and which word each character belongs to. */
function paddedCodes(words: readonly string[]): { codes: Uint16Array; owner: Int32Array } {
  let length = 1;
  for (const word of words) length += word.length + 1;
  const codes = new Uint16Array(length);
  const owner = new Int32Array(length);
  codes[0] = 32;
  let at = 1;
  words.forEach((word, w) => {
    for (let i = 0; i < word.length; i++) {
      codes[at] = word.charCodeAt(i);
      owner[at++] = w;
    }
    codes[at] = 32;
    owner[at++] = w;
  });
  return { codes, owner };
}

/**
 * Calls `visit` with a 32-bit hash (FNV-1a) of every character n-gram of the padded sentence,
 * its start and its length. n-grams may cross a word boundary and so capture short phrases.
 * Hashing instead of slicing strings keeps a 20,000-character text to a few milliseconds.
 */
function forEachGram(codes: Uint16Array, visit: (hash: number, start: number, length: number) => void): void {
  for (let i = 0; i + MIN_N <= codes.length; i++) {
    let hash = 0x811c9dc5;
    for (let k = 0; k < MAX_N && i + k < codes.length; k++) {
      hash = Math.imul(hash ^ (codes[i + k] ?? 0), 0x01000193);
      // 30 bits keep the key a small integer, which V8's Map hashes fastest.
      if (k + 1 >= MIN_N) visit(hash & 0x3fffffff, i, k + 1);
    }
  }
}

/** Open-addressing map from an n-gram hash to a feature index: no allocation per lookup. */
class FeatureIndex {
  private keys: Int32Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity: number) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.keys = new Int32Array(slots);
    this.values = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /** The feature index of `hash` (30 bits), or -1. */
  get(hash: number): number {
    const key = hash | 0x40000000;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const found = this.keys[slot];
      if (found === key) return this.values[slot] ?? -1;
      if (!found) return -1;
    }
  }

  add(hash: number): number {
    if (this.size * 2 >= this.keys.length) this.grow();
    const key = hash | 0x40000000;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const found = this.keys[slot];
      if (found === key) return this.values[slot] ?? -1;
      if (!found) {
        this.keys[slot] = key;
        this.values[slot] = this.size;
        return this.size++;
      }
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let slot = 0; slot < keys.length; slot++) {
      const key = keys[slot] ?? 0;
      if (!key) continue;
      for (let at = key & 0x3fffffff & this.mask; ; at = (at + 1) & this.mask) {
        if (!this.keys[at]) {
          this.keys[at] = key;
          this.values[at] = values[slot] ?? 0;
          break;
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The model trained from a playbook (cached per playbook object).

interface CompiledPattern {
  personaIndex: number;
  signalIndex: number;
  words: { text: string; prefix: boolean }[];
}

interface CompiledSignal {
  personaId: string;
  id: string;
  label: Playbook['personas'][number]['signals'][number]['label'];
  weight: number;
}

interface Model {
  personaIds: string[];
  /** Classes of the classifier: persona indexes, then NONE last (when there are neutral examples). */
  classes: string[];
  /** n-gram hash → feature index. */
  features: FeatureIndex;
  /** log P(feature | class), feature-major: logp[f * classes.length + c]. */
  logp: Float64Array;
  /** Per persona: its training examples and their feature sets, for "writes like" labels. */
  examples: { text: string; features: Int32Array }[][];
  signals: CompiledSignal[];
  exact: Map<string, CompiledPattern[]>;
  prefixes: Map<string, CompiledPattern[]>;
  prefixLengths: number[];
  trainMs: number;
}

const models = new WeakMap<Playbook, Model>();

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

let scratch = new Int32Array(4096);

/** The distinct feature indexes of a training text (`stamp` marks features already taken). */
function featuresOf(text: string, index: FeatureIndex, stamp: { marks: Int32Array; mark: number; folded: Map<string, string> }): Int32Array {
  const words = tokenize(text, stamp.folded).map((t) => t.norm);
  if (!words.length) return new Int32Array(0);
  const { codes } = paddedCodes(words);
  const out = scratch.length >= codes.length * (MAX_N - MIN_N + 1) ? scratch : (scratch = new Int32Array(codes.length * (MAX_N - MIN_N + 1)));
  let count = 0;
  const mark = ++stamp.mark;
  forEachGram(codes, (hash) => {
    const f = index.add(hash);
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

function train(playbook: Playbook): Model {
  const started = now();
  const personaIds = playbook.personas.map((p) => p.id);
  const texts = [
    ...playbook.personas.flatMap((persona) => Object.values(persona.examples).flat()),
    ...Object.values(playbook.personaSuggestion.neutralExamples).flat(),
  ];
  const features = new FeatureIndex(texts.reduce((sum, text) => sum + text.length, 0));
  const stamp = { marks: new Int32Array(1024), mark: 0, folded: new Map<string, string>() };
  const docs: { cls: number; features: Int32Array }[] = [];
  const examples: Model['examples'] = playbook.personas.map(() => []);

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
  const neutral = Object.values(playbook.personaSuggestion.neutralExamples).flat();
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
    const features = doc.features;
    for (let i = 0; i < features.length; i++) counts[(features[i] ?? 0) * C + doc.cls]! += 1;
    totals[doc.cls]! += features.length;
  }
  // Counts are small integers: one logarithm per distinct count, not per cell.
  let maxCount = 0;
  for (let i = 0; i < counts.length; i++) if ((counts[i] ?? 0) > maxCount) maxCount = counts[i] ?? 0;
  const logOf = new Float64Array(maxCount + 1);
  for (let k = 0; k <= maxCount; k++) logOf[k] = Math.log(k + personaTuning.alpha);
  const denominators = new Float64Array(C);
  for (let c = 0; c < C; c++) denominators[c] = Math.log((totals[c] ?? 0) + personaTuning.alpha * V);
  const logp = new Float64Array(V * C);
  for (let f = 0, i = 0; f < V; f++)
    for (let c = 0; c < C; c++, i++) logp[i] = (logOf[counts[i] ?? 0] ?? 0) - (denominators[c] ?? 0);

  // Signals: index every pattern by its first word, exact or as a stem.
  const signals: CompiledSignal[] = [];
  const exact = new Map<string, CompiledPattern[]>();
  const prefixes = new Map<string, CompiledPattern[]>();
  const prefixLengths = new Set<number>();
  playbook.personas.forEach((persona, personaIndex) => {
    for (const signal of persona.signals) {
      if (!signal.patterns) continue;
      const signalIndex = signals.length;
      signals.push({ personaId: persona.id, id: signal.id, label: signal.label, weight: signal.weight });
      for (const phrases of Object.values(signal.patterns)) {
        for (const phrase of phrases) {
          const words = [...phrase.matchAll(/([\p{L}\p{N}\p{M}]+)(\*?)/gu)].map((m) => ({
            text: fold(m[1] ?? ''),
            prefix: m[2] === '*',
          }));
          const first = words[0];
          if (!first || !first.text) continue;
          const compiled: CompiledPattern = { personaIndex, signalIndex, words };
          const map = first.prefix ? prefixes : exact;
          if (first.prefix) prefixLengths.add(first.text.length);
          const list = map.get(first.text);
          if (list) list.push(compiled);
          else map.set(first.text, [compiled]);
        }
      }
    }
  });

  return {
    personaIds,
    classes,
    features,
    logp,
    examples,
    signals,
    exact,
    prefixes,
    prefixLengths: [...prefixLengths].sort((a, b) => a - b),
    trainMs: now() - started,
  };
}

function modelFor(playbook: Playbook): Model {
  let model = models.get(playbook);
  if (!model) {
    model = train(playbook);
    models.set(playbook, model);
  }
  return model;
}

/** How long training the classifier for this playbook took (ms); trains it if needed. */
export function personaModelTrainingMs(playbook: Playbook): number {
  return modelFor(playbook).trainMs;
}

// ---------------------------------------------------------------------------------------------
// Classifying one sentence.

interface SentenceReading {
  sentence: Sentence;
  /** Posterior per class (same order as model.classes). */
  posterior: Float64Array;
  /** How many known n-grams the sentence has. */
  known: number;
  none: number;
}

function readSentence(model: Model, sentence: Sentence, stamp: Int32Array, mark: number): SentenceReading {
  const C = model.classes.length;
  const logits = new Float64Array(C);
  let known = 0;
  const { features, logp } = model;
  const { codes } = paddedCodes(sentence.tokens.map((t) => t.norm));
  forEachGram(codes, (hash) => {
    const f = features.get(hash);
    if (f < 0 || stamp[f] === mark) return;
    stamp[f] = mark;
    known++;
    const base = f * C;
    for (let c = 0; c < C; c++) logits[c]! += logp[base + c] ?? 0;
  });
  const noneIndex = model.classes.length - 1;
  const hasNone = model.classes[noneIndex] === NONE;
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

// ---------------------------------------------------------------------------------------------
// Facts.

function conditionHolds(value: number | string | undefined, when: Condition): boolean {
  if (value === undefined) return false;
  if (when.min !== undefined || when.max !== undefined) {
    const number = typeof value === 'number' ? value : Number.NaN;
    if (!Number.isFinite(number)) return false;
    if (when.min !== undefined && number < when.min) return false;
    if (when.max !== undefined && number >= when.max) return false;
  }
  const text = String(value).toLowerCase();
  if (when.equals && !when.equals.some((e) => e.toLowerCase() === text)) return false;
  if (when.contains && !when.contains.some((c) => text.includes(c.toLowerCase()))) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Excerpts.

function excerptAround(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  if (to - from > EXCERPT_MAX) to = from + EXCERPT_MAX;
  // Some context on both sides of the match, within the cap.
  const room = Math.min(EXCERPT_MAX - (to - from), 2 * EXCERPT_CONTEXT);
  from = Math.max(0, from - Math.floor(room / 2));
  to = Math.min(text.length, to + (room - (start - from)));
  // Do not cut words in half at the edges, and do not run across lines.
  const line = text.slice(from, to);
  const firstBreak = line.lastIndexOf('\n', start - from);
  if (firstBreak >= 0) from += firstBreak + 1;
  const lastBreak = text.slice(end, to).indexOf('\n');
  if (lastBreak >= 0) to = end + lastBreak;
  while (from > 0 && from < start && /[\p{L}\p{N}]/u.test(text[from - 1] ?? '')) from++;
  while (to < text.length && to > end && /[\p{L}\p{N}]/u.test(text[to] ?? '')) to--;
  return text.slice(from, to).trim();
}

function quote(text: string, max = 70): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------
// The suggestion.

interface SignalHit {
  sentenceIndex: number;
  personaIndex: number;
  signalIndex: number;
  start: number;
  end: number;
  contribution: number;
}

function matchSignals(model: Model, readings: SentenceReading[]): SignalHit[] {
  const best = new Map<number, SignalHit>();
  readings.forEach((reading, sentenceIndex) => {
    const tokens = reading.sentence.tokens;
    const damping = 1 - (1 - personaTuning.neutralDampingFloor) * reading.none;
    for (let i = 0; i < tokens.length; i++) {
      const norm = tokens[i]?.norm ?? '';
      const candidates: CompiledPattern[] = [];
      const exact = model.exact.get(norm);
      if (exact) candidates.push(...exact);
      for (const length of model.prefixLengths) {
        if (length > norm.length) break;
        const list = model.prefixes.get(norm.slice(0, length));
        if (list) candidates.push(...list);
      }
      for (const pattern of candidates) {
        let ok = true;
        for (let k = 0; k < pattern.words.length && ok; k++) {
          const word = pattern.words[k];
          const token = tokens[i + k];
          if (!word || !token) ok = false;
          else ok = word.prefix ? token.norm.startsWith(word.text) : token.norm === word.text;
        }
        if (!ok) continue;
        const signal = model.signals[pattern.signalIndex];
        if (!signal) continue;
        const last = tokens[i + pattern.words.length - 1];
        const contribution = signal.weight > 0 ? signal.weight * damping : signal.weight;
        const previous = best.get(pattern.signalIndex);
        if (!previous || Math.abs(contribution) > Math.abs(previous.contribution)) {
          best.set(pattern.signalIndex, {
            sentenceIndex,
            personaIndex: pattern.personaIndex,
            signalIndex: pattern.signalIndex,
            start: tokens[i]?.start ?? 0,
            end: last?.end ?? 0,
            contribution,
          });
        }
      }
    }
  });
  return [...best.values()];
}

/** The span of the words that most separate `persona` from the other classes in a sentence. */
function classifierExcerpt(model: Model, text: string, reading: SentenceReading, persona: number): { excerpt: string; grams: Set<number> } {
  const C = model.classes.length;
  const tokens = reading.sentence.tokens;
  const tokenScore = new Float64Array(tokens.length);
  const grams = new Set<number>();
  const { codes, owner } = paddedCodes(tokens.map((t) => t.norm));
  const seen = new Set<number>();
  forEachGram(codes, (hash, startAt, length) => {
    const f = model.features.get(hash);
    if (f < 0 || seen.has(f)) return;
    seen.add(f);
    const from = owner[startAt] ?? 0;
    const to = owner[startAt + length - 1] ?? from;
    const base = f * C;
    const own = model.logp[base + persona] ?? 0;
    let other = -Infinity;
    for (let c = 0; c < C; c++) if (c !== persona) other = Math.max(other, model.logp[base + c] ?? 0);
    const lift = own - other;
    if (lift <= 0) return;
    grams.add(f);
    for (let t = from; t <= to; t++) tokenScore[t]! += lift / (to - from + 1);
  });
  // The best window of up to four consecutive words.
  let bestStart = 0;
  let bestEnd = 0;
  let bestScore = -Infinity;
  for (let i = 0; i < tokens.length; i++) {
    let score = 0;
    for (let j = i; j < Math.min(tokens.length, i + 4); j++) {
      score += tokenScore[j] ?? 0;
      const span = (tokens[j]?.end ?? 0) - (tokens[i]?.start ?? 0);
      if (span > EXCERPT_MAX) break;
      if (score > bestScore) {
        bestScore = score;
        bestStart = i;
        bestEnd = j;
      }
    }
  }
  const start = tokens[bestStart]?.start ?? 0;
  const end = tokens[bestEnd]?.end ?? start;
  return { excerpt: text.slice(start, end), grams };
}

function nearestExample(model: Model, persona: number, grams: Set<number>): string | undefined {
  let best: string | undefined;
  let bestScore = 0;
  const mark = new Uint8Array(model.features.size);
  for (const f of grams) mark[f] = 1;
  for (const example of model.examples[persona] ?? []) {
    let shared = 0;
    for (const f of example.features) shared += mark[f] ?? 0;
    const score = shared / Math.sqrt(example.features.length + 1);
    if (score > bestScore) {
      bestScore = score;
      best = example.text;
    }
  }
  return best;
}

const round = (value: number, digits = 3): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

export function suggestPersona(text: string, facts: Facts, playbook: Playbook, language?: string): PersonaSuggestion {
  const model = modelFor(playbook);
  const lang = language ?? playbook.fallbackLanguage;
  const P = model.personaIds.length;
  const signalPoints = new Float64Array(P);
  const textPoints = new Float64Array(P);
  const factPoints = new Float64Array(P);
  const evidence: PersonaEvidence[] = [];

  // Text: sentences, their readings, signals.
  const cache = new Map<string, string>();
  const tokens = tokenize(text, cache);
  const sentences = splitSentences(text, tokens);
  const stamp = new Int32Array(model.features.size).fill(-1);
  const readings = sentences.map((sentence, i) => readSentence(model, sentence, stamp, i));

  // Points per sentence and persona: signals plus the classifier, saturating at sentenceCap.
  const sentencePoints = new Float64Array(readings.length * P);
  const perSentence: { reading: SentenceReading; persona: number; points: number }[] = [];
  readings.forEach((reading, i) => {
    for (let p = 0; p < P; p++) {
      const probability = reading.posterior[p] ?? 0;
      if (probability <= personaTuning.sentenceFloor) continue;
      const points = (personaTuning.classifierWeight * (probability - personaTuning.sentenceFloor)) / (1 - personaTuning.sentenceFloor);
      sentencePoints[i * P + p]! += points;
      perSentence.push({ reading, persona: p, points });
    }
  });

  const hits = matchSignals(model, readings);
  for (const hit of hits) {
    if (hit.contribution > 0) sentencePoints[hit.sentenceIndex * P + hit.personaIndex]! += hit.contribution;
    else signalPoints[hit.personaIndex]! += hit.contribution;
    const signal = model.signals[hit.signalIndex];
    if (!signal) continue;
    evidence.push({
      personaId: signal.personaId,
      kind: 'signal',
      signalId: signal.id,
      label: localise(signal.label, lang, playbook.fallbackLanguage),
      excerpt: excerptAround(text, hit.start, hit.end),
      weight: round(hit.contribution, 2),
    });
  }
  const cap = personaTuning.sentenceCap;
  for (let i = 0; i < readings.length; i++) {
    for (let p = 0; p < P; p++) {
      const x = sentencePoints[i * P + p] ?? 0;
      if (x > 0) textPoints[p]! += cap * (1 - Math.exp(-x / cap));
    }
  }

  // Facts.
  playbook.personas.forEach((persona, p) => {
    for (const signal of persona.signals) {
      if (!signal.fact) continue;
      const value = facts[signal.fact.key as FactKey];
      if (!conditionHolds(value, signal.fact.when)) continue;
      factPoints[p]! += signal.weight;
      evidence.push({
        personaId: persona.id,
        kind: 'fact',
        signalId: signal.id,
        label: localise(signal.label, lang, playbook.fallbackLanguage),
        excerpt: String(value),
        weight: round(signal.weight, 2),
      });
    }
  });

  // Combine.
  const raw = new Float64Array(P);
  let total = 0;
  for (let p = 0; p < P; p++) {
    raw[p] = Math.max(0, (signalPoints[p] ?? 0) + (textPoints[p] ?? 0) + (factPoints[p] ?? 0));
    total += raw[p] ?? 0;
  }
  const order = [...raw.keys()].sort((a, b) => (raw[b] ?? 0) - (raw[a] ?? 0));
  const first = order[0];
  const second = order[1];
  const top = first === undefined ? 0 : (raw[first] ?? 0);
  const share = top / (total + personaTuning.noneMass);
  const strength = 1 - Math.exp(-top / personaTuning.strengthScale);
  const confidence = round(top > 0 ? share * strength : 0);

  const scores: Record<string, number> = {};
  model.personaIds.forEach((id, p) => (scores[id] = round((raw[p] ?? 0) / (total + personaTuning.noneMass))));

  const { minConfidence, secondaryRatio } = playbook.personaSuggestion;
  const suggestion: PersonaSuggestion = { confidence, scores, evidence: [] };
  if (first !== undefined && top > 0 && confidence >= minConfidence) {
    suggestion.primary = model.personaIds[first];
    const runnerUp = second === undefined ? 0 : (raw[second] ?? 0);
    if (second !== undefined && runnerUp >= personaTuning.minSecondaryPoints && runnerUp >= secondaryRatio * top) {
      const id = model.personaIds[second];
      if (id !== suggestion.primary) suggestion.secondary = id;
    }
  }

  // Classifier evidence: the strongest sentences of the personas worth explaining.
  const shown = new Set<number>(
    [suggestion.primary, suggestion.secondary]
      .filter((id): id is string => id !== undefined)
      .map((id) => model.personaIds.indexOf(id)),
  );
  if (!shown.size) for (const p of order.slice(0, 2)) if ((raw[p] ?? 0) > 0) shown.add(p);
  const strongest = perSentence
    .filter((s) => shown.has(s.persona))
    .sort((a, b) => b.points - a.points)
    .slice(0, 4);
  for (const { reading, persona, points } of strongest) {
    const { excerpt, grams } = classifierExcerpt(model, text, reading, persona);
    if (!excerpt) continue;
    const like = nearestExample(model, persona, grams);
    const personaId = model.personaIds[persona] ?? '';
    evidence.push({
      personaId,
      kind: 'classifier',
      label: like ? `writes like: "${quote(like)}"` : `writes like a ${localise(playbook.personas[persona]?.label, lang, playbook.fallbackLanguage)} buyer`,
      excerpt,
      weight: round(points, 2),
    });
  }

  // Sort by strength, drop duplicates, keep the explained personas first.
  const seen = new Set<string>();
  suggestion.evidence = evidence
    .filter((e) => !shown.size || shown.has(model.personaIds.indexOf(e.personaId)))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .filter((e) => {
      const key = `${e.personaId}|${e.kind}|${e.signalId ?? ''}|${e.excerpt.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_EVIDENCE);
  return suggestion;
}
