// How well the draft's persona model recognises its own material: each persona's examples,
// classified by a model trained without them (k-fold cross-validation, per language), and the
// learning scenarios, classified by the whole draft. When two personas' examples blur, the
// confusion matrix shows it before a rep does.
import { suggestPersona } from '../core/persona';
import type { Playbook } from '../playbook/schema';

/** The column for "no persona suggested". */
export const NONE = '(none)';

export interface LanguageScore {
  language: string;
  correct: number;
  total: number;
}

export interface RecognitionQuality {
  /** Cross-validated accuracy on the examples, per language, in the draft's order of languages. */
  examples: LanguageScore[];
  /** Rows: the true persona; columns: the suggestion (persona ids, then NONE). counts[row][column]. */
  confusion: { personas: string[]; columns: string[]; counts: number[][] };
  /** Scenarios (learning quiz) per language, classified by the whole draft. */
  scenarios: LanguageScore[];
}

interface Item {
  persona: string;
  language: string;
  text: string;
  fold: number;
}

function examplesOf(playbook: Playbook, folds: number): Item[] {
  const items: Item[] = [];
  for (const persona of playbook.personas)
    for (const [language, texts] of Object.entries(persona.examples))
      texts.forEach((text, i) => items.push({ persona: persona.id, language, text, fold: i % folds }));
  return items;
}

/** The draft without the examples of one fold: what the held-out examples are classified with. */
function withoutFold(playbook: Playbook, fold: number, folds: number): Playbook {
  return {
    ...playbook,
    personas: playbook.personas.map((persona) => ({
      ...persona,
      examples: Object.fromEntries(Object.entries(persona.examples).map(([language, texts]) => [language, texts.filter((_, i) => i % folds !== fold)])),
    })),
  };
}

function score(scores: Map<string, LanguageScore>, language: string, correct: boolean): void {
  const entry = scores.get(language) ?? { language, correct: 0, total: 0 };
  entry.total++;
  if (correct) entry.correct++;
  scores.set(language, entry);
}

export interface QualityOptions {
  folds?: number;
  /** Between folds: gives the page back to the browser. */
  yieldNow?: () => Promise<void>;
  cancelled?: () => boolean;
}

/** Undefined when cancelled by a newer edit. */
export async function recognitionQuality(playbook: Playbook, options: QualityOptions = {}): Promise<RecognitionQuality | undefined> {
  const { folds = 5, yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0)), cancelled = () => false } = options;
  const personas = playbook.personas.map((p) => p.id);
  const columns = [...personas, NONE];
  const counts = personas.map(() => columns.map(() => 0));
  const examples = new Map<string, LanguageScore>();
  const items = examplesOf(playbook, folds);
  for (let fold = 0; fold < folds; fold++) {
    const held = items.filter((item) => item.fold === fold);
    if (!held.length) continue;
    await yieldNow();
    if (cancelled()) return undefined;
    const model = withoutFold(playbook, fold, folds);
    for (const item of held) {
      const suggested = suggestPersona(item.text, {}, model).primary ?? NONE;
      score(examples, item.language, suggested === item.persona);
      counts[personas.indexOf(item.persona)]![columns.indexOf(suggested)]!++;
    }
  }
  await yieldNow();
  if (cancelled()) return undefined;
  const scenarios = new Map<string, LanguageScore>();
  // Segment and tactic scenarios name no persona: only persona scenarios test recognition.
  for (const scenario of playbook.learning.scenarios.filter((s) => (s.kind ?? 'persona') === 'persona'))
    for (const [language, text] of Object.entries(scenario.text))
      score(scenarios, language, suggestPersona(text, {}, playbook).primary === scenario.persona);
  return { examples: [...examples.values()], confusion: { personas, columns, counts }, scenarios: [...scenarios.values()] };
}
