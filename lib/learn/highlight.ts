// The words that give a persona away, highlighted in a scenario after the answer. They come
// from the playbook's own signals (the phrases the panel's suggestion matches), in the
// scenario's language, so the quiz teaches what the panel looks for.
import type { Playbook } from '../playbook/schema';

export interface Span {
  start: number;
  end: number;
}

export interface TextPart {
  text: string;
  marked: boolean;
}

const WORD = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD.test(c);

/**
 * Where the phrases occur in `text`, case-insensitively and on word boundaries; a trailing `*`
 * matches any ending ("guarantee*" → "guarantees"). Overlaps are merged; spans in text order.
 */
export function findPhrases(text: string, phrases: readonly string[]): Span[] {
  const lower = text.toLocaleLowerCase();
  const spans: Span[] = [];
  for (const raw of phrases) {
    const prefix = raw.endsWith('*');
    const phrase = (prefix ? raw.slice(0, -1) : raw).toLocaleLowerCase().trim();
    if (!phrase) continue;
    for (let at = lower.indexOf(phrase); at !== -1; at = lower.indexOf(phrase, at + 1)) {
      let end = at + phrase.length;
      if (isWordChar(lower[at - 1])) continue;
      if (prefix) while (isWordChar(lower[end])) end++;
      else if (isWordChar(lower[end])) continue;
      spans.push({ start: at, end });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The phrases of the personas' signals that point towards them (positive weight), in `language`. */
export function personaPhrases(playbook: Playbook, personaIds: readonly string[], language: string): string[] {
  const base = language.split('-')[0] ?? language;
  return playbook.personas
    .filter((p) => personaIds.includes(p.id))
    .flatMap((p) => p.signals.filter((s) => s.weight > 0))
    .flatMap((s) => s.patterns?.[language] ?? s.patterns?.[base] ?? []);
}

/** The text cut into plain and marked parts, for rendering as text (never as HTML). */
export function splitMarked(text: string, spans: readonly Span[]): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const { start, end } of spans) {
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
