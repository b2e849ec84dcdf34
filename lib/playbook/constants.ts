// Plain values of the playbook format, kept apart from the zod schema so the
// panel and the content script can use them without bundling zod.

/** The playbook format version this build reads. Older versions are migrated. */
export const SCHEMA_VERSION = 1;

/** Languages the default playbook and the UI are written for (the seeds' languages). */
export const LANGUAGES = ['en', 'pl', 'ru', 'ro', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Facts a content script reads off a page that rules may use. */
export const FACT_KEYS = [
  'employees',
  'annualRevenue',
  'country',
  'city',
  'industry',
  'type',
  'openDeals',
  'openAmount',
  'wonDeals',
  'wonAmount',
] as const;

/** When a tactic is done, in checklist order. */
export const WHEN = ['before', 'during', 'after'] as const;

/**
 * Size limits of a playbook, so neither a mistake nor a hostile file can make the panel slow
 * (issue 14). The largest real playbook (the default) uses 5 languages, 35 phrases per
 * language and points up to 4; these leave a team ample room.
 */
export const PLAYBOOK_LIMITS = {
  /** Language keys in one localised text or phrase list. */
  languages: 20,
  /** Example sentences per persona (and neutral examples) per language. */
  examplesPerLanguage: 200,
  /** Patterns of one persona signal per language. */
  patternsPerLanguage: 100,
  /** Every example and pattern of the playbook together: bounds the persona model's training. */
  phrases: 20_000,
  /** Points of an option and a segment's minimum, either sign. */
  points: 10_000,
  /** A number in a condition (`min`, `max`); revenues reach billions. */
  conditionNumber: 1e15,
} as const;
