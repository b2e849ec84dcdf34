/** What the panel shows of the persona, as `assessAccount` returns it. */
export interface PersonaShown {
  primary?: string;
  secondary?: string;
  chosenBy: 'rep' | 'suggestion' | 'none';
  suggestion: { confidence: number };
}

export type PersonaChoice = { primary: string; secondary?: string };

/**
 * Below this confidence a suggestion is "likely", not a finding. The confidence shown is
 * calibrated (lib/core/persona/calibration.ts, from the playbook's own examples): a suggestion
 * shown under 80 % sure is expected to be wrong at least one time in five, which a rep should
 * see before acting on it. (Before calibration the line was 0.6 on the raw score; calibrated,
 * the weakest suggestion shown reads about 69 %, so that line marked none.)
 */
export const LIKELY_BELOW = 0.8;

/** How sure the panel is of the persona it shows: the rep's word, a confident suggestion, a likely one, or none. */
export function personaCertainty(persona: PersonaShown): 'rep' | 'confident' | 'likely' | 'none' {
  if (persona.chosenBy === 'rep') return 'rep';
  if (persona.chosenBy === 'none' || persona.primary === undefined) return 'none';
  return persona.suggestion.confidence < LIKELY_BELOW ? 'likely' : 'confident';
}

/**
 * The rep picks a primary persona: their choice replaces the suggestion whole. A secondary
 * survives only if the rep set it themselves earlier (and it is not the new primary); a
 * suggested secondary never rides along with the rep's primary.
 */
export function choosePrimary(current: PersonaShown, personaId: string): PersonaChoice {
  const ownSecondary = current.chosenBy === 'rep' ? current.secondary : undefined;
  return ownSecondary !== undefined && ownSecondary !== personaId ? { primary: personaId, secondary: ownSecondary } : { primary: personaId };
}

/**
 * The rep sets (or clears, with undefined) the secondary persona. It goes with the primary on
 * screen, which the rep thereby confirms; with no primary there is nothing to mix with.
 */
export function chooseSecondary(current: PersonaShown, personaId: string | undefined): PersonaChoice | undefined {
  if (current.primary === undefined) return undefined;
  return personaId === undefined || personaId === current.primary ? { primary: current.primary } : { primary: current.primary, secondary: personaId };
}
