// Evidence: the words of the text behind a suggestion, as data. The panel words it in the
// rep's language ("writes like: …"), so nothing here is a sentence.
import type { LocalText } from '../../playbook/schema';
import { featureOf } from './features';
import type { Classifier, SentenceReading } from './classifier';
import { forEachGram, paddedCodes } from './text';
import { EXAMPLE_QUOTE_MAX, EXCERPT_CONTEXT, EXCERPT_MAX } from './tuning';

interface EvidenceBase {
  personaId: string;
  /** The words from the text (≤ 120 characters, a verbatim slice of it) or the fact's value. */
  excerpt: string;
  weight: number;
}

/** A playbook signal found in the text (`signal`) or satisfied by a page fact (`fact`). */
export interface SignalEvidence extends EvidenceBase {
  kind: 'signal' | 'fact';
  signalId: string;
  /** The signal's label from the playbook, in every language it has. */
  signalLabel: LocalText;
}

/** The classifier read a sentence as this persona. */
export interface ClassifierEvidence extends EvidenceBase {
  kind: 'classifier';
  signalId?: never;
  /** The persona's training example nearest to the sentence (≤ 70 characters, "…" when cut), if one shares its words. */
  example?: string;
}

export type PersonaEvidence = SignalEvidence | ClassifierEvidence;

export function excerptAround(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  if (to - from > EXCERPT_MAX) to = from + EXCERPT_MAX;
  // Some context on both sides of the match, within the cap.
  const room = Math.min(EXCERPT_MAX - (to - from), 2 * EXCERPT_CONTEXT);
  from = Math.max(0, from - Math.floor(room / 2));
  to = Math.min(text.length, to + (room - (start - from)));
  // Do not cut words in half at the edges, and do not run across lines.
  const line = text.slice(from, to);
  const firstBreak = line.lastIndexOf('\n', start - from);
  if (firstBreak >= 0) from += firstBreak + 1;
  const lastBreak = text.slice(end, to).indexOf('\n');
  if (lastBreak >= 0) to = end + lastBreak;
  while (from > 0 && from < start && /[\p{L}\p{N}]/u.test(text[from - 1] ?? '')) from++;
  while (to < text.length && to > end && /[\p{L}\p{N}]/u.test(text[to] ?? '')) to--;
  return text.slice(from, to).trim();
}

export function shorten(text: string, max = EXAMPLE_QUOTE_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The span of the words that most separate `persona` from the other classes in a sentence. */
export function classifierExcerpt(
  classifier: Classifier,
  text: string,
  reading: SentenceReading,
  persona: number,
): { excerpt: string; grams: Set<number> } {
  const C = classifier.classes.length;
  const tokens = reading.sentence.tokens;
  const tokenScore = new Float64Array(tokens.length);
  const grams = new Set<number>();
  const { codes, owner } = paddedCodes(tokens.map((t) => t.norm));
  const seen = new Set<number>();
  forEachGram(codes, (hash, startAt, length) => {
    const f = featureOf(classifier.features, hash);
    if (f < 0 || seen.has(f)) return;
    seen.add(f);
    const from = owner[startAt] ?? 0;
    const to = owner[startAt + length - 1] ?? from;
    const base = f * C;
    const own = classifier.logp[base + persona] ?? 0;
    let other = -Infinity;
    for (let c = 0; c < C; c++) if (c !== persona) other = Math.max(other, classifier.logp[base + c] ?? 0);
    const lift = own - other;
    if (lift <= 0) return;
    grams.add(f);
    for (let t = from; t <= to; t++) tokenScore[t]! += lift / (to - from + 1);
  });
  // The best window of up to four consecutive words.
  let bestStart = 0;
  let bestEnd = 0;
  let bestScore = -Infinity;
  for (let i = 0; i < tokens.length; i++) {
    let score = 0;
    for (let j = i; j < Math.min(tokens.length, i + 4); j++) {
      score += tokenScore[j] ?? 0;
      const span = (tokens[j]?.end ?? 0) - (tokens[i]?.start ?? 0);
      if (span > EXCERPT_MAX) break;
      if (score > bestScore) {
        bestScore = score;
        bestStart = i;
        bestEnd = j;
      }
    }
  }
  const start = tokens[bestStart]?.start ?? 0;
  const end = tokens[bestEnd]?.end ?? start;
  return { excerpt: text.slice(start, end), grams };
}

/** The persona's training example sharing most of `grams`, if any shares one. */
export function nearestExample(classifier: Classifier, persona: number, grams: Set<number>): string | undefined {
  let best: string | undefined;
  let bestScore = 0;
  const mark = new Uint8Array(classifier.features.size);
  for (const f of grams) mark[f] = 1;
  for (const example of classifier.examples[persona] ?? []) {
    let shared = 0;
    for (const f of example.features) shared += mark[f] ?? 0;
    const score = shared / Math.sqrt(example.features.length + 1);
    if (score > bestScore) {
      bestScore = score;
      best = example.text;
    }
  }
  return best;
}
