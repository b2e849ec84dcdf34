// The suggestion: sentence readings, signals and facts combined into a primary (and maybe a
// secondary) persona with a confidence and the evidence behind it.
import type { Playbook } from '../../playbook/schema';
import type { Facts } from '../facts';
import { readSentence, type SentenceReading } from './classifier';
import { classifierExcerpt, nearestExample, sentenceAround, shorten, speaksFor, type PersonaEvidence } from './evidence';
import { modelFor, type PersonaModel } from './model';
import { matchFacts, matchSignals } from './signals';
import { splitSentences, tokenize } from './text';
import { MAX_EVIDENCE, personaTuning } from './tuning';

export interface PersonaSuggestion {
  primary?: string;
  secondary?: string;
  /** 0..1; below the playbook's `minConfidence` there is no primary. */
  confidence: number;
  /** Each persona's share of the evidence, 0..1. */
  scores: Record<string, number>;
  evidence: PersonaEvidence[];
}

const round = (value: number, digits = 3): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/**
 * Suggests a persona for `text` (an email thread or CRM notes) and the page's facts.
 * `model` is the playbook's trained model (see `trainPersonaModel`); without one, or with one
 * that does not fit the playbook, a model is trained and kept for this playbook object.
 */
export function suggestPersona(text: string, facts: Facts, playbook: Playbook, model?: PersonaModel): PersonaSuggestion {
  const m = modelFor(playbook, model);
  const P = m.personaIds.length;
  const signalPoints = new Float64Array(P);
  const textPoints = new Float64Array(P);
  const factPoints = new Float64Array(P);
  const evidence: PersonaEvidence[] = [];

  // Text: sentences, their readings, signals.
  const tokens = tokenize(text, new Map());
  const sentences = splitSentences(text, tokens);
  const stamp = new Int32Array(m.features.size).fill(-1);
  const readings = sentences.map((sentence, i) => readSentence(m, sentence, stamp, i));

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

  for (const hit of matchSignals(m, readings)) {
    if (hit.contribution > 0) sentencePoints[hit.sentenceIndex * P + hit.personaIndex]! += hit.contribution;
    else signalPoints[hit.personaIndex]! += hit.contribution;
    const signal = m.signals[hit.signalIndex];
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
  const second = order[1];
  const top = first === undefined ? 0 : (raw[first] ?? 0);
  const share = top / (total + personaTuning.noneMass);
  const strength = 1 - Math.exp(-top / personaTuning.strengthScale);
  const confidence = round(top > 0 ? share * strength : 0);

  const scores: Record<string, number> = {};
  m.personaIds.forEach((id, p) => (scores[id] = round((raw[p] ?? 0) / (total + personaTuning.noneMass))));

  const { minConfidence, secondaryRatio } = playbook.personaSuggestion;
  const suggestion: PersonaSuggestion = { confidence, scores, evidence: [] };
  if (first !== undefined && top > 0 && confidence >= minConfidence) {
    suggestion.primary = m.personaIds[first];
    const runnerUp = second === undefined ? 0 : (raw[second] ?? 0);
    if (second !== undefined && runnerUp >= personaTuning.minSecondaryPoints && runnerUp >= secondaryRatio * top) {
      const id = m.personaIds[second];
      if (id !== suggestion.primary) suggestion.secondary = id;
    }
  }

  // Classifier evidence: the strongest sentences of the personas worth explaining.
  const shown = new Set<number>(
    [suggestion.primary, suggestion.secondary].filter((id): id is string => id !== undefined).map((id) => m.personaIds.indexOf(id)),
  );
  if (!shown.size) for (const p of order.slice(0, 2)) if ((raw[p] ?? 0) > 0) shown.add(p);
  const strongest = perSentence
    .filter((s) => shown.has(s.persona))
    .sort((a, b) => b.points - a.points)
    .slice(0, 4);
  for (const { reading, persona, points } of strongest) {
    if (!speaksFor(reading, persona)) continue;
    const { excerpt, grams } = classifierExcerpt(m, text, reading, persona);
    if (!excerpt) continue;
    const like = nearestExample(m, persona, grams);
    evidence.push({
      personaId: m.personaIds[persona] ?? '',
      kind: 'classifier',
      ...(like !== undefined ? { example: shorten(like) } : {}),
      excerpt,
      weight: round(points, 2),
    });
  }

  // Sort by strength, drop duplicates, keep the explained personas first.
  const seen = new Set<string>();
  suggestion.evidence = evidence
    .filter((e) => !shown.size || shown.has(m.personaIds.indexOf(e.personaId)))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .filter((e) => {
      const key = `${e.personaId}|${e.kind}|${e.kind === 'classifier' ? '' : e.signalId}|${e.excerpt.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_EVIDENCE);
  return suggestion;
}
