/**
 * The labelled buyer texts the persona suggestion is measured on: the project's own corpus
 * (one JSON file per language, see README.md here) and the independent set in
 * test/persona-eval/. Evaluation only: nothing here may feed a playbook's examples or signals.
 */
import { z } from 'zod';
import en from './en.json';
import pl from './pl.json';
import ru from './ru.json';
import ro from './ro.json';
import it from './it.json';
import independent from '../persona-eval/independent-66.json';

export const CORPUS_LANGUAGES = ['en', 'pl', 'ru', 'ro', 'it'] as const;
export type CorpusLanguage = (typeof CORPUS_LANGUAGES)[number];
/** The label for a text with no buying behaviour (logistics, invoices, scheduling, auto-replies, newsletters). */
export const NEUTRAL = 'none';
export type Split = 'dev' | 'test';

const CorpusItemSchema = z
  .object({
    id: z.string().regex(/^(en|pl|ru|ro|it)-\d{3}$/),
    lang: z.enum(CORPUS_LANGUAGES),
    kind: z.enum(['email', 'note']),
    persona: z.string().min(1),
    secondary: z.string().min(1).optional(),
    split: z.enum(['dev', 'test']),
    text: z.string().min(20),
  })
  .strict()
  .refine((item) => item.secondary !== item.persona, 'secondary must differ from persona')
  .refine((item) => item.persona !== NEUTRAL || item.secondary === undefined, 'a neutral text has no secondary')
  .refine((item) => item.id.startsWith(`${item.lang}-`), 'id must start with the language');
export type CorpusItem = z.infer<typeof CorpusItemSchema>;

const IndependentItemSchema = z
  .object({
    id: z.string().min(1),
    lang: z.string().min(2),
    primary: z.string().min(1).nullable(),
    secondary: z.string().min(1).nullable(),
    text: z.string().min(1),
  })
  .strict();

/** One labelled text, whichever set it comes from. */
export interface EvalCase {
  id: string;
  lang: string;
  text: string;
  /** A persona id, or `none`. */
  persona: string;
  secondary?: string;
}

const files: Record<CorpusLanguage, unknown> = { en, pl, ru, ro, it };

/** The corpus file of one language, parsed; throws with the item and path on a malformed entry. */
export function corpusFile(lang: CorpusLanguage): CorpusItem[] {
  return z.array(CorpusItemSchema).parse(files[lang]);
}

export function loadCorpus(): CorpusItem[] {
  return CORPUS_LANGUAGES.flatMap(corpusFile);
}

export function corpusCases(split: Split): EvalCase[] {
  return loadCorpus()
    .filter((item) => item.split === split)
    .map(({ id, lang, text, persona, secondary }) => ({ id, lang, text, persona, ...(secondary ? { secondary } : {}) }));
}

/** The independent set: `primary: null` is a neutral text. */
export function independentCases(): EvalCase[] {
  return z
    .array(IndependentItemSchema)
    .parse(independent)
    .map(({ id, lang, text, primary, secondary }) => ({
      id,
      lang,
      text,
      persona: primary ?? NEUTRAL,
      ...(secondary ? { secondary } : {}),
    }));
}
