import { describe, expect, test } from 'vitest';
import { suggestPersona, trainPersonaModel, type PersonaModel } from '../../lib/core/persona';
import { calibrate, fitIsotonic } from '../../lib/core/persona/calibration';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { parsePlaybook } from '../../lib/playbook/schema';
import small from '../fixtures/playbooks/small.json';

// The shown confidence is calibrated (lib/core/persona/calibration.ts): a mapping from the raw
// score to how often such a suggestion is right, learned by cross-validation over the
// playbook's own examples.

describe('isotonic fit, computed by hand', () => {
  // Sorted by raw: 0.1 wrong | 0.2 right, 0.3 wrong (pooled: 1 of 2) | 0.4 right, 0.5 right (2 of 2).
  // Knots at each block's mean raw value; rates smoothed by (right + 1) / (n + 2): 1/3, 2/4, 3/4.
  const fitted = fitIsotonic([
    { raw: 0.3, right: false },
    { raw: 0.1, right: false },
    { raw: 0.5, right: true },
    { raw: 0.2, right: true },
    { raw: 0.4, right: true },
  ]);

  test('pools adjacent violators into a non-decreasing step per block', () => {
    expect(fitted).toEqual({ raw: [0.1, 0.25, 0.45], calibrated: [0.3333, 0.5, 0.75] });
  });

  test('interpolates between knots and stays flat beyond the ends', () => {
    expect(calibrate(fitted, 0.35)).toBeCloseTo(0.625, 6);
    expect(calibrate(fitted, 0.05)).toBe(0.3333);
    expect(calibrate(fitted, 0.9)).toBe(0.75);
  });

  test('an empty mapping is the identity', () => {
    expect(calibrate({ raw: [], calibrated: [] }, 0.42)).toBe(0.42);
    expect(calibrate(undefined, 0.42)).toBe(0.42);
  });
});

describe('calibrated suggestions of the default playbook', () => {
  test('a plainly new-to-the-topic buyer is shown as very likely, not "56 % sure" as before calibration', () => {
    const s = suggestPersona('Sorry, this is all new to me. What exactly is a discovery phase and what would you need from us?', {}, DEFAULT_PLAYBOOK);
    expect(s.primary).toBe('novice');
    expect(s.confidence).toBeGreaterThanOrEqual(0.9);
  });

  test('a clear burned buyer is shown as very likely (85 % before calibration)', () => {
    const s = suggestPersona('Ostatnia agencja wzięła zaliczkę i zniknęła. Jakie dajecie gwarancje i kary umowne?', {}, DEFAULT_PLAYBOOK);
    expect(s.primary).toBe('burned');
    expect(s.confidence).toBeGreaterThanOrEqual(0.9);
  });

  test('the cut-off still applies to the raw score: a logistics email gets no persona', () => {
    const s = suggestPersona('Please find attached the invoice for October. Payment is due in 14 days.', {}, DEFAULT_PLAYBOOK);
    expect(s.primary).toBeUndefined();
    expect(s.confidence).toBe(0);
  });

  test('the stored mapping is small, non-decreasing and within 0..1', () => {
    const { calibration } = trainPersonaModel(DEFAULT_PLAYBOOK);
    expect(calibration.raw.length).toBe(calibration.calibrated.length);
    expect(calibration.raw.length).toBeGreaterThan(3);
    expect(calibration.raw.length).toBeLessThan(200);
    for (let i = 1; i < calibration.raw.length; i++) {
      expect(calibration.raw[i]).toBeGreaterThan(calibration.raw[i - 1]!);
      expect(calibration.calibrated[i]).toBeGreaterThanOrEqual(calibration.calibrated[i - 1]!);
    }
    expect(Math.min(...calibration.calibrated)).toBeGreaterThan(0);
    expect(Math.max(...calibration.calibrated)).toBeLessThan(1);
  });
});

describe('calibration and the stored model', () => {
  test('a playbook with too few examples to cross-validate keeps the raw confidence', () => {
    const parsed = parsePlaybook(small);
    if (!parsed.ok) throw new Error('the small fixture playbook does not parse');
    expect(trainPersonaModel(parsed.playbook).calibration).toEqual({ raw: [], calibrated: [] });
  });

  test('a model stored by the previous Playcard (format 2, no calibration) is retrained, not shown uncalibrated', () => {
    const text = 'Sorry, this is all new to me. What exactly is a discovery phase and what would you need from us?';
    const { calibration: _dropped, ...rest } = trainPersonaModel(DEFAULT_PLAYBOOK);
    const previous = { ...rest, format: 2 } as unknown as PersonaModel;
    expect(suggestPersona(text, {}, DEFAULT_PLAYBOOK, previous).confidence).toBeGreaterThanOrEqual(0.9);
  });
});
