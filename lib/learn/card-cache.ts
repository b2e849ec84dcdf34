// The card list (ids and content hashes) of the active playbook, kept between visits. Building
// it hashes the whole playbook (about 250 KB of JSON for the default one: 10-30 ms in a page
// that has just opened, whose code is not optimised yet), and it only changes when the playbook
// does, so the Learn page keeps the last list, keyed by the playbook's SHA-256, in a small
// synchronous store (the page's localStorage). Pure: the store is passed in.
import { buildCards, type CardKind, type LearnCard } from './cards';
import type { Playbook } from '../playbook/schema';

/**
 * What the cached lists were built by. Bump it whenever buildCards or contentHash changes a
 * card's id or hash, so a list built by older code is not reused (test/unit/learn-logic.test.ts
 * pins contentHash's output).
 */
export const CARDS_FORMAT = 1;

/** Where the list is kept: the part of the Web Storage API used here. */
export interface CardStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const CARD_CACHE_KEY = 'playcard.learn.cards';

interface CachedCards {
  format: number;
  /** The playbook's SHA-256 (StoredPlaybook.hash). */
  playbook: string;
  cards: LearnCard[];
}

const KINDS: readonly CardKind[] = ['persona', 'segment', 'mix', 'scenario'];

function isCard(value: unknown): value is LearnCard {
  if (typeof value !== 'object' || value === null) return false;
  const card = value as Record<string, unknown>;
  return (
    typeof card.id === 'string' &&
    typeof card.hash === 'string' &&
    KINDS.includes(card.kind as CardKind) &&
    Array.isArray(card.personas) &&
    card.personas.every((p) => typeof p === 'string') &&
    (card.segment === undefined || typeof card.segment === 'string')
  );
}

/** The stored list if it was built from this playbook by this code; anything else (none, another playbook, a hand edit) is undefined. */
function readCached(store: CardStore, playbookHash: string): LearnCard[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(store.getItem(CARD_CACHE_KEY) ?? 'null');
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const cached = parsed as Partial<CachedCards>;
  if (cached.format !== CARDS_FORMAT || cached.playbook !== playbookHash || !Array.isArray(cached.cards) || !cached.cards.every(isCard)) return undefined;
  return cached.cards;
}

/**
 * The playbook's cards (what buildCards returns), from the store when it holds the list of the
 * same playbook (same SHA-256), else built and stored. A playbook without a hash (stored before
 * schema v2, until it gets one) is always built. A store that fails (full, disabled) only costs
 * the time of building.
 */
export function cardsOf(playbook: Playbook, playbookHash: string | undefined, store: CardStore | undefined): LearnCard[] {
  if (!store || !playbookHash) return buildCards(playbook);
  try {
    const cached = readCached(store, playbookHash);
    if (cached) return cached;
  } catch {
    // getItem itself threw (storage disabled): build.
  }
  const cards = buildCards(playbook);
  try {
    store.setItem(CARD_CACHE_KEY, JSON.stringify({ format: CARDS_FORMAT, playbook: playbookHash, cards } satisfies CachedCards));
  } catch {
    // Full or disabled: the next visit builds again.
  }
  return cards;
}
