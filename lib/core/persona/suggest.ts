// The suggestion: sentence readings, signals and facts combined into a primary (and maybe a
// secondary) persona with a confidence and the evidence behind it.
import type { Playbook } from '../../playbook/schema';
import type { Facts } from '../facts';
import { calibrate } from './calibration';
import { decide, decisionFigures } from './decision';
import { classifierExcerpt, nearestExample, shorten, speaksFor, type PersonaEvidence } from './evidence';
import { modelFor, type PersonaModel } from './model';
import { round, scoreText } from './score';
import { MAX_EVIDENCE, personaTuning } from './tuning';

export interface PersonaSuggestion {
  primary?: string;
  secondary?: string;
  /**
   * 0..1, calibrated: how often a suggestion with this confidence is right (calibration.ts).
   * There is no primary when the decision's probability of the likeliest persona (decision.ts),
   * before calibration, is below the playbook's `minConfidence` or below that of "no persona".
   */
  confidence: number;
  /** Each persona's share of the evidence, 0..1. */
  scores: Record<string, number>;
  evidence: PersonaEvidence[];
}

/**
 * Suggests a persona for `text` (an email thread or CRM notes) and the page's facts.
 * `model` is the playbook's trained model (see `trainPersonaModel`); without one, or with one
 * that does not fit the playbook, a model is trained and kept for this playbook object.
 */
export function suggestPersona(text: string, facts: Facts, playbook: Playbook, model?: PersonaModel): PersonaSuggestion {
  const m = modelFor(playbook, model);
  const score = scoreText(text, facts, playbook, m);
  const { raw, total, order, evidence, perSentence } = score;
  const P = m.personaIds.length;
  const probability = decide(m.decision, decisionFigures(score, P), P);
  let first = 0;
  for (let p = 1; p < P; p++) if ((probability[p] ?? 0) > (probability[first] ?? 0)) first = p;
  const top = raw[first] ?? 0;
  const mostPoints = order[0] === undefined ? 0 : (raw[order[0]] ?? 0);
  const confidence = round(top > 0 ? calibrate(m.calibration, probability[first] ?? 0) : 0);

  const scores: Record<string, number> = {};
  m.personaIds.forEach((id, p) => (scores[id] = round((raw[p] ?? 0) / (total + personaTuning.noneMass))));

  const { minConfidence, secondaryRatio } = playbook.personaSuggestion;
  const suggestion: PersonaSuggestion = { confidence, scores, evidence: [] };
  // The cut-off applies to the decision's probability before calibration (a probability among
  // the personas and "none"), and "none" must not be likelier: neutral texts stay unsuggested.
  if (top > 0 && (probability[first] ?? 0) >= minConfidence && (probability[first] ?? 0) >= (probability[P] ?? 0)) {
    suggestion.primary = m.personaIds[first];
    const second = order.find((p) => p !== first);
    const runnerUp = second === undefined ? 0 : (raw[second] ?? 0);
    if (second !== undefined && runnerUp >= personaTuning.minSecondaryPoints && runnerUp >= secondaryRatio * mostPoints) {
      suggestion.secondary = m.personaIds[second];
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
