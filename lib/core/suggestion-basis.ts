import type { Facts } from './facts';
import { PERSONA_MODEL_FORMAT } from './persona/format';

/**
 * A short fingerprint of what a persona suggestion reads: the text and the facts. A suggestion
 * worked out in the background is stored with it and reused only while the account's snapshot
 * has the same basis, so a re-read with new notes is never shown an old suggestion.
 *
 * Two FNV-1a 32-bit hashes with different offsets, plus the length: a fingerprint, not a
 * security boundary (a collision would only reuse a suggestion). Hashing 50 KB takes well under
 * a millisecond, against tens for a suggestion. The model's format is part of it: a suggestion
 * stored by an earlier model (an extension update) is worked out again.
 */
export function suggestionBasis(text: string, facts: Facts): string {
  const keys = Object.keys(facts).sort() as (keyof Facts)[];
  let source = `${PERSONA_MODEL_FORMAT}\u0000${text}\u0000`;
  for (const key of keys) source += `${key}=${String(facts[key])}\u0001`;
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 13);
  }
  return `${source.length.toString(36)}.${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}
