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
