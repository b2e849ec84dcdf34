/**
 * The persona suggestion's tuning. Scores are in "signal points": a strong playbook signal
 * weighs 2–3. Checked against the held-out emails in test/unit/persona.test.ts.
 */

/** Character n-gram sizes. */
export const MIN_N = 3;
export const MAX_N = 5;
/** A run-on text without punctuation is cut into "sentences" of at most this many words. */
export const MAX_SENTENCE_TOKENS = 40;
export const MAX_EVIDENCE = 8;
export const EXCERPT_MAX = 120;
/** Characters of context on each side of a matched phrase. */
export const EXCERPT_CONTEXT = 35;
/** The longest quote of a training example in "writes like" evidence. */
export const EXAMPLE_QUOTE_MAX = 70;

export const personaTuning = {
  /** Laplace smoothing of the feature counts. */
  alpha: 0.3,
  /**
   * Softens naive Bayes' over-confidence: overlapping n-grams, and the words and word pairs
   * that repeat them, are far from independent (6 before words and pairs were added).
   */
  temperature: 10,
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

/** The classifier's class for "no persona" (logistics, greetings, signatures). */
export const NONE = '\u0000none';
