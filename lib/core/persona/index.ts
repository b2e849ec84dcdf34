/**
 * Suggests a behavioural persona (expert, fast, novice, burned, …) for the text of an email
 * thread or CRM notes plus the page's facts. Pure: no DOM, no browser API, no storage.
 *
 * Two sources of evidence are combined:
 *  1. the playbook's weighted signals (signals.ts): phrases per language (case- and
 *     accent-insensitive, Unicode word boundaries, a trailing `*` matches any ending) and fact
 *     conditions, judged like segment criteria (lib/core/condition.ts);
 *  2. a small multinomial naive Bayes classifier over character 3–5-grams (classifier.ts),
 *     trained on the personas' `examples` with `personaSuggestion.neutralExamples` as a "none"
 *     class. `trainPersonaModel` (model.ts) trains it once per playbook, as plain data.
 *
 * The text is classified sentence by sentence (suggest.ts), so greetings, signatures and
 * logistics in a long thread count as "none" instead of diluting (or faking) a persona. A
 * signal found in a sentence the classifier reads as logistics counts for less, and one
 * sentence can add at most `sentenceCap` points, so the persona present across the text wins
 * over one keyword-packed sentence. A second stage (decision.ts, model format 4) reads figures
 * of the whole scored text and gives each persona and "no persona" a probability, learned by
 * cross-validation over the playbook's examples; the shown persona is the likeliest, and its
 * probability, calibrated (calibration.ts), is the confidence shown. The rep's override is not this module's business: it only
 * suggests, with a confidence and the evidence behind it (evidence.ts, as data).
 */
export { suggestPersona, type PersonaSuggestion } from './suggest';
export { trainPersonaModel, modelFits, PERSONA_MODEL_FORMAT, type PersonaModel } from './model';
export type { PersonaEvidence, SignalEvidence, ClassifierEvidence } from './evidence';
