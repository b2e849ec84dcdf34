import { describe, expect, test, vi } from 'vitest';
import { assessAccount, type AssessInput, type PersonaSuggestionLike } from '../../lib/core/assess';
import { buildChecklist } from '../../lib/core/checklist';
import type { Facts } from '../../lib/core/facts';
import { assessSegment } from '../../lib/core/segment';
import { parsePlaybook, type Playbook } from '../../lib/playbook/schema';
import smallJson from '../fixtures/playbooks/small.json';

function load(json: unknown): Playbook {
  const result = parsePlaybook(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.playbook;
}

const playbook = load(smallJson);
const facts: Facts = { employees: 1200, annualRevenue: 20_000_000, industry: 'Manufacturing' };
const text = 'We compared three vendors and need the delivery record before we talk price.';

describe('assessAccount: which persona', () => {
  test.each<[string, AssessInput['personaOverride'], PersonaSuggestionLike, { primary?: string; secondary?: string; chosenBy: string }]>([
    ['suggestion used when the rep chose nothing', undefined, { primary: 'expert', secondary: 'fast', confidence: 0.8 }, { primary: 'expert', secondary: 'fast', chosenBy: 'suggestion' }],
    ['override beats a confident suggestion', { primary: 'fast' }, { primary: 'expert', confidence: 0.95 }, { primary: 'fast', chosenBy: 'rep' }],
    ['override with a secondary', { primary: 'fast', secondary: 'expert' }, { primary: 'expert', confidence: 0.9 }, { primary: 'fast', secondary: 'expert', chosenBy: 'rep' }],
    ['override beats no suggestion', { primary: 'expert' }, { confidence: 0 }, { primary: 'expert', chosenBy: 'rep' }],
    ['override naming a removed persona falls back to the suggestion', { primary: 'burned', secondary: 'fast' }, { primary: 'expert', confidence: 0.7 }, { primary: 'expert', chosenBy: 'suggestion' }],
    ['removed override and no suggestion: none', { primary: 'burned' }, { confidence: 0 }, { chosenBy: 'none' }],
    ['override keeps its primary, drops a removed secondary', { primary: 'fast', secondary: 'novice' }, { confidence: 0 }, { primary: 'fast', chosenBy: 'rep' }],
    ['override secondary equal to primary is dropped', { primary: 'fast', secondary: 'fast' }, { confidence: 0 }, { primary: 'fast', chosenBy: 'rep' }],
    // suggestPersona applies minConfidence (0.35) to its raw confidence and leaves the primary
    // out below it; the confidence it reports is calibrated, another scale, not re-checked.
    ['a primary with a calibrated confidence below minConfidence is still used', undefined, { primary: 'expert', confidence: 0.2 }, { primary: 'expert', chosenBy: 'suggestion' }],
    ['no primary (below the cut-off) is not used, whatever the confidence', undefined, { confidence: 0.62 }, { chosenBy: 'none' }],
    ['suggestion naming an unknown persona is not used', undefined, { primary: 'novice', confidence: 0.9 }, { chosenBy: 'none' }],
    ['suggestion with an unknown secondary keeps its primary', undefined, { primary: 'fast', secondary: 'novice', confidence: 0.6 }, { primary: 'fast', chosenBy: 'suggestion' }],
    ['neutral text: no suggestion', undefined, { confidence: 0.1 }, { chosenBy: 'none' }],
  ])('%s', (_name, personaOverride, suggestion, expected) => {
    const result = assessAccount({ facts, answers: {}, text, personaOverride }, playbook, () => suggestion);
    const { suggestion: reported, ...persona } = result.persona;
    expect(persona).toEqual(expected);
    // The suggestion is always reported as made, so the panel can show it next to the rep's choice.
    expect(reported).toBe(suggestion);
  });
});

describe('assessAccount: segment and checklist', () => {
  test('passes text, facts and playbook to the suggester and keeps its extra fields', () => {
    const suggest = vi.fn((_t: string, _f: Facts, _p: Playbook) => ({ primary: 'expert', confidence: 0.9, evidence: ['vendors'] }));
    const result = assessAccount({ facts, answers: {}, text }, playbook, suggest);
    expect(suggest).toHaveBeenCalledWith(text, facts, playbook);
    expect(result.persona.suggestion.evidence).toEqual(['vendors']);
  });

  test.each<[string, Facts, Record<string, string>, AssessInput['personaOverride'], PersonaSuggestionLike, string, string[]]>([
    [
      'matrix key account, suggested expert',
      facts,
      { wallet: 'low' },
      undefined,
      { primary: 'expert', confidence: 0.8 },
      'key',
      ['expert-before-cases', 'key-before-plan', 'expert-during-process', 'expert-after-summary', 'key-after-review'],
    ],
    [
      'rep overrides to fast on a standard account',
      { employees: 200, annualRevenue: 2_000_000, industry: 'Logistics' },
      {},
      { primary: 'fast' },
      { primary: 'expert', confidence: 0.8 },
      'standard',
      ['fast-before-slot', 'fast-during-decide', 'standard-during-upsell'],
    ],
    [
      'small account (the rep answered the rest), no persona: segment tactics only',
      { employees: 5 },
      { potential: 'low', wallet: 'low' },
      undefined,
      { confidence: 0 },
      'small',
      ['small-after-portal'],
    ],
  ])('%s', (_name, accountFacts, answers, personaOverride, suggestion, segmentId, checklistIds) => {
    const result = assessAccount({ facts: accountFacts, answers, text, personaOverride }, playbook, () => suggestion);
    expect(result.segment).toEqual(assessSegment(accountFacts, answers, playbook));
    expect(result.segment.segment.id).toBe(segmentId);
    expect(result.checklist.map((i) => i.id)).toEqual(checklistIds);
    expect(result.checklist).toEqual(
      buildChecklist(segmentId, { primary: result.persona.primary, secondary: result.persona.secondary }, playbook),
    );
  });

  test('an unscored account lists only the persona’s tactics: the lowest segment it falls back to is no verdict', () => {
    // One fact, whose best option (30) cannot reach the second segment (40): "Not scored yet".
    const result = assessAccount({ facts: { employees: 5 }, answers: {}, text }, playbook, () => ({ primary: 'expert', confidence: 0.8 }));
    expect(result.standing.scored).toBe(false);
    expect(result.segment.segment.id).toBe('small');
    expect(result.checklist.map((i) => i.id)).toEqual(['expert-before-cases', 'expert-during-process', 'expert-after-summary']);
    // Without a persona either, there is nothing to list yet (before: the small segment's tactic).
    expect(assessAccount({ facts: { employees: 5 }, answers: {}, text }, playbook, () => ({ confidence: 0 })).checklist).toEqual([]);
  });
});
