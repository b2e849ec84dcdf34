// The schema's errors keyed by JSON path, so each message sits next to its field, and the raw
// JSON view's parsing. No zod here: the check itself is check-draft.ts, loaded on demand.
import type { Playbook, PlaybookError } from '../playbook/schema';
import type { Json } from './draft';

export interface DraftCheck {
  /** The parsed playbook (defaults filled in), when the draft is valid. */
  playbook?: Playbook;
  errors: PlaybookError[];
}

/**
 * The errors that belong to the field at `path`: at it or inside it (`label` holds
 * `label.en`'s error). With `exact`, only errors at the path itself, for a list whose
 * items show their own.
 */
export function errorsAt(errors: readonly PlaybookError[], path: string, exact = false): PlaybookError[] {
  return errors.filter((e) => e.path === path || (!exact && (e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`))));
}

export type JsonSyntax = { ok: true; value: Json } | { ok: false; message: string };

/** The raw JSON view's text as JSON; the parser's message when it is not. */
export function parseJsonText(text: string): JsonSyntax {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as Json };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
