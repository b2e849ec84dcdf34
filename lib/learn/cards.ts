// The cards a new hire studies, built from the same playbook the panel uses. Pure: the page
// renders each card from the playbook by its id; here live the ids, what each card teaches,
// and a content hash that tells "new since you last studied" after a playbook update.
import type { Persona, Playbook, Scenario, Segment } from '../playbook/schema';

export type CardKind = 'persona' | 'segment' | 'mix' | 'scenario';
export type ScenarioKind = 'persona' | 'segment' | 'tactic';

export interface LearnCard {
  /** `persona:expert`, `segment:key`, `mix:novice+burned`, `scenario:<id>`: stable while the playbook's ids are. */
  id: string;
  kind: CardKind;
  /** The persona(s) and segment the card teaches: its progress counts towards their "ready" state. */
  personas: string[];
  segment?: string;
  /** Hash of the playbook content the card shows: it changes when the team edits that content. */
  hash: string;
}

/** A scenario's kind; playbooks that predate `kind` have persona scenarios only. */
export function scenarioKind(scenario: Pick<Scenario, 'kind'>): ScenarioKind {
  return scenario.kind ?? 'persona';
}

/**
 * FNV-1a (32 bit) of a value's JSON, as 8 hex digits. Synchronous, so cards hash as they are
 * built; it detects edits, it is not a security measure (the playbook's SHA-256 is elsewhere).
 */
export function contentHash(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export interface Mix {
  primary: string;
  secondary: string;
}

/** The mixes the playbook's scenarios use (dominant type first), in order of first use. */
export function commonMixes(playbook: Playbook): Mix[] {
  const seen = new Set<string>();
  const mixes: Mix[] = [];
  for (const s of playbook.learning.scenarios) {
    if (scenarioKind(s) !== 'persona' || !s.persona || !s.secondary) continue;
    const key = `${s.persona}+${s.secondary}`;
    if (seen.has(key)) continue;
    seen.add(key);
    mixes.push({ primary: s.persona, secondary: s.secondary });
  }
  return mixes;
}

export const mixId = (mix: Mix) => `mix:${mix.primary}+${mix.secondary}`;

/** The scenarios that show a mix, as worked examples on its card. */
export function mixScenarios(playbook: Playbook, mix: Mix): Scenario[] {
  return playbook.learning.scenarios.filter((s) => scenarioKind(s) === 'persona' && s.persona === mix.primary && s.secondary === mix.secondary);
}

/** The persona and segment that own a tactic, so a tactic scenario counts towards them. */
export function tacticOwner(playbook: Playbook, tacticId: string): { persona?: string; segment?: string } {
  const persona = playbook.personas.find((p) => p.tactics.some((t) => t.id === tacticId));
  if (persona) return { persona: persona.id };
  const segment = playbook.segmentation.segments.find((s) => s.tactics.some((t) => t.id === tacticId));
  return segment ? { segment: segment.id } : {};
}

function scenarioCard(playbook: Playbook, s: Scenario): LearnCard {
  const kind = scenarioKind(s);
  const base = { id: `scenario:${s.id}`, kind: 'scenario' as const, hash: contentHash(s) };
  if (kind === 'segment') return { ...base, personas: [], segment: s.segment };
  if (kind === 'tactic') {
    const owner = tacticOwner(playbook, s.tactic ?? '');
    return { ...base, personas: owner.persona ? [owner.persona] : [], segment: owner.segment };
  }
  return { ...base, personas: [s.persona, s.secondary].filter((id): id is string => id !== undefined) };
}

function personaCard(persona: Persona, personaHash: string, playbook: Playbook): LearnCard {
  // The worked example on the card is the persona's first scenario: editing it changes the card too.
  const example = playbook.learning.scenarios.find((s) => scenarioKind(s) === 'persona' && s.persona === persona.id && !s.secondary);
  return { id: `persona:${persona.id}`, kind: 'persona', personas: [persona.id], hash: contentHash([personaHash, example ?? null]) };
}

function segmentCard(segment: Segment, criteriaHash: string, playbook: Playbook): LearnCard {
  const { matrix, segments } = playbook.segmentation;
  const cells = matrix?.cells.filter((c) => c.segment === segment.id) ?? [];
  // The card shows its point range, which the next segment's minimum bounds.
  const next = segments.filter((s) => s.minPoints > segment.minPoints).map((s) => s.minPoints);
  return {
    id: `segment:${segment.id}`,
    kind: 'segment',
    personas: [],
    segment: segment.id,
    hash: contentHash([segment, criteriaHash, cells, next.length ? Math.min(...next) : null]),
  };
}

/** Every card of a playbook: personas, segments, mixes, then scenarios, in playbook order. */
export function buildCards(playbook: Playbook): LearnCard[] {
  // Each persona (large: examples in five languages) and the criteria are hashed once, then
  // their hashes stand for them in every card that shows them: this runs before the first card.
  const personaHash = new Map(playbook.personas.map((p) => [p.id, contentHash(p)]));
  const criteriaHash = contentHash(playbook.segmentation.criteria);
  return [
    ...playbook.personas.map((p) => personaCard(p, personaHash.get(p.id)!, playbook)),
    ...playbook.segmentation.segments.map((s) => segmentCard(s, criteriaHash, playbook)),
    ...commonMixes(playbook).map((mix) => ({
      id: mixId(mix),
      kind: 'mix' as const,
      personas: [mix.primary, mix.secondary],
      hash: contentHash([personaHash.get(mix.primary) ?? null, personaHash.get(mix.secondary) ?? null, mixScenarios(playbook, mix)]),
    })),
    ...playbook.learning.scenarios.map((s) => scenarioCard(playbook, s)),
  ];
}

/** Lower case without accents, so "zazolc" finds "Zażółć" and "ключевой" finds "Ключевой". */
export function fold(text: string): string {
  // "ł" has no decomposition, yet Polish typed without diacritics writes it "l".
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ł/g, 'l');
}

/**
 * The cards whose text contains every word of the query (any order, case and accents ignored).
 * `textOf` gives a card's searchable text in the reader's language. An empty query keeps all.
 */
export function searchCards<T>(cards: readonly T[], query: string, textOf: (card: T) => string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...cards];
  return cards.filter((card) => {
    const haystack = fold(textOf(card));
    return words.every((word) => haystack.includes(word));
  });
}
