import { describe, expect, test } from 'vitest';
import { decide, trainDecision, type DecisionExample, type DecisionFigures } from '../../lib/core/persona/decision';

// The decision (lib/core/persona/decision.ts) reads 10 figures per persona and 8 for "none";
// these examples set only the first persona figure (log1p of its points) and the first "none"
// figures, so what it should learn can be worked out by hand.
const PERSONA_FIGURES = 10;
const NONE_FIGURES = 8;

function figures(points: number[], logistics: number): DecisionFigures {
  const persona = new Float64Array(points.length * PERSONA_FIGURES);
  points.forEach((p, i) => (persona[i * PERSONA_FIGURES] = Math.log1p(p)));
  const none = new Float64Array(NONE_FIGURES);
  none[0] = 1;
  none[1] = logistics;
  return { persona, none };
}

describe('the persona-or-none decision, trained on hand-made figures', () => {
  // Three personas. A persona text gives its persona 3 points and the others 0 or 1, and is
  // read as 10 % logistics; a neutral text gives every persona 0 or 1 point, 90 % logistics.
  const examples: DecisionExample[] = [];
  for (let i = 0; i < 30; i++) {
    for (let label = 0; label < 3; label++) {
      const points = [i % 2, (i + 1) % 2, i % 2];
      points[label] = 3;
      examples.push({ figures: figures(points, 0.1), label });
    }
    examples.push({ figures: figures([i % 2, (i + 1) % 2, 0], 0.9), label: 3 });
  }
  const decision = trainDecision(examples, 3);

  test('the persona with the most points wins a text that reads as a buyer', () => {
    const probability = decide(decision, figures([0, 3, 1], 0.1), 3);
    expect(probability.length).toBe(4);
    expect(Math.max(...probability)).toBe(probability[1]);
    expect(probability[1]).toBeGreaterThan(0.9);
  });

  test('"none" wins a text that reads as logistics, with a point or two for a persona', () => {
    const probability = decide(decision, figures([1, 0, 0], 0.9), 3);
    expect(Math.max(...probability)).toBe(probability[3]);
    expect(probability[3]).toBeGreaterThan(0.9);
  });

  test('the probabilities add up to one', () => {
    const probability = decide(decision, figures([2, 2, 0], 0.5), 3);
    expect(probability.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  test('without examples nothing is learned: every class is equally likely', () => {
    expect([...decide(trainDecision([], 2), figures([3, 0], 0.1), 2)]).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });
});
