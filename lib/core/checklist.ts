import { WHEN } from '../playbook/constants';
import type { LocalText, Playbook, Tactic, When } from '../playbook/schema';

export interface ChecklistItem {
  /** The tactic id: stable across playbook versions, so a rep's ticks are stored under it. */
  id: string;
  when: When;
  text: LocalText;
  why?: LocalText;
  source: { kind: 'segment' | 'persona'; id: string };
}

/**
 * The tactics for an account, ordered by when (before, during, after); within
 * each, the primary persona's, then the secondary persona's, then the segment's,
 * each in playbook order. A tactic appears once; unknown ids contribute nothing.
 */
export function buildChecklist(
  segmentId: string | undefined,
  persona: { primary?: string; secondary?: string },
  playbook: Playbook,
): ChecklistItem[] {
  const sources: { kind: 'segment' | 'persona'; id: string; tactics: readonly Tactic[] }[] = [];
  for (const personaId of [persona.primary, persona.secondary]) {
    const found = personaId === undefined ? undefined : playbook.personas.find((p) => p.id === personaId);
    if (found) sources.push({ kind: 'persona', id: found.id, tactics: found.tactics });
  }
  const segment = segmentId === undefined ? undefined : playbook.segmentation.segments.find((s) => s.id === segmentId);
  if (segment) sources.push({ kind: 'segment', id: segment.id, tactics: segment.tactics });

  const seen = new Set<string>();
  const items: ChecklistItem[] = [];
  for (const source of sources) {
    for (const tactic of source.tactics) {
      if (seen.has(tactic.id)) continue;
      seen.add(tactic.id);
      items.push({
        id: tactic.id,
        when: tactic.when,
        text: tactic.text,
        ...(tactic.why !== undefined ? { why: tactic.why } : {}),
        source: { kind: source.kind, id: source.id },
      });
    }
  }
  return groupByWhen(items).flatMap((group) => group.items);
}

/** Items grouped before, during, after, keeping their order; empty groups are left out. */
export function groupByWhen(items: ChecklistItem[]): { when: When; items: ChecklistItem[] }[] {
  return WHEN.map((when) => ({ when, items: items.filter((item) => item.when === when) })).filter(
    (group) => group.items.length > 0,
  );
}
