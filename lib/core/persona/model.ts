// The model trained from a playbook: the classifier plus the compiled signals. Plain data
// (arrays, typed arrays, plain objects), so the background can train it once when a playbook
// is installed, store it in IndexedDB beside the playbook, and the panel can use it as loaded.
import type { Playbook } from '../../playbook/schema';
import { learnCalibration, type Calibration } from './calibration';
import { trainClassifierWithFolds, type Classifier } from './classifier';
import type { Decision } from './decision';
import { compileSignals, type CompiledSignals } from './signals';

import { PERSONA_MODEL_FORMAT } from './format';

export { PERSONA_MODEL_FORMAT };

export interface PersonaModel extends Classifier, CompiledSignals {
  format: typeof PERSONA_MODEL_FORMAT;
  /** The playbook's persona ids, in its order: the classifier's classes and signals refer to them by index. */
  personaIds: string[];
  /** Raw confidence → calibrated confidence, learned by cross-validation over the playbook's examples (calibration.ts). Format 3. */
  calibration: Calibration;
  /** The second stage: persona or none, and which, from the whole text's figures (decision.ts). Format 4. */
  decision: Decision;
}

/**
 * Trains the persona model for `playbook`: the classifier on all examples, then its calibration
 * by five-fold cross-validation over the same examples (a few hundred milliseconds in all for
 * the default playbook, `scripts/measure-persona-model.ts`).
 */
export function trainPersonaModel(playbook: Playbook): PersonaModel {
  const { classifier, texts, foldWeights } = trainClassifierWithFolds(playbook);
  const uncalibrated = { personaIds: playbook.personas.map((p) => p.id), ...classifier, ...compileSignals(playbook) };
  return { format: PERSONA_MODEL_FORMAT, ...uncalibrated, ...learnCalibration(playbook, uncalibrated, texts, foldWeights) };
}

/** Whether a (stored) model can serve `playbook`: the current format, and the same personas in the same order. */
export function modelFits(model: PersonaModel, playbook: Playbook): boolean {
  return (
    model.format === PERSONA_MODEL_FORMAT &&
    model.personaIds.length === playbook.personas.length &&
    playbook.personas.every((p, i) => model.personaIds[i] === p.id)
  );
}

const trained = new WeakMap<Playbook, PersonaModel>();

/** The given model when it fits the playbook; otherwise one trained for this playbook object (once). */
export function modelFor(playbook: Playbook, given?: PersonaModel): PersonaModel {
  if (given && modelFits(given, playbook)) return given;
  let model = trained.get(playbook);
  if (!model) {
    model = trainPersonaModel(playbook);
    trained.set(playbook, model);
  }
  return model;
}
