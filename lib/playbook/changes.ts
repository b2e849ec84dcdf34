// A change between two versions of a playbook, as data: stored in IndexedDB with the update
// notice and worded only when shown (change-text.ts), in the rep's language. Tiny and free of
// zod and of the diff itself, so the panel can import it without either.
import type { LocalText, When } from './schema';

export type ChangeKind = 'added' | 'removed' | 'changed';
export type ChangeArea = 'persona' | 'segment' | 'tactic' | 'criterion' | 'option' | 'signal' | 'matrix' | 'scenario' | 'meta';

/** Who a tactic, signal or scenario belongs to. */
export interface ChangeOwner {
  persona?: string;
  segment?: string;
}

export interface PlaybookChange {
  kind: ChangeKind;
  area: ChangeArea;
  /**
   * The thing's stable id. Options and signals are `<criterion>.<option>` and
   * `<persona>.<signal>` (ids never contain a dot); matrix cells are `<row>×<column>`;
   * meta changes are `playbook` or `personaSuggestion`.
   */
  id: string;
  /** JSON path in the new playbook, or in the old one for a removal: `personas[3].tactics[5].text.en`. */
  path: string;
  /** The persona or segment the change touches, so changes for the current account can come first. */
  owner?: ChangeOwner;
  /** A tactic that moved: who had it before (`owner` has it now). */
  previousOwner?: ChangeOwner;
  /**
   * The field that changed, `serviceLevel.owner` for a nested one, `owner` for a tactic that
   * moved. Absent for added and removed things.
   */
  field?: string;
  /** For a localised field: the language whose text changed. */
  language?: string;
  /**
   * The old and new value. Lists (traits, patterns, examples) are joined with " | ";
   * conditions (an option's `when`, a signal's `fact`) are their JSON.
   */
  before?: string | number;
  after?: string | number;
  /** For lists: how many entries were added and removed (both 0: only reordered). */
  counts?: { added: number; removed: number };
  /**
   * The thing's own words, so the rep sees a tactic by its text rather than its id: a tactic's
   * or scenario's text, otherwise its label. From the new playbook, the old one for a removal.
   */
  label?: LocalText;
  /** What describes a thing that was added or removed. */
  detail?: ChangeDetail;
  /**
   * An English line, written by versions of Playcard before changes were data. Notices stored
   * then still carry it; it is read to show them and never written.
   */
  summary?: string;
}

export interface ChangeDetail {
  /** An added tactic's moment. */
  when?: When;
  /** An added segment's minimum points, or an added option's points. */
  points?: number;
  /** An added signal's weight. */
  weight?: number;
  /** An added criterion's options. */
  options?: { id: string; points: number }[];
  /** A matrix: the criteria of its rows and columns; a cell: its row and column options. */
  row?: string;
  column?: string;
  /** A matrix cell's segment. */
  segment?: string;
}

export interface RelevanceContext {
  /** The account's persona(s): primary first, maybe a secondary. */
  persona?: readonly string[];
  segment?: string;
}

/** Whether a change touches the account's persona or segment. */
export function touches(change: PlaybookChange, context: RelevanceContext): boolean {
  const { owner } = change;
  if (!owner) return false;
  return (
    (owner.persona !== undefined && (context.persona ?? []).includes(owner.persona)) ||
    (owner.segment !== undefined && owner.segment === context.segment)
  );
}

/** The changes that touch the current account first, otherwise in their original order. */
export function relevantFirst(changes: readonly PlaybookChange[], context: RelevanceContext): PlaybookChange[] {
  return [...changes.filter((c) => touches(c, context)), ...changes.filter((c) => !touches(c, context))];
}
