import { describe, expect, test } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { CORPUS_LANGUAGES, corpusFile, independentCases, loadCorpus, NEUTRAL } from '../persona-corpus/corpus';
import {
  accuracyBy,
  calibrationError,
  confusionMatrix,
  neutralFalsePositives,
  primaryAccuracy,
  reliability,
  secondaryScores,
  type Outcome,
} from '../persona-corpus/metrics';
import { evaluationSentencesIn, playbookToMeasure, replaceResults } from '../../scripts/eval-persona';

const personaIds = DEFAULT_PLAYBOOK.personas.map((p) => p.id);

describe('the persona corpus is well-formed', () => {
  const corpus = loadCorpus();

  test.each(CORPUS_LANGUAGES)('%s: 62 texts (13 per persona, 10 neutral), 14 of them mixes', (lang) => {
    const items = corpusFile(lang);
    expect(items).toHaveLength(62);
    const count = (label: string) => items.filter((i) => i.persona === label).length;
    expect([count('expert'), count('fast'), count('novice'), count('burned'), count(NEUTRAL)]).toEqual([13, 13, 13, 13, 10]);
    expect(items.filter((i) => i.secondary).length).toBe(14);
    expect(items.every((i) => i.lang === lang)).toBe(true);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['email', 'note']));
  });

  test('at least 300 texts, at least 20 % mixes, at least 40 neutral', () => {
    expect(corpus).toHaveLength(310);
    const mixes = corpus.filter((i) => i.secondary).length;
    expect(mixes).toBe(70);
    expect(mixes / corpus.length).toBeGreaterThanOrEqual(0.2);
    expect(corpus.filter((i) => i.persona === NEUTRAL).length).toBe(50);
  });

  test('ids and texts are unique', () => {
    expect(new Set(corpus.map((i) => i.id)).size).toBe(corpus.length);
    expect(new Set(corpus.map((i) => i.text)).size).toBe(corpus.length);
  });

  test("labels are the default playbook's personas (or none for the primary)", () => {
    expect(personaIds).toEqual(['expert', 'fast', 'novice', 'burned']);
    for (const item of corpus) {
      expect([...personaIds, NEUTRAL]).toContain(item.persona);
      if (item.secondary) expect(personaIds).toContain(item.secondary);
    }
  });

  // The split is stored with each text, not drawn at run time; these are the dev ids as written.
  // The same situation sits at the same number in en and pl (they are parallel), so it never
  // straddles the split.
  test.each([
    ['en', '002 004 006 008 011 013 015 018 019 023 024 026 028 031 032 035 038 041 044 045 049 051 054 056 059 061'],
    ['pl', '002 004 006 010 011 013 015 018 019 023 024 026 028 031 032 035 038 041 044 045 049 051 054 056 059 061'],
    ['ru', '002 005 006 010 011 013 015 018 019 023 024 026 028 031 032 035 038 041 044 045 049 051 054 056 059 061'],
    ['ro', '002 005 006 010 011 013 015 018 019 023 024 026 028 031 032 035 038 041 044 045 049 051 054 056 059 061'],
    ['it', '002 004 006 010 011 013 015 018 019 023 024 026 028 031 032 035 038 041 044 045 049 051 054 056 059 061'],
  ] as const)('%s: the dev split is fixed (26 dev, 36 test)', (lang, dev) => {
    const items = corpusFile(lang);
    expect(items.filter((i) => i.split === 'dev').map((i) => i.id.slice(3)).join(' ')).toBe(dev);
    expect(items.filter((i) => i.split === 'test')).toHaveLength(36);
  });

  test('the split is stratified: every language × label has texts on both sides, about 40 % dev', () => {
    for (const lang of CORPUS_LANGUAGES) {
      for (const label of [...personaIds, NEUTRAL]) {
        const group = corpusFile(lang).filter((i) => i.persona === label);
        const dev = group.filter((i) => i.split === 'dev').length;
        expect(dev / group.length, `${lang} ${label}`).toBeGreaterThanOrEqual(0.35);
        expect(dev / group.length, `${lang} ${label}`).toBeLessThanOrEqual(0.5);
      }
    }
  });

  test('the independent set loads: 66 texts, 6 neutral, labels are playbook personas', () => {
    const cases = independentCases();
    expect(cases).toHaveLength(66);
    expect(cases.filter((c) => c.persona === NEUTRAL)).toHaveLength(6);
    expect(cases.filter((c) => c.secondary)).toHaveLength(9);
    for (const c of cases) expect([...personaIds, NEUTRAL]).toContain(c.persona);
  });

  // Evaluation texts must never become training data: no sentence of either set may appear in
  // the playbook the model is trained from (examples, neutral examples, signals, anywhere).
  test('no evaluation sentence is in the default playbook', () => {
    const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
    const playbookText = fold(JSON.stringify(DEFAULT_PLAYBOOK).replace(/\\n/g, ' '));
    const sentences = [...corpus.map((i) => i.text), ...independentCases().map((c) => c.text)]
      .flatMap((text) => text.split(/(?<=[.!?])\s+|\n+/))
      .map(fold)
      .filter((s) => s.length >= 40);
    expect(sentences.length).toBeGreaterThan(500);
    expect(sentences.filter((s) => playbookText.includes(s))).toEqual([]);
  });
});

