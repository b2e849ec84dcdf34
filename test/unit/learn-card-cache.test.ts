import { describe, expect, test } from 'vitest';
import { CARD_CACHE_KEY, CARDS_FORMAT, cardsOf, type CardStore } from '../../lib/learn/card-cache';
import { buildCards } from '../../lib/learn/cards';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';

const pb = DEFAULT_PLAYBOOK;

/** localStorage's behaviour, in memory. */
function memoryStore(): CardStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

const burnedHash = (cards: { id: string; hash: string }[]) => cards.find((c) => c.id === 'persona:burned')!.hash;

describe('the card list kept between visits', () => {
  test('the first visit builds the list and stores it under the playbook\'s hash; the next visit reads it back', () => {
    const store = memoryStore();
    const first = cardsOf(pb, 'sha-1', store);
    expect(first).toEqual(buildCards(pb));
    const kept = JSON.parse(store.items.get(CARD_CACHE_KEY)!);
    expect(kept.format).toBe(CARDS_FORMAT);
    expect(kept.playbook).toBe('sha-1');
    expect(kept.cards).toHaveLength(61);
    // Marks the stored list, so reading it back is visible.
    kept.cards[0].hash = 'feedface';
    store.items.set(CARD_CACHE_KEY, JSON.stringify(kept));
    const second = cardsOf(pb, 'sha-1', store);
    expect(second[0]).toEqual({ id: 'persona:expert', kind: 'persona', personas: ['expert'], hash: 'feedface' });
    expect(second).toHaveLength(61);
  });

  test('after a team update (another hash) the list is built again, so an edited card gets its new hash and shows as changed', () => {
    const store = memoryStore();
    const before = cardsOf(pb, 'sha-1', store);
    const edited = structuredClone(pb);
    edited.personas[3]!.tactics[0]!.text.en = 'Tell two stories from their industry.';
    const after = cardsOf(edited, 'sha-2', store);
    expect(burnedHash(after)).not.toBe(burnedHash(before));
    expect(burnedHash(after)).toBe(burnedHash(buildCards(edited)));
    expect(JSON.parse(store.items.get(CARD_CACHE_KEY)!).playbook).toBe('sha-2');
    // Unchanged cards keep their hash, so their progress is kept.
    expect(after.find((c) => c.id === 'persona:expert')!.hash).toBe(before.find((c) => c.id === 'persona:expert')!.hash);
  });

  test.each([
    ['a list from older code', (kept: { format: number }) => (kept.format = CARDS_FORMAT - 1)],
    ['a card without its hash', (kept: { cards: Record<string, unknown>[] }) => delete kept.cards[0]!.hash],
    ['a card of an unknown kind', (kept: { cards: Record<string, unknown>[] }) => (kept.cards[0]!.kind = 'quiz')],
    ['no list at all', (kept: { cards?: unknown }) => delete kept.cards],
  ])('%s is not trusted: the list is built again', (_, spoil) => {
    const store = memoryStore();
    cardsOf(pb, 'sha-1', store);
    const kept = JSON.parse(store.items.get(CARD_CACHE_KEY)!);
    kept.cards[1].hash = 'feedface';
    spoil(kept as never);
    store.items.set(CARD_CACHE_KEY, JSON.stringify(kept));
    const cards = cardsOf(pb, 'sha-1', store);
    expect(cards).toEqual(buildCards(pb));
    expect(cards[1]!.hash).not.toBe('feedface');
  });

  test('text that is not JSON is built over', () => {
    const store = memoryStore();
    store.items.set(CARD_CACHE_KEY, '{"format":1,');
    expect(cardsOf(pb, 'sha-1', store)).toEqual(buildCards(pb));
    expect(JSON.parse(store.items.get(CARD_CACHE_KEY)!).playbook).toBe('sha-1');
  });

  test('a playbook stored before it had a hash is built every time and never stored', () => {
    const store = memoryStore();
    expect(cardsOf(pb, undefined, store)).toEqual(buildCards(pb));
    expect(store.items.size).toBe(0);
  });

  test('a store that refuses (disabled, full) only costs the build', () => {
    const broken: CardStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(cardsOf(pb, 'sha-1', broken)).toEqual(buildCards(pb));
  });
});
