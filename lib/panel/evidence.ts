import type { PersonaEvidence } from '../core/persona';
import type { PageSnapshot } from '../snapshot';

/**
 * Whose words a quote is. A mail snapshot's text is what the outside people in the thread wrote
 * (lib/sites/mail.ts), so their names say it; a CRM record's text is its notes and logged
 * activity, written about the buyer rather than by them; a fact is the page's.
 */
export type EvidenceSource =
  | { kind: 'page' }
  | { kind: 'person'; name: string }
  | { kind: 'people'; names: string[] }
  | { kind: 'thread' }
  | { kind: 'notes' };

/** At most this many names are listed; the thread's first senders. */
const NAMES_SHOWN = 3;

/** Whose words the snapshot's text is. */
export function textSourceOf(snapshot: Pick<PageSnapshot, 'kind' | 'people'> | undefined): EvidenceSource {
  if (!snapshot || snapshot.kind !== 'email') return { kind: 'notes' };
  const names = [...new Set(snapshot.people.map((person) => person.name).filter((name): name is string => Boolean(name)))];
  if (names.length === 1) return { kind: 'person', name: names[0]! };
  if (names.length > 1) return { kind: 'people', names: names.slice(0, NAMES_SHOWN) };
  return { kind: 'thread' };
}

export interface EvidenceLine {
  item: PersonaEvidence;
  source: EvidenceSource;
}

/**
 * The evidence as the panel lists it, each with whose words it is. Quoting whole sentences,
 * a signal and the classifier often quote the same one: it is listed once, under the signal,
 * which says what fired.
 */
export function evidenceLines(evidence: readonly PersonaEvidence[], text: EvidenceSource): EvidenceLine[] {
  const bySignal = new Set(evidence.filter((e) => e.kind === 'signal').map((e) => `${e.personaId}|${e.excerpt}`));
  return evidence
    .filter((e) => e.kind !== 'classifier' || !bySignal.has(`${e.personaId}|${e.excerpt}`))
    .map((item) => ({ item, source: item.kind === 'fact' ? { kind: 'page' } : text }));
}
