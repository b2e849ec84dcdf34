import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
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
      expect(examples.length, `${id} examples in ${language}`).toBeLessThanOrEqual(30);
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

  test('learning scenarios: 8–12, with mixes', () => {
    const scenarios = playbook.learning.scenarios;
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
    expect(scenarios.length).toBeLessThanOrEqual(12);
    for (const id of ['expert', 'fast', 'novice', 'burned']) expect(scenarios.some((s) => s.persona === id)).toBe(true);
    expect(scenarios.some((s) => s.persona === 'novice' && s.secondary === 'burned')).toBe(true);
  });
});
