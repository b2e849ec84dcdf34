import type { Condition } from '../playbook/schema';
import { foldCase } from './fold';

/**
 * Whether a page fact satisfies a playbook condition. Every key the condition
 * gives must hold:
 * - `min` (inclusive) and `max` (exclusive) compare numbers; a numeric string
 *   such as `"250"` or `" 1e6 "` counts as its number, any other text fails them;
 * - `equals` holds when the value equals any entry, case-insensitively and
 *   ignoring surrounding whitespace on both sides;
 * - `contains` holds when the value contains any entry, case-insensitively
 *   (entries are not trimmed, so `" ag"` can mean "a word starting with ag").
 *
 * A missing value (`undefined`, a blank string, `NaN`) never matches.
 * Never throws.
 */
export function matchesCondition(value: number | string | undefined, condition: Condition): boolean {
  if (!hasValue(value)) return false;
  if (condition.min !== undefined || condition.max !== undefined) {
    const number = toNumber(value);
    if (number === undefined) return false;
    if (condition.min !== undefined && !(number >= condition.min)) return false;
    if (condition.max !== undefined && !(number < condition.max)) return false;
  }
  if (condition.equals !== undefined || condition.contains !== undefined) {
    const text = foldCase(String(value));
    if (condition.equals !== undefined && !condition.equals.some((entry) => foldCase(entry).trim() === text.trim())) return false;
    if (condition.contains !== undefined && !condition.contains.some((entry) => entry !== '' && text.includes(foldCase(entry))))
      return false;
  }
  return true;
}

/** A fact counts as present unless it is undefined, null, a blank string or a non-finite number. */
export function hasValue(value: unknown): value is number | string {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.trim() !== '';
  return false;
}

function toNumber(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : undefined;
}
