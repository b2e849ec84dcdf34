// Which accounts an edit moves to another segment: every account cached in this browser
// (with the rep's answers) and the demo accounts, scored with the active playbook and with
// the draft. Scoring is chunked so that typing in the studio never waits for it.
import type { Answers } from '../core/segment';
import { assessSegment } from '../core/segment';
import type { Facts } from '../core/facts';
import type { Playbook } from '../playbook/schema';

export interface PreviewAccount {
  key: string;
  name: string;
  facts: Facts;
  answers: Answers;
  /** Email or notes text, for the persona preview. */
  text: string;
  demo: boolean;
}

export interface SegmentMove {
  key: string;
  name: string;
  from: string;
  to: string;
}

/** The segment id each account gets under `playbook`, in account order. */
export function segmentsOf(accounts: readonly PreviewAccount[], playbook: Playbook, from = 0, to = accounts.length): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const account = accounts[i]!;
    out.push(assessSegment(account.facts, account.answers, playbook).segment.id);
  }
  return out;
}

/** Accounts whose segment differs between `before` (segment ids, as segmentsOf gave) and the draft. */
export function movesBetween(accounts: readonly PreviewAccount[], before: readonly string[], after: readonly string[]): SegmentMove[] {
  const moves: SegmentMove[] = [];
  accounts.forEach((account, i) => {
    const from = before[i];
    const to = after[i];
    if (from !== undefined && to !== undefined && from !== to) moves.push({ key: account.key, name: account.name, from, to });
  });
  return moves;
}

export interface MoveGroup {
  from: string;
  to: string;
  accounts: SegmentMove[];
}

/** "12 accounts from Standard to Key": moves grouped by their pair of segments, the biggest group first. */
export function groupMoves(moves: readonly SegmentMove[]): MoveGroup[] {
  const groups = new Map<string, MoveGroup>();
  for (const move of moves) {
    const id = `${move.from}\u0000${move.to}`;
    const group = groups.get(id) ?? { from: move.from, to: move.to, accounts: [] };
    group.accounts.push(move);
    groups.set(id, group);
  }
  return [...groups.values()].sort((a, b) => b.accounts.length - a.accounts.length || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

export interface ChunkOptions {
  /** At most this many accounts are scored between two yields. */
  chunk?: number;
  /**
   * And for at most this long (ms): a key press waits no longer than one slice, however slow
   * the machine (a busy laptop scores 1,000 accounts in over 100 ms).
   */
  sliceMs?: number;
  /** The clock slices are measured with. */
  now?: () => number;
  /** Gives the page back to the browser (a macrotask), so a key press is handled between chunks. */
  yieldNow?: () => Promise<void>;
  /** Set when a newer edit made this run pointless. */
  cancelled?: () => boolean;
}

/** segmentsOf in slices; undefined when cancelled. */
export async function segmentsChunked(accounts: readonly PreviewAccount[], playbook: Playbook, options: ChunkOptions = {}): Promise<string[] | undefined> {
  const {
    chunk = 1000,
    sliceMs = 10,
    now = () => performance.now(),
    yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
    cancelled = () => false,
  } = options;
  const out: string[] = [];
  let next = 0;
  while (next < accounts.length) {
    if (next > 0) await yieldNow();
    if (cancelled()) return undefined;
    const started = now();
    const end = Math.min(accounts.length, next + chunk);
    // At least one account per slice, so a slow clock never stalls the scoring.
    do {
      const account = accounts[next++]!;
      out.push(assessSegment(account.facts, account.answers, playbook).segment.id);
    } while (next < end && now() - started < sliceMs);
  }
  return out;
}
