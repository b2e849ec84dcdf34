import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { assessSegment } from '../../lib/core/segment';
import { LANGUAGES, WHEN, parsePlaybook, type Playbook } from '../../lib/playbook/schema';

const path = fileURLToPath(new URL('../../lib/playbook/default-playbook.json', import.meta.url));
const fileText = readFileSync(path, 'utf8');
const raw: unknown = JSON.parse(fileText);

function load(): Playbook {
  const result = parsePlaybook(raw);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.playbook;
}
const playbook = load();

describe('default playbook', () => {
  test('passes parsePlaybook', () => {
    expect(parsePlaybook(raw)).toMatchObject({ ok: true });
    expect(playbook.schemaVersion).toBe(1);
    expect(playbook.id).toBe('default');
    expect(playbook.fallbackLanguage).toBe('en');
    expect(playbook.version).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
  });

  test('is stored in canonical format: the parsed playbook, every default spelled out, 2-space JSON', () => {
    // Extension pages use the file without zod, so it must already be what parsePlaybook returns.
    expect(fileText).toBe(`${JSON.stringify(playbook, null, 2)}\n`);
  });

  test('has exactly the four personas of the seeds', () => {
    expect(playbook.personas.map((p) => p.id)).toEqual(['expert', 'fast', 'novice', 'burned']);
  });

  test.each(['expert', 'fast', 'novice', 'burned'])('persona %s is complete', (id) => {
    const persona = playbook.personas.find((p) => p.id === id);
    expect(persona).toBeDefined();
    if (!persona) return;
    expect(persona.summary.en).toBeTruthy();
    expect(persona.traits.length).toBeGreaterThanOrEqual(3);
    expect(persona.avoid.length).toBeGreaterThanOrEqual(3);
    expect(persona.colour).toMatch(/^#[0-9a-f]{6}$/i);
    for (const when of WHEN) expect(persona.tactics.some((t) => t.when === when)).toBe(true);
    for (const tactic of persona.tactics) {
      expect(tactic.id.startsWith(`${id}-`)).toBe(true);
      expect(tactic.why?.en).toBeTruthy();
    }
    for (const language of LANGUAGES) {
      const examples = persona.examples[language] ?? [];
      expect(examples.length, `${id} examples in ${language}`).toBeGreaterThanOrEqual(15);
      expect(examples.length, `${id} examples in ${language}`).toBeLessThanOrEqual(50);
      expect(new Set(examples).size).toBe(examples.length);
    }
    const patternSignals = persona.signals.filter((s) => s.patterns);
    expect(patternSignals.length).toBeGreaterThanOrEqual(3);
    for (const signal of patternSignals)
      for (const language of LANGUAGES) expect(signal.patterns?.[language]?.length, `${signal.id} in ${language}`).toBeGreaterThan(0);
    expect(persona.signals.some((s) => s.fact)).toBe(true);
  });

  test('tactic ids are unique across the whole playbook', () => {
    const ids = [
      ...playbook.segmentation.segments.flatMap((s) => s.tactics.map((t) => t.id)),
      ...playbook.personas.flatMap((p) => p.tactics.map((t) => t.id)),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('persona neutral examples exist in every language', () => {
    for (const language of LANGUAGES)
      expect(playbook.personaSuggestion.neutralExamples[language]?.length ?? 0).toBeGreaterThanOrEqual(15);
    expect(playbook.personaSuggestion.minConfidence).toBeGreaterThan(0);
    expect(playbook.personaSuggestion.secondaryRatio).toBeGreaterThan(0);
  });

  test('every criterion the rep may be asked has a question', () => {
    for (const criterion of playbook.segmentation.criteria) {
      if (criterion.ask) expect(criterion.question?.en, criterion.id).toBeTruthy();
    }
  });

  test('both segmentation models are present: fact criteria with points and the potential × share-of-wallet matrix', () => {
    const criteria = new Map(playbook.segmentation.criteria.map((c) => [c.id, c]));
    for (const fact of ['employees', 'annualRevenue', 'wonDeals', 'openDeals'])
      expect(playbook.segmentation.criteria.some((c) => c.fact === fact), fact).toBe(true);
    expect(criteria.get('won-deals')?.ask).toBe(false);
    expect(criteria.get('potential')?.options.map((o) => o.id)).toEqual(['high', 'medium', 'low']);
    expect(criteria.get('share-of-wallet')?.options.map((o) => o.id)).toEqual(['high', 'medium', 'low']);
  });

  test('the matrix covers all 9 cells exactly once', () => {
    const matrix = playbook.segmentation.matrix;
    expect(matrix).toBeDefined();
    if (!matrix) return;
    const cells = matrix.cells.map((c) => `${c.row}/${c.column}`);
    expect(new Set(cells).size).toBe(9);
    for (const row of ['high', 'medium', 'low'])
      for (const column of ['high', 'medium', 'low']) expect(cells).toContain(`${row}/${column}`);
    const segment = (row: string, column: string) => matrix.cells.find((c) => c.row === row && c.column === column)?.segment;
    expect(segment('high', 'high')).toBe('key');
    expect(segment('low', 'low')).toBe('low-touch');
  });

  test('segments: thresholds are reachable and ordered, each has a service level and tactics', () => {
    const segments = playbook.segmentation.segments;
    expect(segments.length).toBeGreaterThanOrEqual(3);
    expect(segments.length).toBeLessThanOrEqual(4);
    const maxPoints = playbook.segmentation.criteria.reduce((sum, c) => sum + Math.max(...c.options.map((o) => o.points)), 0);
    const minima = segments.map((s) => s.minPoints);
    expect(minima).toEqual([...minima].sort((a, b) => b - a));
    expect(Math.min(...minima)).toBe(0);
    expect(Math.max(...minima)).toBeLessThan(maxPoints);
    for (const segment of segments) {
      expect(segment.serviceLevel.owner.en).toBeTruthy();
      expect(segment.tactics.length).toBeGreaterThanOrEqual(3);
    }
    expect(segments.find((s) => s.id === 'key')?.serviceLevel.touch).toBe('high');
    expect(segments.find((s) => s.id === 'low-touch')?.serviceLevel.touch).toBe('low');
  });

  test('learning scenarios: at least 40, of which at least 8 about segments, each naming a segment that exists and answers that give it', () => {
    const scenarios = playbook.learning.scenarios;
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    const segmentScenarios = scenarios.filter((s) => s.kind === 'segment');
    expect(segmentScenarios.length).toBeGreaterThanOrEqual(8);
    // The answer was checked by hand against the seeds; assessSegment must agree, or the explanation would contradict the quiz.
    const expected: Record<string, string> = {
      'mystery-shopper-key': 'key',
      'eleven-fifty-five': 'key',
      'web-form-one-off': 'low-touch',
      'big-potential-small-share': 'growth',
      'loyal-small-client': 'low-touch',
      'medium-steady': 'standard',
      'points-before-matrix': 'growth',
      'moved-up-to-key': 'key',
    };
    for (const s of segmentScenarios) {
      if (expected[s.id]) expect(s.segment, s.id).toBe(expected[s.id]);
      expect(assessSegment({}, s.answers ?? {}, playbook).segment.id, `${s.id}: its answers give its segment`).toBe(s.segment);
    }
  });

  test('learning scenarios: at least 6 per persona and 8 mixes, each naming personas that exist', () => {
    const scenarios = playbook.learning.scenarios;
    const personaIds = new Set(playbook.personas.map((p) => p.id));
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
    for (const s of scenarios.filter((s) => (s.kind ?? 'persona') === 'persona')) {
      expect(personaIds.has(s.persona ?? ''), `${s.id}: persona ${s.persona}`).toBe(true);
      if (s.secondary !== undefined) {
        expect(personaIds.has(s.secondary), `${s.id}: secondary ${s.secondary}`).toBe(true);
        expect(s.secondary, `${s.id}: a mix names two different personas`).not.toBe(s.persona);
      }
    }
    for (const id of ['expert', 'fast', 'novice', 'burned']) {
      const single = scenarios.filter((s) => s.persona === id && s.secondary === undefined);
      expect(single.length, `scenarios with ${id} alone`).toBeGreaterThanOrEqual(6);
    }
    const mixes = scenarios.filter((s) => s.secondary !== undefined);
    expect(mixes.length).toBeGreaterThanOrEqual(8);
    const pairs = new Set(mixes.map((s) => `${s.persona}+${s.secondary}`));
    for (const pair of ['novice+burned', 'expert+fast', 'burned+expert', 'fast+novice']) expect(pairs, pair).toContain(pair);
  });

  test('every text a rep reads is written in all five languages', () => {
    const found: string[] = [];
    const missing: string[] = [];
    walkLocalTexts(playbook, '', (path, text) => {
      found.push(path);
      const absent = LANGUAGES.filter((language) => !text[language]?.trim());
      if (absent.length) missing.push(`${path} (${absent.join(', ')})`);
    });
    // The walk is generic; these prove it reaches every kind of text, not just the top.
    for (const path of [
      'name',
      'segmentation.criteria[0].label',
      'segmentation.criteria[0].question',
      'segmentation.criteria[9].options[0].label',
      'segmentation.segments[0].description',
      'segmentation.segments[3].serviceLevel.channel',
      'segmentation.segments[1].tactics[0].why',
      'personas[3].summary',
      'personas[3].traits[0]',
      'personas[3].signals[0].label',
      'personas[3].avoid[4]',
      'learning.scenarios[0].text',
    ])
      expect(found).toContain(path);
    expect(missing, `texts missing a language:\n${missing.join('\n')}`).toEqual([]);
  });

  test('persona and segment names are the glossary’s terms in every language', () => {
    const glossary = readFileSync(fileURLToPath(new URL('../../docs/glossary.md', import.meta.url)), 'utf8');
    // Table rows such as "| `key` | Key account | Klient kluczowy | ... |", columns in LANGUAGES order.
    const rows = new Map<string, string[]>();
    for (const line of glossary.split('\n')) {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      const id = /^`([a-z0-9-]+)`$/.exec(cells[0] ?? '')?.[1];
      if (id) rows.set(id, cells.slice(1));
    }
    const named = [...playbook.personas, ...playbook.segmentation.segments];
    for (const { id, label } of named) {
      expect(rows.get(id), `glossary row for ${id}`).toBeDefined();
      expect(LANGUAGES.map((language) => label[language])).toEqual(rows.get(id));
    }
    expect(rows.get('burned')).toEqual(['Burned', 'Sparzony', 'Обжёгшийся', 'Pățit', 'Scottato']);
    expect(rows.get('key')).toEqual(['Key account', 'Klient kluczowy', 'Ключевой клиент', 'Client cheie', 'Cliente chiave']);
  });
});

/** Calls `visit` for every LocalText (an object of language code → string) under `value`. */
function walkLocalTexts(value: unknown, path: string, visit: (path: string, text: Record<string, string | undefined>) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walkLocalTexts(item, `${path}[${index}]`, visit));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const entries = Object.entries(value);
  const isLocalText =
    entries.length > 0 && entries.every(([key, text]) => /^[a-z]{2}(-[A-Z]{2})?$/.test(key) && typeof text === 'string');
  if (isLocalText) {
    visit(path, value as Record<string, string>);
    return;
  }
  for (const [key, child] of entries) walkLocalTexts(child, path ? `${path}.${key}` : key, visit);
}
