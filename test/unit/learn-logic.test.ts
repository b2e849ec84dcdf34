import { describe, expect, test } from 'vitest';
import { buildCards, commonMixes, contentHash, searchCards, type LearnCard } from '../../lib/learn/cards';
import { compareGuess, guessReview } from '../../lib/learn/guess-first';
import { findPhrases, personaPhrases, splitMarked } from '../../lib/learn/highlight';
import { isRight, questionFor, roundOf } from '../../lib/learn/quiz';
import { readiness, readinessReport, type ReviewRecord } from '../../lib/learn/ready';
import { cardStatuses, dueToday, endOfLocalDay, freshProgress, review, type CardProgress, type Grading } from '../../lib/learn/schedule';
import { accuracyByWeek, reviewsPerDay, streak } from '../../lib/learn/stats';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';

const pb = DEFAULT_PLAYBOOK;
const DAY = 86_400_000;
const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 1, 9, 0); // Tuesday 1 December 2026, 09:00 UTC

describe('cards from the default playbook', () => {
  const cards = buildCards(pb);
  test('four personas, four segments, the nine mixes its scenarios use, then every scenario', () => {
    expect(cards.filter((c) => c.kind === 'persona').map((c) => c.id)).toEqual(['persona:expert', 'persona:fast', 'persona:novice', 'persona:burned']);
    expect(cards.filter((c) => c.kind === 'segment').map((c) => c.id)).toEqual(['segment:key', 'segment:growth', 'segment:standard', 'segment:low-touch']);
    expect(commonMixes(pb).map((m) => `${m.primary}+${m.secondary}`)).toEqual([
      'novice+burned', 'expert+fast', 'burned+expert', 'fast+novice', 'expert+burned', 'fast+burned', 'novice+fast', 'burned+novice', 'fast+expert',
    ]);
    expect(cards.filter((c) => c.kind === 'scenario')).toHaveLength(44);
    expect(cards.find((c) => c.id === 'scenario:eleven-fifty-five')).toMatchObject({ personas: [], segment: 'key' });
    expect(cards.find((c) => c.id === 'scenario:novice-cautious')).toMatchObject({ personas: ['novice', 'burned'] });
  });

  test('a card\'s hash changes when the team edits what it shows, and only that card\'s', () => {
    const edited = structuredClone(pb);
    edited.personas[3]!.tactics[0]!.text.en = 'Tell two stories from their industry.';
    const after = buildCards(edited);
    const changed = cards.filter((c, i) => c.hash !== after[i]!.hash).map((c) => c.id);
    // The burned persona card and the mix cards that include burned show its tactics.
    expect(changed).toEqual(['persona:burned', 'mix:novice+burned', 'mix:burned+expert', 'mix:expert+burned', 'mix:fast+burned', 'mix:burned+novice']);
  });

  test('contentHash: FNV-1a of the JSON, eight hex digits', () => {
    expect(contentHash('')).toBe('ffcaaa85'); // FNV-1a of the two characters "", worked out apart from this code
    expect(contentHash({ a: 1 })).toBe(contentHash({ a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });

  test.each([
    ['', 3],
    ['guarantee', 2],
    ['GUARANTEE written', 1],
    ['zazolc', 1],
    ['nothing like this', 0],
  ])('search %j finds %i cards (all words, any case, accents ignored)', (query, n) => {
    const texts = ['Offer guarantees in writing', 'A guarantee, written down', 'Zażółć gęślą jaźń'];
    expect(searchCards(texts, query, (t) => t)).toHaveLength(n);
  });
});

describe('schedule (ts-fsrs, no fuzz)', () => {
  const card = { id: 'persona:fast', hash: 'h1' };
  const run = (gradings: [Grading, number][]) => gradings.reduce((p, [g, at]) => review(p, card, g, at), freshProgress(card, T0));

  test.each<[string, [Grading, number][], { due: number; state: number; reps: number; lapses: number }]>([
    ['good on a new card: a 10-minute learning step', [['good', T0]], { due: T0 + 10 * MIN, state: 1, reps: 1, lapses: 0 }],
    ['again on a new card: back in 1 minute', [['again', T0]], { due: T0 + MIN, state: 1, reps: 1, lapses: 0 }],
    ['good, then good after 11 minutes: in review, due in 2 days', [['good', T0], ['good', T0 + 11 * MIN]], { due: T0 + 11 * MIN + 2 * DAY, state: 2, reps: 2, lapses: 0 }],
    ['easy on a new card: straight to review, 8 days', [['easy', T0]], { due: T0 + 8 * DAY, state: 2, reps: 1, lapses: 0 }],
  ])('%s', (_name, gradings, expected) => {
    const p = run(gradings);
    expect({ due: p.due, state: p.state, reps: p.reps, lapses: p.lapses }).toEqual(expected);
  });

  test('a card the team changed after it was studied is "new since you last studied" and due at once; others keep their schedule', () => {
    const cards: LearnCard[] = [
      { id: 'persona:fast', kind: 'persona', personas: ['fast'], hash: 'h2' },
      { id: 'persona:expert', kind: 'persona', personas: ['expert'], hash: 'e1' },
      { id: 'persona:novice', kind: 'persona', personas: ['novice'], hash: 'n1' },
    ];
    const later = (p: CardProgress) => ({ ...p, due: T0 + 5 * DAY, stability: 9 });
    const stored = new Map([
      ['persona:fast', later(run([['good', T0]]))],
      ['persona:expert', later({ ...freshProgress({ id: 'persona:expert', hash: 'e1' }, T0) })],
    ]);
    const statuses = cardStatuses(cards, stored, endOfLocalDay(T0, 0));
    expect(statuses.map((s) => [s.card.id, s.isNew, s.changed, s.due])).toEqual([
      ['persona:fast', false, true, true],
      ['persona:expert', false, false, false],
      ['persona:novice', true, false, true],
    ]);
    expect(statuses[0]?.progress?.stability).toBe(9);
    expect(dueToday(statuses)).toBe(1);
  });

  test.each([
    [Date.UTC(2026, 11, 1, 9), 0, Date.UTC(2026, 11, 1, 23, 59, 59, 999)],
    [Date.UTC(2026, 11, 1, 23, 30), -60, Date.UTC(2026, 11, 2, 22, 59, 59, 999)], // 00:30 on the 2nd in Warsaw (UTC+1)
  ])('end of the local day of %i at offset %i', (now, offset, expected) => {
    expect(endOfLocalDay(now, offset)).toBe(expected);
  });
});

describe('ready', () => {
  const cards: LearnCard[] = [
    { id: 'persona:burned', kind: 'persona', personas: ['burned'], hash: 'b' },
    { id: 'scenario:s1', kind: 'scenario', personas: ['burned'], hash: 's1' },
    { id: 'scenario:s2', kind: 'scenario', personas: ['expert'], hash: 's2' },
  ];
  const stable = (id: string, hash: string, stability: number): [string, CardProgress] => [id, { ...freshProgress({ id, hash }, T0), reps: 2, state: 2, stability }];
  const answers = (pattern: string): ReviewRecord[] =>
    [...pattern].map((c, i) => ({ cardId: 'scenario:s1', at: T0 + i, grading: c === '1' ? 'good' : 'again', source: 'quiz', correct: c === '1', personas: ['burned'] }));

  test.each<[string, [string, CardProgress][], ReviewRecord[], string]>([
    ['nothing studied', [], [], 'not-started'],
    ['studied, remembered for 3+ days, 4 of 5 answers right', [stable('persona:burned', 'b', 3), stable('scenario:s1', 's1', 12)], answers('11011'), 'ready'],
    ['one card remembered for only 2.3 days', [stable('persona:burned', 'b', 2.3), stable('scenario:s1', 's1', 12)], answers('11111'), 'learning'],
    ['a card changed by the team since it was studied', [stable('persona:burned', 'old', 30), stable('scenario:s1', 's1', 12)], answers('11111'), 'learning'],
    ['only 3 answers', [stable('persona:burned', 'b', 5), stable('scenario:s1', 's1', 5)], answers('111'), 'learning'],
    ['3 of the last 5 right (60%)', [stable('persona:burned', 'b', 5), stable('scenario:s1', 's1', 5)], answers('11001'), 'learning'],
    ['old mistakes beyond the last 10 answers do not count', [stable('persona:burned', 'b', 5), stable('scenario:s1', 's1', 5)], answers('0000' + '1111111111'), 'ready'],
  ])('burned: %s → %s', (_name, progress, reviews, state) => {
    expect(readiness({ kind: 'persona', id: 'burned' }, cards, new Map(progress), reviews).state).toBe(state);
  });

  test('overall: ready only when every persona and segment is', () => {
    const report = readinessReport(pb, buildCards(pb), new Map(), []);
    expect(report.overall).toBe('not-started');
    expect(report.personas.map((p) => [p.id, p.readiness.cards])).toEqual([['expert', 15], ['fast', 17], ['novice', 15], ['burned', 18]]);
    expect(report.segments.map((s) => [s.id, s.readiness.cards])).toEqual([['key', 5], ['growth', 4], ['standard', 2], ['low-touch', 3]]);
  });
});

describe('quiz', () => {
  const scenario = (id: string) => pb.learning.scenarios.find((s) => s.id === id)!;

  test('a single-persona scenario offers the four personas; only the right one is right', () => {
    const q = questionFor(scenario('rfp-with-weights'), pb);
    expect(q.choices.map((c) => c.key).sort()).toEqual(['burned', 'expert', 'fast', 'novice']);
    expect(q.answer).toBe('expert');
    expect(isRight(q, 'expert')).toBe(true);
    expect(isRight(q, 'fast')).toBe(false);
    expect(questionFor(scenario('rfp-with-weights'), pb).choices).toEqual(q.choices);
  });

  test('a mix offers the right pair, and wrong ones that test the dominant type', () => {
    const q = questionFor(scenario('novice-cautious'), pb);
    expect(q.answer).toBe('novice+burned');
    expect(q.choices).toHaveLength(4);
    expect(q.choices.map((c) => c.key)).toContain('novice+burned');
    expect(new Set(q.choices.map((c) => c.key)).size).toBe(4);
  });

  test('a segment scenario offers the four segments', () => {
    const q = questionFor(scenario('eleven-fifty-five'), pb);
    expect(q.choices.map((c) => c.key).sort()).toEqual(['growth', 'key', 'low-touch', 'standard']);
    expect(q.answer).toBe('key');
  });

  test('a round: due and changed scenarios first, then new ones in playbook order, ten in all', () => {
    const cards = buildCards(pb);
    const stored = new Map<string, CardProgress>([
      ['scenario:first-shop', { ...freshProgress({ id: 'scenario:first-shop', hash: 'x' }, T0), reps: 1, due: T0 - DAY }],
      ['scenario:rfp-with-weights', { ...freshProgress({ id: 'scenario:rfp-with-weights', hash: cards.find((c) => c.id === 'scenario:rfp-with-weights')!.hash }, T0), reps: 1, due: T0 + 3 * DAY }],
    ]);
    const round = roundOf(pb, cardStatuses(cards, stored, endOfLocalDay(T0, 0))).map((s) => s.id);
    expect(round).toEqual(['first-shop', 'friday-launch', 'vanished-agency', 'novice-cautious', 'expert-in-a-hurry', 'burned-by-incumbent', 'same-as-last-time', 'third-round-of-changes', 'six-weeks-deciding', 'security-questionnaire']);
  });
});

describe('highlight', () => {
  test.each([
    ['Our previous vendor vanished. We need guarantees in writing.', ['previous vendor', 'vanished', 'guarantee*', 'in writing'], ['previous vendor', 'vanished', 'guarantees', 'in writing']],
    ['A warranty-free deal', ['war'], []],
    ['SLA and KPIs', ['sla', 'kpi*'], ['SLA', 'KPIs']],
    ['Gwarancję na piśmie', ['gwarancj*', 'na piśmie'], ['Gwarancję', 'na piśmie']],
  ])('%j', (text, phrases, marked) => {
    const parts = splitMarked(text, findPhrases(text, phrases));
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(marked);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  test('the burned persona\'s phrases mark the default scenario of the vanished agency', () => {
    const s = pb.learning.scenarios.find((x) => x.id === 'vanished-agency')!;
    const spans = findPhrases(s.text.en!, personaPhrases(pb, ['burned'], 'en'));
    expect(spans.length).toBeGreaterThan(0);
  });
});

describe('progress', () => {
  const at = (days: number, hours = 0) => T0 - days * DAY + hours * 3_600_000;
  test.each([
    ['reviews today, yesterday and the day before', [at(0), at(1), at(2), at(4)], 3],
    ['none today yet: the streak up to yesterday holds', [at(1), at(2)], 2],
    ['a gap of a day ends it', [at(2), at(3)], 0],
    ['nothing', [], 0],
  ])('streak: %s', (_name, times, expected) => {
    expect(streak(times.map((t) => ({ at: t })), T0, 0)).toBe(expected);
  });

  test('reviews per day: the last 3 days, oldest first, zeros kept', () => {
    expect(reviewsPerDay([{ at: at(0) }, { at: at(0, 1) }, { at: at(2) }, { at: at(9) }], T0, 0, 3).map((d) => d.reviews)).toEqual([1, 0, 2]);
  });

  test('accuracy per persona per week, the current week last', () => {
    const r = (days: number, correct: boolean, personas: string[]): ReviewRecord => ({ cardId: 'x', at: at(days), grading: 'good', source: 'quiz', correct, personas });
    const reviews = [r(0, true, ['fast']), r(1, false, ['fast', 'novice']), r(8, true, ['fast']), r(0, true, ['expert'])];
    expect(accuracyByWeek(reviews, 'fast', T0, 0, 3)).toEqual([
      { weeksAgo: 2, right: 0, answers: 0 },
      { weeksAgo: 1, right: 1, answers: 1 },
      { weeksAgo: 0, right: 1, answers: 2 },
    ]);
  });
});

describe('guess first', () => {
  test.each([
    [{ primary: 'burned' }, { primary: 'burned', secondary: 'novice' }, 'agreed'],
    [{ primary: 'novice' }, { primary: 'burned', secondary: 'novice' }, 'partly'],
    [{ primary: 'fast' }, { primary: 'burned' }, 'disagreed'],
    [{ primary: 'fast' }, {}, 'no-suggestion'],
  ])('%j against %j: %s', (guess, suggestion, outcome) => {
    expect(compareGuess(guess, suggestion)).toBe(outcome);
  });

  test('a guess counts in Learn as an answer about the suggested personas', () => {
    expect(guessReview({ primary: 'fast' }, { primary: 'burned', secondary: 'novice' }, T0)).toEqual({
      cardId: 'persona:burned', at: T0, grading: 'again', source: 'guess', correct: false, personas: ['burned', 'novice'],
    });
    expect(guessReview({ primary: 'fast' }, {}, T0)).toBeUndefined();
  });
});

describe('tactic scenarios of the default playbook', () => {
  test('the next tactic among four, counted for the persona or segment that owns it', () => {
    const s = pb.learning.scenarios.find((x) => x.id === 'what-if-you-are-late')!;
    const q = questionFor(s, pb);
    expect(q.answer).toBe('burned-offer-guarantees');
    expect(q.choices.map((c) => c.key).sort()).toEqual(['burned-offer-guarantees', 'expert-big-client-references', 'fast-ready-offer', 'novice-bonus-extras']);
    expect(buildCards(pb).find((c) => c.id === 'scenario:new-prospect-same-slot')).toMatchObject({ personas: [], segment: 'key' });
  });
});
