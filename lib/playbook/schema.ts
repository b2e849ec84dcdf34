import { z } from 'zod';
import { FACT_KEYS, PLAYBOOK_LIMITS as LIMITS, SCHEMA_VERSION, WHEN } from './constants';

// zod 4 probes the Function constructor to decide whether to JIT; the extension CSP
// reports that as a violation. Turning it off costs nothing measurable here.
z.config({ jitless: true });

export { FACT_KEYS, LANGUAGES, PLAYBOOK_LIMITS, SCHEMA_VERSION, WHEN, type Language } from './constants';

const LanguageCode = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a language code such as "en" or "pt-BR"');

/** `{"en": "...", "pl": "..."}`: at least one language; readers fall back to the playbook's fallback language. */
const atMostLanguages = (record: object) => Object.keys(record).length <= LIMITS.languages;
const tooManyLanguages = `at most ${LIMITS.languages} languages`;

export const LocalText = z
  .record(LanguageCode, z.string().trim().min(1).max(2000))
  .refine((text) => Object.keys(text).length > 0, 'at least one language')
  .refine(atMostLanguages, tooManyLanguages);
export type LocalText = z.infer<typeof LocalText>;

/** Words or phrases per language, at most `perLanguage` of them. */
const phrasesOf = (perLanguage: number) =>
  z.record(LanguageCode, z.array(z.string().trim().min(1).max(300)).max(perLanguage)).refine(atMostLanguages, tooManyLanguages);
export const LocalPhrases = phrasesOf(LIMITS.examplesPerLanguage);
export type LocalPhrases = z.infer<typeof LocalPhrases>;
const LocalPatterns = phrasesOf(LIMITS.patternsPerLanguage);

const Points = z.number().min(-LIMITS.points).max(LIMITS.points);
const ConditionNumber = z.number().min(-LIMITS.conditionNumber).max(LIMITS.conditionNumber);

/**
 * Free text a rep reads as a label (the version): no control characters and no bidirectional
 * overrides or isolates, which can make "2026.11" display as something else.
 */
const PlainLine = z
  .string()
  .trim()
  .min(1)
  .refine((text) => !/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(text), {
    message: 'no control characters or bidirectional overrides',
  });

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'a lower-case id: letters, digits, "-" or "_", at most 60 characters');

export const FactKey = z.enum(FACT_KEYS);
export type FactKey = z.infer<typeof FactKey>;

/**
 * When a fact satisfies an option. Every given key must hold:
 * numbers by `min` (inclusive) and `max` (exclusive); text by `equals` (any of,
 * case-insensitive) or `contains` (any substring, case-insensitive).
 */
