import { describe, expect, test } from 'vitest';
import { matchesCondition } from '../../lib/core/condition';
import { foldAccents, foldCase } from '../../lib/core/fold';
import { Condition } from '../../lib/playbook/schema';

describe('matchesCondition', () => {
  test.each<[string, number | string | undefined, Condition, boolean]>([
    // numbers: min inclusive, max exclusive
    ['at min', 50, { min: 50, max: 1000 }, true],
    ['just below min', 49, { min: 50, max: 1000 }, false],
    ['just below max', 999, { min: 50, max: 1000 }, true],
    ['at max (exclusive)', 1000, { min: 50, max: 1000 }, false],
    ['min only, far above', 1_000_000, { min: 1000 }, true],
    ['max only, zero', 0, { max: 50 }, true],
    ['negative against max', -3, { max: 0 }, true],
    ['fractional at min', 0.5, { min: 0.5 }, true],
    // numeric strings compare as numbers, not as text
    ['numeric string in band', '250', { min: 50, max: 1000 }, true],
    ['numeric string, lexically larger', '9', { min: 50 }, false],
    ['numeric string with spaces', ' 1000 ', { min: 1000 }, true],
    ['numeric string at max', '1000', { max: 1000 }, false],
    ['exponent string', '1e6', { min: 1_000_000 }, true],
    ['non-numeric text against min', 'lots', { min: 1 }, false],
    ['text with a number inside against min', '250 people', { min: 1 }, false],
    // text: equals any-of, case-insensitive, trimmed
    ['equals, other case', 'manufacturing', { equals: ['Manufacturing', 'Logistics'] }, true],
    ['equals, second entry', 'LOGISTICS', { equals: ['Manufacturing', 'Logistics'] }, true],
    ['equals, surrounding spaces', '  Logistics ', { equals: ['Logistics'] }, true],
    ['equals, entry with spaces', 'Logistics', { equals: [' logistics '] }, true],
    ['equals is not contains', 'Logistics services', { equals: ['Logistics'] }, false],
    ['equals, Polish diacritics case', 'ŁÓDŹ', { equals: ['Łódź'] }, true],
    ['equals, decomposed "ó" equals precomposed', 'Ło\u0301dz\u0301', { equals: ['Łódź'] }, true],
    ['equals, accents still count in a condition', 'Lodz', { equals: ['Łódź'] }, false],
    ['equals, number value', 250, { equals: ['250'] }, true],
    // text: contains any substring, case-insensitive
    ['contains, substring', 'Enterprise Software Ltd', { contains: ['software', 'saas'] }, true],
    ['contains, second entry', 'B2B SaaS', { contains: ['software', 'saas'] }, true],
    ['contains, no entry inside', 'Retail', { contains: ['software', 'saas'] }, false],
    // every given key must hold
    ['min and equals, both hold', '500', { min: 100, equals: ['500'] }, true],
    ['min and equals, min fails', '50', { min: 100, equals: ['50'] }, false],
    ['equals and contains, contains fails', 'Software', { equals: ['Software'], contains: ['saas'] }, false],
    // missing values never match
    ['undefined against max', undefined, { max: 50 }, false],
    ['undefined against equals', undefined, { equals: ['x'] }, false],
    ['blank string against max', '   ', { max: 50 }, false],
    ['empty string against contains', '', { contains: ['a'] }, false],
    ['NaN against max', Number.NaN, { max: 50 }, false],
    ['Infinity against min', Number.POSITIVE_INFINITY, { min: 0 }, false],
  ])('%s: %j', (_name, value, condition, expected) => {
    expect(Condition.safeParse(condition).success).toBe(true);
    expect(matchesCondition(value, condition)).toBe(expected);
  });
});

describe('fold', () => {
  test.each([
    ['Łódź', 'łódź', 'lodz'],
    ['EXPERIENȚĂ', 'experiență', 'experienta'],
    ['Straße', 'straße', 'strasse'],
    ['Ёлка', 'ёлка', 'елка'],
    ['Plain', 'plain', 'plain'],
  ])('%s: case-folded %s, accent-folded %s', (word, cased, accentless) => {
    expect(foldCase(word)).toBe(cased);
    expect(foldAccents(word)).toBe(accentless);
  });
});
