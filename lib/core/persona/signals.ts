// The playbook's weighted signals: phrases per language (case- and accent-insensitive, whole
// words, a trailing `*` matches any ending) found in the text, and fact conditions.
import type { FactKey, LocalText, Playbook } from '../../playbook/schema';
import { matchesCondition } from '../condition';
import type { Facts } from '../facts';
import { foldAccents } from '../fold';
import type { SentenceReading } from './classifier';
import { personaTuning } from './tuning';

export interface CompiledPattern {
  personaIndex: number;
  signalIndex: number;
  words: { text: string; prefix: boolean }[];
}

export interface CompiledSignal {
  personaId: string;
  id: string;
  label: LocalText;
  weight: number;
}

export interface CompiledSignals {
  signals: CompiledSignal[];
  /**
   * Patterns indexed by their first word, exact or as a stem. Plain objects rather than Maps so
   * the model is also plain JSON; read them with `patternsAt`, as a word such as "constructor"
   * must not find Object.prototype.
   */
  exact: Record<string, CompiledPattern[]>;
  prefixes: Record<string, CompiledPattern[]>;
  /** The lengths of the stems in `prefixes`, ascending. */
  prefixLengths: number[];
}

export function compileSignals(playbook: Playbook): CompiledSignals {
  const signals: CompiledSignal[] = [];
  const exact: Record<string, CompiledPattern[]> = {};
  const prefixes: Record<string, CompiledPattern[]> = {};
  const prefixLengths = new Set<number>();
  playbook.personas.forEach((persona, personaIndex) => {
    for (const signal of persona.signals) {
      if (!signal.patterns) continue;
      const signalIndex = signals.length;
      signals.push({ personaId: persona.id, id: signal.id, label: signal.label, weight: signal.weight });
      for (const phrases of Object.values(signal.patterns)) {
        for (const phrase of phrases) {
          const words = [...phrase.matchAll(/([\p{L}\p{N}\p{M}]+)(\*?)/gu)].map((m) => ({
            text: foldAccents(m[1] ?? ''),
            prefix: m[2] === '*',
          }));
          const first = words[0];
          if (!first || !first.text) continue;
          const compiled: CompiledPattern = { personaIndex, signalIndex, words };
          const index = first.prefix ? prefixes : exact;
          if (first.prefix) prefixLengths.add(first.text.length);
          if (Object.hasOwn(index, first.text)) index[first.text]!.push(compiled);
          else index[first.text] = [compiled];
        }
      }
    }
  });
  return { signals, exact, prefixes, prefixLengths: [...prefixLengths].sort((a, b) => a - b) };
}

function patternsAt(index: Record<string, CompiledPattern[]>, word: string): CompiledPattern[] | undefined {
  return Object.hasOwn(index, word) ? index[word] : undefined;
}

export interface SignalHit {
  sentenceIndex: number;
  personaIndex: number;
  signalIndex: number;
  start: number;
  end: number;
  contribution: number;
}

/** Each signal's strongest hit in the text; a hit in a sentence that reads as logistics counts for less. */
export function matchSignals(compiled: CompiledSignals, readings: readonly SentenceReading[]): SignalHit[] {
  const best = new Map<number, SignalHit>();
  readings.forEach((reading, sentenceIndex) => {
    const tokens = reading.sentence.tokens;
    const damping = 1 - (1 - personaTuning.neutralDampingFloor) * reading.none;
    for (let i = 0; i < tokens.length; i++) {
      const norm = tokens[i]?.norm ?? '';
      const candidates: CompiledPattern[] = [];
      const exact = patternsAt(compiled.exact, norm);
      if (exact) candidates.push(...exact);
      for (const length of compiled.prefixLengths) {
        if (length > norm.length) break;
        const list = patternsAt(compiled.prefixes, norm.slice(0, length));
        if (list) candidates.push(...list);
      }
      for (const pattern of candidates) {
        let ok = true;
        for (let k = 0; k < pattern.words.length && ok; k++) {
          const word = pattern.words[k];
          const token = tokens[i + k];
          if (!word || !token) ok = false;
          else ok = word.prefix ? token.norm.startsWith(word.text) : token.norm === word.text;
        }
        if (!ok) continue;
        const signal = compiled.signals[pattern.signalIndex];
        if (!signal) continue;
        const last = tokens[i + pattern.words.length - 1];
        const contribution = signal.weight > 0 ? signal.weight * damping : signal.weight;
        const previous = best.get(pattern.signalIndex);
        if (!previous || Math.abs(contribution) > Math.abs(previous.contribution)) {
          best.set(pattern.signalIndex, {
            sentenceIndex,
            personaIndex: pattern.personaIndex,
            signalIndex: pattern.signalIndex,
            start: tokens[i]?.start ?? 0,
            end: last?.end ?? 0,
            contribution,
          });
        }
      }
    }
  });
  return [...best.values()];
}

export interface FactHit {
  personaIndex: number;
  signal: Playbook['personas'][number]['signals'][number];
  value: number | string;
}

/** The fact signals the page's facts satisfy, judged by the same rule as segment criteria. */
export function matchFacts(playbook: Playbook, facts: Facts): FactHit[] {
  const hits: FactHit[] = [];
  playbook.personas.forEach((persona, personaIndex) => {
    for (const signal of persona.signals) {
      if (!signal.fact) continue;
      const value = facts[signal.fact.key as FactKey];
      if (value === undefined || !matchesCondition(value, signal.fact.when)) continue;
      hits.push({ personaIndex, signal, value });
    }
  });
  return hits;
}
