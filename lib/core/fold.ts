/**
 * Text folding shared by the rules that compare words. Two strengths, because the callers
 * need different things:
 * - `foldCase` for playbook conditions: "ŁÓDŹ" equals "Łódź", but "Lodz" does not, since a
 *   condition compares a CRM's field value with what a lead typed, both usually spelled right;
 * - `foldAccents` for persona phrases in free text: buyers often skip diacritics ("experienta"
 *   for "experiență"), so accents are dropped too.
 */

/** Lower case, NFC: a precomposed "ł" equals a decomposed one. */
export function foldCase(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Lower case with accents stripped (ł → l, ß → ss, ё → е), for matching words in what people write. */
export function foldAccents(word: string): string {
  const lower = word.toLowerCase();
  // Fast path for plain ASCII, the common case.
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/ß/g, 'ss');
}
