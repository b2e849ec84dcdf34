// The raw score of a text: sentence readings, signals and facts combined into points per
// persona and an uncalibrated confidence. suggest.ts calibrates it and decides what to show;
// calibration.ts scores held-out examples with it to learn that calibration.
import type { Playbook } from '../../playbook/schema';
import type { Facts } from '../facts';
import { readSentence, type Classifier, type SentenceReading } from './classifier';
import { sentenceAround, speaksFor, type PersonaEvidence } from './evidence';
import { matchFacts, matchSignals, type CompiledSignals, type SignalHit } from './signals';
import { splitSentences, tokenize } from './text';
import { personaTuning } from './tuning';

export const round = (value: number, digits = 3): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** What scoring needs of a model: the classifier, the compiled signals and the persona ids. */
export type ScoringModel = Classifier & CompiledSignals & { personaIds: string[] };

export interface TextScore {
  /** Points per persona (playbook order), never negative. */
  raw: Float64Array;
  total: number;
  /** Persona indexes by points, strongest first. */
  order: number[];
  /** The strongest persona's share of the points times their strength, before calibration: 0..1. */
  rawConfidence: number;
  /** Signal and fact evidence, in the order found. */
  evidence: PersonaEvidence[];
  /** Per persona: the playbook's phrase signals found (positive and negative points) and the facts' points. */
  signalGain: Float64Array;
  signalLoss: Float64Array;
  factPoints: Float64Array;
  /** The sentences as the classifier read them. */
  readings: readonly SentenceReading[];
  /** Each sentence's points per persona from the classifier, for classifier evidence. */
  perSentence: { reading: SentenceReading; persona: number; points: number }[];
}

/**
 * One "seen in this sentence" slot per feature, shared by every call: each sentence takes a
 * fresh mark, so the slots are cleared only when the marks run out. Allocating and filling the
 * 50,000 slots per text cost more than scoring a short text (calibration scores thousands).
 */
let sharedStamp = new Int32Array(0);
let nextMark = 0;

function stampFor(features: number, sentences: number): Int32Array {
  if (sharedStamp.length < features || nextMark + sentences >= 0x3fffffff) {
    sharedStamp = new Int32Array(Math.max(features, sharedStamp.length)).fill(-1);
    nextMark = 0;
  }
  return sharedStamp;
}

/** The text's sentences as the classifier reads them. */
export function readText(text: string, m: Classifier): SentenceReading[] {
  const sentences = splitSentences(text, tokenize(text, new Map()));
  const stamp = stampFor(m.features.size, sentences.length);
  return sentences.map((sentence) => readSentence(m, sentence, stamp, nextMark++));
}

export function scoreText(text: string, facts: Facts, playbook: Playbook, m: ScoringModel): TextScore {
  return scoreReadings(readText(text, m), facts, playbook, m, text);
}

/**
 * Scores sentences already read. Without `text` (the readings' offsets point into it) no
 * evidence is collected: calibration scores texts put together from sentences read apart.
 */
export function scoreReadings(
  readings: readonly SentenceReading[],
  facts: Facts,
  playbook: Playbook,
  m: ScoringModel,
  text?: string,
  hits: readonly SignalHit[] = matchSignals(m, readings),
): TextScore {
  const P = m.personaIds.length;
  const signalPoints = new Float64Array(P);
  const signalGain = new Float64Array(P);
  const textPoints = new Float64Array(P);
  const factPoints = new Float64Array(P);
  const evidence: PersonaEvidence[] = [];

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

  for (const hit of hits) {
    if (hit.contribution > 0) {
      sentencePoints[hit.sentenceIndex * P + hit.personaIndex]! += hit.contribution;
      signalGain[hit.personaIndex]! += hit.contribution;
    } else signalPoints[hit.personaIndex]! += hit.contribution;
    const signal = m.signals[hit.signalIndex];
    if (text === undefined) continue;
    // Its points count either way; it is quoted only from a sentence that speaks for its persona (evidence.ts).
    if (!signal || !speaksFor(readings[hit.sentenceIndex], hit.personaIndex)) continue;
    evidence.push({
      personaId: signal.personaId,
      kind: 'signal',
      signalId: signal.id,
      signalLabel: signal.label,
      excerpt: sentenceAround(text, hit.start, hit.end),
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
  for (const { personaIndex, signal, value } of matchFacts(playbook, facts)) {
    factPoints[personaIndex]! += signal.weight;
    evidence.push({
      personaId: m.personaIds[personaIndex] ?? '',
      kind: 'fact',
      signalId: signal.id,
      signalLabel: signal.label,
      excerpt: String(value),
      weight: round(signal.weight, 2),
    });
  }

  // Combine.
  const raw = new Float64Array(P);
  let total = 0;
  for (let p = 0; p < P; p++) {
    raw[p] = Math.max(0, (signalPoints[p] ?? 0) + (textPoints[p] ?? 0) + (factPoints[p] ?? 0));
    total += raw[p] ?? 0;
  }
  const order = [...raw.keys()].sort((a, b) => (raw[b] ?? 0) - (raw[a] ?? 0));
  const first = order[0];
  const top = first === undefined ? 0 : (raw[first] ?? 0);
  const share = top / (total + personaTuning.noneMass);
  const strength = 1 - Math.exp(-top / personaTuning.strengthScale);

  return {
    raw,
    total,
    order,
    rawConfidence: top > 0 ? share * strength : 0,
    signalGain,
    signalLoss: signalPoints,
    factPoints,
    readings,
    evidence,
    perSentence,
  };
}