describe('eval:persona -- --playbook=FILE measures another playbook, never one trained on evaluation texts', () => {
  test('without the option it measures the default playbook', () => {
    expect(playbookToMeasure(['--dev-only'])).toBe(DEFAULT_PLAYBOOK);
  });

  test('with it, the playbook in the file, parsed (defaults filled in)', () => {
    const playbook = playbookToMeasure(['--dev-only', '--playbook=test/fixtures/playbooks/small.json']);
    expect([playbook.id, playbook.version]).toEqual(['small-test', '2026.01-1']);
    expect(playbook.personaSuggestion.minConfidence).toBe(0.35);
  });

  test('a file that is not a playbook is refused with the reason', () => {
    expect(() => playbookToMeasure(['--playbook=draft.json'], () => '{"id": "draft"}')).toThrow(/draft\.json is not a valid playbook: .*schemaVersion/);
  });

  test('a playbook holding a sentence of the corpus is caught, whatever its case and spacing', () => {
    expect(evaluationSentencesIn(DEFAULT_PLAYBOOK)).toEqual([]);
    const copied = 'Demo done for Ellis & Co (law firm, 220 lawyers).';
    const leaky = structuredClone(DEFAULT_PLAYBOOK);
    leaky.personas[0]!.examples.en!.push(`  ${copied.toUpperCase().replace(' ', '   ')}`);
    expect(evaluationSentencesIn(leaky)).toEqual(['demo done for ellis & co (law firm, 220 lawyers).']);
  });
});