export const Condition = z
  .object({
    min: ConditionNumber.optional(),
    max: ConditionNumber.optional(),
    equals: z.array(z.string().min(1)).min(1).optional(),
    contains: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, 'at least one of min, max, equals, contains')
  .refine((c) => c.min === undefined || c.max === undefined || c.min < c.max, {
    message: '"min" must be below "max" (max is exclusive): no value could satisfy this',
    path: ['max'],
  });
export type Condition = z.infer<typeof Condition>;

export const CriterionOption = z
  .object({
    id: Id,
    label: LocalText,
    points: Points,
    /** Chosen automatically when the page's fact satisfies this. */
    when: Condition.optional(),
  })
  .strict();
export type CriterionOption = z.infer<typeof CriterionOption>;

/** A LiveSpace-style parameter: values with points, filled from a fact or by the rep. */
export const Criterion = z
  .object({
    id: Id,
    label: LocalText,
    /** The short question the panel asks when the fact is missing. */
    question: LocalText.optional(),
    /** Page fact that answers the criterion automatically. */
    fact: FactKey.optional(),
    /** Ask the rep when no fact answers it. */
    ask: z.boolean().default(true),
    options: z.array(CriterionOption).min(1).max(20),
  })
  .strict();
export type Criterion = z.infer<typeof Criterion>;

export const When = z.enum(WHEN);
export type When = z.infer<typeof When>;

export const Tactic = z
  .object({
    /** Stable across versions: a rep's ticks are stored under it. */
    id: Id,
    when: When,
    text: LocalText,
    /** Why it works, for new hires reading the cards. */
    why: LocalText.optional(),
  })
  .strict();
export type Tactic = z.infer<typeof Tactic>;

export const ServiceLevel = z
  .object({
    owner: LocalText,
    responseTime: LocalText,
    channel: LocalText,
    touch: z.enum(['high', 'medium', 'low']),
  })
  .strict();
export type ServiceLevel = z.infer<typeof ServiceLevel>;

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as "#1a7f37"');

export const Segment = z
  .object({
    id: Id,
    label: LocalText,
    description: LocalText.optional(),
    /** The segment applies from this many points up to the next segment's minimum. */
    minPoints: Points,
    colour: Colour.optional(),
    serviceLevel: ServiceLevel,
    tactics: z.array(Tactic).max(50).default([]),
  })
  .strict();
export type Segment = z.infer<typeof Segment>;

/**
 * Potential profit × share of wallet (KRAEMER). When the rep has answered both
 * axes, the matrix decides the segment; the points estimate it until then.
 */
export const SegmentMatrix = z
  .object({
    rows: Id,
    columns: Id,
    cells: z.array(z.object({ row: Id, column: Id, segment: Id }).strict()).min(1),
  })
  .strict();
export type SegmentMatrix = z.infer<typeof SegmentMatrix>;

export const Segmentation = z
  .object({
    criteria: z.array(Criterion).max(40),
    segments: z.array(Segment).min(1).max(10),
    matrix: SegmentMatrix.optional(),
    /**
     * Whether a rep may pin an account to another segment than the score gives: `reason`
     * (the default) with a written reason, `free` without one, `forbidden` not at all.
     */
    pinning: z.enum(['reason', 'free', 'forbidden']).optional(),
  })
  .strict();
export type Segmentation = z.infer<typeof Segmentation>;

export const PersonaSignal = z
  .object({
    id: Id,
    label: LocalText,
    /** How strongly this signal points to the persona (negative points away). */
    weight: z.number().min(-5).max(5),
    /** Words or phrases, case-insensitive; a trailing `*` matches any ending (inflected languages). */
    patterns: LocalPatterns.optional(),
    /** A page fact that points to the persona. */
    fact: z.object({ key: FactKey, when: Condition }).strict().optional(),
  })
  .strict()
  .refine((s) => s.patterns !== undefined || s.fact !== undefined, 'patterns or fact');
export type PersonaSignal = z.infer<typeof PersonaSignal>;

export const Persona = z
  .object({
    id: Id,
    label: LocalText,
    /** One line: who they are. */
    summary: LocalText,
    /** How to recognise them, as short bullet points. */
    traits: z.array(LocalText).max(20).default([]),
    signals: z.array(PersonaSignal).max(60).default([]),
    /** How buyers of this persona really write, to train the local classifier. */
    examples: LocalPhrases.default({}),
    tactics: z.array(Tactic).max(50).default([]),
    avoid: z.array(LocalText).max(20).default([]),
    colour: Colour.optional(),
  })
  .strict();
export type Persona = z.infer<typeof Persona>;

export const PersonaSuggestion = z
  .object({
    /** Phrases that carry no persona (logistics, invoices): the classifier's "none" class. */
    neutralExamples: LocalPhrases.default({}),
    /** Below this confidence the panel makes no suggestion. */
    minConfidence: z.number().min(0).max(1).default(0.35),
    /** A second persona is shown when its score reaches this share of the first. */
    secondaryRatio: z.number().min(0).max(1).default(0.5),
  })
  .strict();
export type PersonaSuggestion = z.infer<typeof PersonaSuggestion>;

export const ScenarioKind = z.enum(['persona', 'segment', 'tactic']);
export type ScenarioKind = z.infer<typeof ScenarioKind>;

/**
 * A quiz scenario for Learn. Three kinds, told apart by `kind`: absent means `persona`, so
 * playbooks written before the other kinds stay valid, unchanged (no default is spelled out):
 * - `persona`: a buyer's email or call note → `persona` (and maybe `secondary`);
 * - `segment`: an account's facts → `segment`; `answers` (criterion id → option id) are the
 *   rules that give it, shown after the answer;
 * - `tactic`: a situation → the right next `tactic` (a tactic id), among `choices` (other tactic ids).
 */
export const Scenario = z
  .object({
    id: Id,
    kind: ScenarioKind.optional(),
    text: LocalText,
    persona: Id.optional(),
    secondary: Id.optional(),
    segment: Id.optional(),
    answers: z.record(Id, Id).optional(),
    tactic: Id.optional(),
    choices: z.array(Id).min(1).max(3).optional(),
    why: LocalText,
  })
  .strict()
  .superRefine((s, ctx) => {
    const kind = s.kind ?? 'persona';
    const need = (key: 'persona' | 'segment' | 'tactic') => {
      if (s[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `a ${kind} scenario names its ${key}` });
    };
    if (kind === 'persona') need('persona');
    if (kind === 'segment') need('segment');
    if (kind === 'tactic') {
      need('tactic');
      if (!s.choices) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'a tactic scenario lists the other tactics to choose from' });
    }
  });
