import { WHEN } from '../playbook/constants';
import type { When } from '../playbook/schema';
import type { ChecklistItem } from './checklist';

/** At least this many tactics when the checklist has them: fewer reads as "nothing to do". */
export const FOR_THIS_CALL_MIN = 3;
/** At most this many: more is a checklist again, not a plan for the next call. */
export const FOR_THIS_CALL_MAX = 5;

export interface ForThisCall {
  /** The phase the list is about: the rep's choice, else the first phase with something left to do. */
  phase: When;
  /** In checklist order (phase, then primary persona, secondary persona, segment). */
  items: ChecklistItem[];
}

export interface ForThisCallOptions {
  /** The phase the rep picked; without it, the first phase with an open tactic. */
  phase?: When;
  /** Ticked tactics to keep in place anyway (ticked a moment ago: they must not jump away under the cursor). */
  keep?: ReadonlySet<string>;
  min?: number;
  max?: number;
}

/**
 * The few tactics that matter on the call at hand.
 *
 * Open (unticked) tactics of the phase, taken in turns from each source (primary persona,
 * secondary persona, segment; each in playbook order) so that every source the rep sees in
 * the header has its first tactic in the list, up to `max`. When the phase has fewer than
 * `min` open tactics, the next phases fill up to `min`: "before" tactics come first until
 * they are done. Earlier phases never fill in: once the call has started, the rep no
 * longer prepares for it.
 */
export function forThisCall(
  checklist: readonly ChecklistItem[],
  isDone: (tacticId: string) => boolean,
  { phase: chosen, keep = new Set(), min = FOR_THIS_CALL_MIN, max = FOR_THIS_CALL_MAX }: ForThisCallOptions = {},
): ForThisCall {
  const open = checklist.filter((item) => keep.has(item.id) || !isDone(item.id));
  const phase = chosen ?? WHEN.find((when) => open.some((item) => item.when === when)) ?? WHEN[0];
  const picked = new Set<string>();
  for (const when of WHEN.slice(WHEN.indexOf(phase))) {
    const limit = when === phase ? max : min;
    for (const item of inTurns(open.filter((i) => i.when === when))) {
      if (picked.size >= limit) break;
      picked.add(item.id);
    }
    if (picked.size >= min) break;
  }
  return { phase, items: open.filter((item) => picked.has(item.id)) };
}

/** The first tactic of each source, then the second of each, and so on. */
function inTurns(items: readonly ChecklistItem[]): ChecklistItem[] {
  const bySource = new Map<string, ChecklistItem[]>();
  for (const item of items) {
    const key = `${item.source.kind}:${item.source.id}`;
    bySource.set(key, [...(bySource.get(key) ?? []), item]);
  }
  const queues = [...bySource.values()];
  const turns: ChecklistItem[] = [];
  for (let round = 0; turns.length < items.length; round++)
    for (const queue of queues) if (queue[round]) turns.push(queue[round]!);
  return turns;
}