describe('metric functions on a toy table computed by hand', () => {
  // id, lang, label (+secondary), shown (+secondary), confidence; ✓ = primary right.
  const toy: Outcome[] = [
    { id: 'a', lang: 'en', gold: 'expert', predicted: 'expert', confidence: 0.85 }, // ✓
    { id: 'b', lang: 'en', gold: 'expert', predicted: 'burned', confidence: 0.55 },
    { id: 'c', lang: 'en', gold: 'fast', confidence: 0.2 }, // no suggestion
    { id: 'd', lang: 'pl', gold: 'none', confidence: 0.1 }, // ✓ no suggestion
    { id: 'e', lang: 'pl', gold: 'none', predicted: 'novice', confidence: 0.42 }, // neutral false positive
    { id: 'f', lang: 'ru', gold: 'burned', goldSecondary: 'novice', predicted: 'burned', predictedSecondary: 'novice', confidence: 0.81 }, // ✓
    { id: 'g', lang: 'ru', gold: 'novice', goldSecondary: 'burned', predicted: 'burned', predictedSecondary: 'novice', confidence: 0.58 },
    { id: 'h', lang: 'ru', gold: 'fast', predicted: 'fast', predictedSecondary: 'expert', confidence: 0.47 }, // ✓
  ];

  test('accuracy overall, per language and per label', () => {
    expect(primaryAccuracy(toy)).toEqual({ n: 8, right: 4, rate: 0.5 });
    const byLang = accuracyBy(toy, (o) => o.lang);
    expect([...byLang.keys()]).toEqual(['en', 'pl', 'ru']);
    expect(byLang.get('en')).toMatchObject({ n: 3, right: 1 });
    expect(byLang.get('pl')).toMatchObject({ n: 2, right: 1 });
    expect(byLang.get('ru')).toMatchObject({ n: 3, right: 2 });
    const byLabel = accuracyBy(toy, (o) => o.gold, ['expert', 'fast', 'novice', 'burned', 'none']);
    expect([...byLabel].map(([k, t]) => `${k} ${t.right}/${t.n}`)).toEqual(['expert 1/2', 'fast 1/2', 'novice 0/1', 'burned 1/1', 'none 1/2']);
  });

  test('confusion matrix: rows are labels, columns what was shown, none = no suggestion', () => {
    expect(confusionMatrix(toy, ['expert', 'fast', 'novice', 'burned', 'none'])).toEqual({
      rows: ['expert', 'fast', 'novice', 'burned', 'none'],
      columns: ['expert', 'fast', 'novice', 'burned', 'none'],
      counts: [
        [1, 0, 0, 1, 0],
        [0, 1, 0, 0, 1],
        [0, 0, 0, 1, 0],
        [0, 0, 0, 1, 0],
        [0, 0, 1, 0, 1],
      ],
    });
  });

  test('neutral false positives and mixes', () => {
    expect(neutralFalsePositives(toy)).toEqual({ n: 2, right: 1, rate: 0.5 });
    expect(secondaryScores(toy)).toEqual({ mixes: 2, found: 1, bothInEitherRole: 2, singleWithSecondary: 1, single: 4 });
  });

  test('reliability buckets hold only shown suggestions; calibration error weights by count', () => {
    const buckets = reliability(toy, [0, 0.5, 0.8, 1]);
    expect(buckets.map((b) => b.count)).toEqual([2, 2, 2]);
    expect(buckets[0]!.meanConfidence).toBeCloseTo(0.445, 10);
    expect(buckets[0]!.accuracy).toBe(0.5);
    expect(buckets[1]!.meanConfidence).toBeCloseTo(0.565, 10);
    expect(buckets[1]!.accuracy).toBe(0);
    expect(buckets[2]!.meanConfidence).toBeCloseTo(0.83, 10);
    expect(buckets[2]!.accuracy).toBe(1);
    // (0.055 + 0.565 + 0.17) / 3
    expect(calibrationError(buckets)).toBeCloseTo(0.263333, 5);
  });

  test('a bucket includes its lower edge; the last one also includes 100 %', () => {
    const at = (confidence: number): Outcome => ({ id: String(confidence), lang: 'en', gold: 'fast', predicted: 'fast', confidence });
    expect(reliability([at(0.5), at(1)], [0, 0.5, 1]).map((b) => b.count)).toEqual([0, 2]);
    expect(reliability([at(0.4999)], [0, 0.5, 1]).map((b) => b.count)).toEqual([1, 0]);
  });
});

describe('eval:persona --write', () => {
  test('replaces only what sits between the results markers', () => {
    const start = '<!-- eval:persona results start (written by `npm run eval:persona -- --write`) -->';
    const end = '<!-- eval:persona results end -->';
    const doc = `# Title\n\n## Results\n\n${start}\nold figures\n${end}\n\nAfter.\n`;
    expect(replaceResults(doc, 'new figures')).toBe(`# Title\n\n## Results\n\n${start}\n\nnew figures\n\n${end}\n\nAfter.\n`);
    expect(() => replaceResults('# no markers', 'x')).toThrow(/markers/);
  });
});
