// Text: tokens with offsets into the original text, folded for matching, cut into sentences,
// and the character n-grams the classifier reads.
import { foldAccents } from '../fold';
import { MAX_N, MAX_SENTENCE_TOKENS, MIN_N } from './tuning';

export interface Token {
  start: number;
  end: number;
  /** Lower case, accents stripped (ł → l, ё → е): writers often skip diacritics. */
  norm: string;
}

export interface Sentence {
  tokens: Token[];
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const BOUNDARY = /[.!?;\n\r]/;

/** The words of `text`; `cache` remembers folded forms, since a thread repeats its words. */
export function tokenize(text: string, cache?: Map<string, string>): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const raw = m[0];
    let norm = cache?.get(raw);
    if (norm === undefined) {
      norm = foldAccents(raw);
      cache?.set(raw, norm);
    }
    tokens.push({ start: m.index, end: m.index + raw.length, norm });
  }
  return tokens;
}

export function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Token[] = [];
  let previousEnd = 0;
  for (const token of tokens) {
    const gap = current.length ? text.slice(previousEnd, token.start) : '';
    if (current.length && (BOUNDARY.test(gap) || current.length >= MAX_SENTENCE_TOKENS)) {
      sentences.push({ tokens: current });
      current = [];
    }
    current.push(token);
    previousEnd = token.end;
  }
  if (current.length) sentences.push({ tokens: current });
  return sentences;
}

/** The sentence written as " w1 w2 … " in char codes, and which word each character belongs to. */
export function paddedCodes(words: readonly string[]): { codes: Uint16Array; owner: Int32Array } {
  let length = 1;
  for (const word of words) length += word.length + 1;
  const codes = new Uint16Array(length);
  const owner = new Int32Array(length);
  codes[0] = 32;
  let at = 1;
  words.forEach((word, w) => {
    for (let i = 0; i < word.length; i++) {
      codes[at] = word.charCodeAt(i);
      owner[at++] = w;
    }
    codes[at] = 32;
    owner[at++] = w;
  });
  return { codes, owner };
}

/**
 * Calls `visit` with a 32-bit hash (FNV-1a) of every character n-gram of the padded sentence,
 * its start and its length. n-grams may cross a word boundary and so capture short phrases.
 * Hashing instead of slicing strings keeps a 20,000-character text to a few milliseconds.
 */
export function forEachGram(codes: Uint16Array, visit: (hash: number, start: number, length: number) => void): void {
  for (let i = 0; i + MIN_N <= codes.length; i++) {
    let hash = 0x811c9dc5;
    for (let k = 0; k < MAX_N && i + k < codes.length; k++) {
      hash = Math.imul(hash ^ (codes[i + k] ?? 0), 0x01000193);
      // 30 bits keep the key a small integer, which V8's Map hashes fastest.
      if (k + 1 >= MIN_N) visit(hash & 0x3fffffff, i, k + 1);
    }
  }
}

/**
 * Every feature the classifier reads in a padded sentence: its character n-grams (see
 * `forEachGram`), then each whole word and each pair of neighbouring words, hashed apart from
 * the n-grams. Words and pairs carry what n-grams of five characters cannot ("no idea",
 * "references"); `start` and `length` still point into `codes`, so evidence can find them.
 */
export function forEachFeature(codes: Uint16Array, visit: (hash: number, start: number, length: number) => void): void {
  forEachGram(codes, visit);
  let previousStart = -1;
  let previousHash = 0;
  for (let i = 1; i < codes.length; ) {
    let end = i;
    let hash = 0x2f1b5a3d;
    while (end < codes.length && codes[end] !== 32) hash = Math.imul(hash ^ (codes[end++] ?? 0), 0x01000193);
    if (end > i) {
      visit(hash & 0x3fffffff, i, end - i);
      if (previousStart >= 0) visit(Math.imul(previousHash ^ hash, 0x9e3779b1) & 0x3fffffff, previousStart, end - previousStart);
      previousStart = i;
      previousHash = hash;
    }
    i = end + 1;
  }
}
