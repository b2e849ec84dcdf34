import { describe, expect, test } from 'vitest';
import defaultJson from '../../lib/playbook/default-playbook.json';
import { parsePlaybook } from '../../lib/playbook/schema';

const withScenarios = (scenarios: unknown[]) => ({ ...structuredClone(defaultJson), learning: { scenarios } });
const text = { en: 'An account.' };
const why = { en: 'Because.' };

describe('learning scenarios: persona, segment and tactic kinds', () => {
  test('a persona scenario written before kinds existed (no kind) stays valid and unchanged', () => {
    const result = parsePlaybook(withScenarios([{ id: 'old', text, persona: 'burned', secondary: 'novice', why }]));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.playbook.learning.scenarios[0]).toEqual({ id: 'old', text, persona: 'burned', secondary: 'novice', why });
  });

  test('a segment scenario and a tactic scenario that name things that exist are valid', () => {
    const result = parsePlaybook(
      withScenarios([
        { id: 'seg', kind: 'segment', text, segment: 'growth', answers: { potential: 'high', 'share-of-wallet': 'low' }, why },
        { id: 'tac', kind: 'tactic', text, tactic: 'burned-offer-guarantees', choices: ['fast-ready-offer', 'novice-bonus-extras'], why },
      ]),
    );
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  test.each([
    ['a segment scenario without its segment', { id: 's', kind: 'segment', text, why }, 'learning.scenarios[0].segment', /segment scenario names its segment/],
    ['an unknown segment', { id: 's', kind: 'segment', text, segment: 'platinum', why }, 'learning.scenarios[0].segment', /no segment "platinum"/],
    ['an answer naming an unknown criterion', { id: 's', kind: 'segment', text, segment: 'key', answers: { headcount: 'large' }, why }, 'learning.scenarios[0].answers.headcount', /no criterion "headcount"/],
    ['an answer naming an unknown option', { id: 's', kind: 'segment', text, segment: 'key', answers: { potential: 'huge' }, why }, 'learning.scenarios[0].answers.potential', /has no option "huge"/],
    ['a tactic scenario without choices', { id: 's', kind: 'tactic', text, tactic: 'fast-ready-offer', why }, 'learning.scenarios[0].choices', /other tactics/],
    ['an unknown tactic', { id: 's', kind: 'tactic', text, tactic: 'sing-a-song', choices: ['fast-ready-offer'], why }, 'learning.scenarios[0].tactic', /no tactic "sing-a-song"/],
    ['an unknown tactic among the choices', { id: 's', kind: 'tactic', text, tactic: 'fast-ready-offer', choices: ['dance'], why }, 'learning.scenarios[0].choices[0]', /no tactic "dance"/],
    ['a persona scenario without its persona', { id: 's', text, why }, 'learning.scenarios[0].persona', /persona scenario names its persona/],
    ['an unknown kind', { id: 's', kind: 'riddle', text, persona: 'fast', why }, 'learning.scenarios[0].kind', /./],
  ])('rejects %s', (_name, scenario, path, message) => {
    const result = parsePlaybook(withScenarios([scenario]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});