export type Scenario = z.infer<typeof Scenario>;

const PlaybookObject = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: Id,
    /** The content's version, shown to reps ("Playbook updated to 2026.11-2"). */
    version: PlainLine.max(40),
    name: LocalText,
    fallbackLanguage: LanguageCode.default('en'),
    segmentation: Segmentation,
    personas: z.array(Persona).min(1).max(12),
    personaSuggestion: PersonaSuggestion.default({ neutralExamples: {}, minConfidence: 0.35, secondaryRatio: 0.5 }),
    learning: z
      .object({ scenarios: z.array(Scenario).max(200).default([]) })
      .strict()
      .default({ scenarios: [] }),
  })
  .strict();

export const PlaybookSchema = PlaybookObject.superRefine(checkReferences);

export type Playbook = z.output<typeof PlaybookSchema>;
export type PlaybookInput = z.input<typeof PlaybookSchema>;

function checkReferences(pb: z.output<typeof PlaybookObject>, ctx: z.RefinementCtx): void {
  const duplicate = (ids: string[], path: (index: number) => (string | number)[], what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: path(index), message: `duplicate ${what} id "${id}"` });
      seen.add(id);
    });
  };
  const { criteria, segments, matrix } = pb.segmentation;
  duplicate(criteria.map((c) => c.id), (i) => ['segmentation', 'criteria', i, 'id'], 'criterion');
  duplicate(segments.map((s) => s.id), (i) => ['segmentation', 'segments', i, 'id'], 'segment');
  duplicate(pb.personas.map((p) => p.id), (i) => ['personas', i, 'id'], 'persona');
  criteria.forEach((c, ci) =>
    duplicate(c.options.map((o) => o.id), (i) => ['segmentation', 'criteria', ci, 'options', i, 'id'], 'option'),
  );

  // A rep's ticks are keyed by tactic id, so ids are unique across the whole playbook.
  const tacticPaths: { id: string; path: (string | number)[] }[] = [];
  segments.forEach((s, si) =>
    s.tactics.forEach((t, ti) => tacticPaths.push({ id: t.id, path: ['segmentation', 'segments', si, 'tactics', ti, 'id'] })),
  );
  pb.personas.forEach((p, pi) =>
    p.tactics.forEach((t, ti) => tacticPaths.push({ id: t.id, path: ['personas', pi, 'tactics', ti, 'id'] })),
  );
  const seenTactics = new Set<string>();
  for (const { id, path } of tacticPaths) {
    if (seenTactics.has(id)) ctx.addIssue({ code: 'custom', path, message: `duplicate tactic id "${id}"` });
    seenTactics.add(id);
  }

  if (matrix) {
    const criterion = (id: string) => criteria.find((c) => c.id === id);
    const rows = criterion(matrix.rows);
    const columns = criterion(matrix.columns);
    if (!rows) ctx.addIssue({ code: 'custom', path: ['segmentation', 'matrix', 'rows'], message: `no criterion "${matrix.rows}"` });
    if (!columns)
      ctx.addIssue({ code: 'custom', path: ['segmentation', 'matrix', 'columns'], message: `no criterion "${matrix.columns}"` });
    const cellsSeen = new Map<string, number>();
    matrix.cells.forEach((cell, i) => {
      const at = (key: string) => ['segmentation', 'matrix', 'cells', i, key];
      const place = JSON.stringify([cell.row, cell.column]);
      const first = cellsSeen.get(place);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['segmentation', 'matrix', 'cells', i],
          message: `a second cell for row "${cell.row}", column "${cell.column}" (the first is cells[${first}])`,
        });
      else cellsSeen.set(place, i);
      if (rows && !rows.options.some((o) => o.id === cell.row))
        ctx.addIssue({ code: 'custom', path: at('row'), message: `criterion "${rows.id}" has no option "${cell.row}"` });
      if (columns && !columns.options.some((o) => o.id === cell.column))
        ctx.addIssue({ code: 'custom', path: at('column'), message: `criterion "${columns.id}" has no option "${cell.column}"` });
      if (!segments.some((s) => s.id === cell.segment))
        ctx.addIssue({ code: 'custom', path: at('segment'), message: `no segment "${cell.segment}"` });
    });
  }

  // Training reads every phrase once; bound the total so no file makes the panel slow.
  const phraseCount = (phrases: Record<string, string[]> | undefined) =>
    Object.values(phrases ?? {}).reduce((n, list) => n + list.length, 0);
  const phrases =
    phraseCount(pb.personaSuggestion.neutralExamples) +
    pb.personas.reduce((n, p) => n + phraseCount(p.examples) + p.signals.reduce((m, s) => m + phraseCount(s.patterns), 0), 0);
  if (phrases > LIMITS.phrases)
    ctx.addIssue({
      code: 'custom',
      path: ['personas'],
      message: `${phrases} example and pattern phrases in all; the limit is ${LIMITS.phrases}`,
    });

  const personaIds = new Set(pb.personas.map((p) => p.id));
  const segmentIds = new Set(segments.map((s) => s.id));
  pb.learning.scenarios.forEach((s, i) => {
    const at = (...rest: (string | number)[]) => ['learning', 'scenarios', i, ...rest];
    if (s.persona !== undefined && !personaIds.has(s.persona))
      ctx.addIssue({ code: 'custom', path: at('persona'), message: `no persona "${s.persona}"` });
    if (s.secondary !== undefined && !personaIds.has(s.secondary))
      ctx.addIssue({ code: 'custom', path: at('secondary'), message: `no persona "${s.secondary}"` });
    if (s.segment !== undefined && !segmentIds.has(s.segment))
      ctx.addIssue({ code: 'custom', path: at('segment'), message: `no segment "${s.segment}"` });
    for (const [criterionId, optionId] of Object.entries(s.answers ?? {})) {
      const criterion = criteria.find((c) => c.id === criterionId);
      if (!criterion) ctx.addIssue({ code: 'custom', path: at('answers', criterionId), message: `no criterion "${criterionId}"` });
      else if (!criterion.options.some((o) => o.id === optionId))
        ctx.addIssue({ code: 'custom', path: at('answers', criterionId), message: `criterion "${criterionId}" has no option "${optionId}"` });
    }
    for (const [key, id] of [['tactic', s.tactic], ...(s.choices ?? []).map((c, ci) => [ci, c] as const)] as const) {
      if (id !== undefined && !seenTactics.has(id))
        ctx.addIssue({ code: 'custom', path: key === 'tactic' ? at('tactic') : at('choices', key), message: `no tactic "${id}"` });
    }
  });
}

export interface PlaybookError {
  /** JSON path such as `personas[2].tactics[0].when`, or `(root)`. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; playbook: Playbook } | { ok: false; errors: PlaybookError[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/** Validates any JSON value as a playbook; errors name the JSON path and what was expected. */
export function parsePlaybook(json: unknown): ParseResult {
  const result = PlaybookSchema.safeParse(json);
  if (result.success) return { ok: true, playbook: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  };
}
