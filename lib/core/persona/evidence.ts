// Evidence: the words of the text behind a suggestion, as data. The panel words it in the
// rep's language ("writes like: …"), so nothing here is a sentence.
import type { LocalText } from '../../playbook/schema';
import { featureOf } from './features';
import type { Classifier, SentenceReading } from './classifier';
import { forEachFeature, paddedCodes, tokenize } from './text';
import { EXAMPLE_QUOTE_MAX, EXCERPT_CONTEXT, EXCERPT_MAX, personaTuning } from './tuning';

interface EvidenceBase {
  personaId: string;
  /**
   * The whole sentence from the text (a verbatim slice of it, see `sentenceAround`) or the
   * fact's value. A sentence longer than `QUOTE_MAX` is cut at clause boundaries, marked "…".
   */
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

/** The longest quote: two lines of the panel's evidence list. Longer sentences are cut at a clause, with "…". */
export const QUOTE_MAX = 240;

/**
 * Where a sentence ends for a reader: a full stop, question or exclamation mark (with any
 * closing quote or bracket) before a space and a capital (or the end), or a line break.
 * "3.5" and "(ok. 250 osób" do not end one.
 */
const SENTENCE_END = /[.!?…]+["'”’»)\]]*(?=\s*$|\s+(?![\p{Ll}\p{N}]))|[\n\r]/gu;
/** Where a long sentence may be cut without breaking a thought: after a comma, semicolon, colon or dash. */
const CLAUSE_BREAK = /[,;:–—]/u;

/**
 * The sentence of `text` that holds the words from `start` to `end`, whole: from the previous
 * sentence's end (or line break) to its own end mark and closing quote. Quoting mid-sentence
 * cuts makes a buyer say what they did not ("penalty clauses if we"); a sentence longer than
 * `max` keeps the clauses around the words, marked "…" where cut.
 */
export function sentenceAround(text: string, start: number, end: number, max = QUOTE_MAX): string {
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(SENTENCE_END)) {
    const after = match.index + match[0].length;
    if (after <= start) from = after;
    else if (after >= end) {
      // A line break is not part of the sentence; an end mark is.
      to = match[0] === '\n' || match[0] === '\r' ? match.index : after;
      break;
    }
  }
  const sentence = text.slice(from, to);
  const lead = sentence.length - sentence.trimStart().length;
  const whole = sentence.trim();
  if (whole.length <= max) return whole;
  return clauseWindow(whole, start - from - lead, end - from - lead, max);
}

/** The clauses of a long sentence around `[start, end)`, within `max` characters, "…" where cut. */
function clauseWindow(sentence: string, start: number, end: number, max: number): string {
  const breaks = [0];
  for (let i = 0; i < sentence.length; i++) if (CLAUSE_BREAK.test(sentence[i] ?? '')) breaks.push(i + 1);
  breaks.push(sentence.length);
  let from = [...breaks].reverse().find((b) => b <= start) ?? 0;
  let to = breaks.find((b) => b >= end) ?? sentence.length;
  // Grow by whole clauses while they fit, the following one first (it finishes the thought).
  for (;;) {
    const next = breaks.find((b) => b > to);
    const previous = [...breaks].reverse().find((b) => b < from);
    if (next !== undefined && next - from <= max) to = next;
    else if (previous !== undefined && to - previous <= max) from = previous;
    else break;
  }
  if (to - from > max) {
    // One clause longer than the cap: words around the match.
    return `${from > 0 ? '…' : ''}${excerptAround(sentence, start, end)}…`;
  }
  return `${from > 0 ? '…' : ''}${sentence.slice(from, to).trim().replace(/[,;:–—]$/u, '')}${to < sentence.length ? '…' : ''}`;
}

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

/**
 * The sentence the classifier read as `persona`, whole (see `sentenceAround`), and the n-grams
 * that most separate `persona` from the other classes in it (for `nearestExample`).
 */
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
  forEachFeature(codes, (hash, startAt, length) => {
    const f = featureOf(classifier.features, hash);
    if (f < 0 || seen.has(f)) return;
    seen.add(f);
    const from = owner[startAt] ?? 0;
    const to = owner[startAt + length - 1] ?? from;
    const base = f * C;
    const own = classifier.weights[base + persona] ?? 0;
    let other = -Infinity;
    for (let c = 0; c < C; c++) if (c !== persona) other = Math.max(other, classifier.weights[base + c] ?? 0);
    const lift = (own - other) * classifier.weightStep;
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
  return { excerpt: start === end ? '' : sentenceAround(text, start, end), grams };
}

/**
 * The known n-grams of each persona's examples, computed once per model: the stored model
 * keeps only the examples' text (their n-gram sets would double its size), and evidence is
 * asked for far less often than sentences are read.
 */
const exampleGrams = new WeakMap<Classifier, Int32Array[][]>();

function gramsOfExamples(classifier: Classifier): Int32Array[][] {
  let cached = exampleGrams.get(classifier);
  if (!cached) {
    const folded = new Map<string, string>();
    cached = classifier.examples.map((texts) =>
      texts.map((text) => {
        const seen = new Set<number>();
        forEachFeature(paddedCodes(tokenize(text, folded).map((t) => t.norm)).codes, (hash) => {
          const f = featureOf(classifier.features, hash);
          if (f >= 0) seen.add(f);
        });
        return Int32Array.from(seen);
      }),
    );
    exampleGrams.set(classifier, cached);
  }
  return cached;
}

/** The persona's training example sharing most of `grams`, if any shares one. */
export function nearestExample(classifier: Classifier, persona: number, grams: Set<number>): string | undefined {
  let best: string | undefined;
  let bestScore = 0;
  const mark = new Uint8Array(classifier.features.size);
  for (const f of grams) mark[f] = 1;
  const texts = classifier.examples[persona] ?? [];
  (gramsOfExamples(classifier)[persona] ?? []).forEach((features, i) => {
    let shared = 0;
    for (const f of features) shared += mark[f] ?? 0;
    const score = shared / Math.sqrt(features.length + 1);
    if (score > bestScore) {
      bestScore = score;
      best = texts[i];
    }
  });
  return best;
}

/**
 * Whether a sentence, as the classifier read it, is the buyer speaking as `persona`: not
 * logistics (a greeting, a date, "in copy"; "none" is not its likeliest class), and read as
 * that persona, or at least as likely as the classifier asks of a sentence before it counts
 * for one. A phrase of one persona inside a sentence that plainly reads as another ("go-live"
 * in a burned buyer's demand for penalties) still adds its points, but is no quote for it.
 */
export function speaksFor(reading: SentenceReading | undefined, persona: number): boolean {
  if (!reading) return false;
  const own = reading.posterior[persona] ?? 0;
  let top = 0;
  for (let c = 0; c < reading.posterior.length; c++) top = Math.max(top, reading.posterior[c] ?? 0);
  if (reading.none >= top) return false;
  return own >= top || own >= personaTuning.sentenceFloor;
}
