import { describe, expect, it } from 'vitest';
import { learnedRuleFeatureNames } from '../../../../../../packages/contracts/src/index.ts';
import { ruleFeatures } from '../../../../../../packages/core/src/classify/learned/ruleFeatures.ts';

describe('Function: ruleFeatures', () => {
  const evidence = {
    scores: [0.6, 0.2, 0.5],
    termCounts: [3, 1, 0],
    strongTermCounts: [1, 0, 0],
    language: 'fr',
  };

  it('reads one topic against the others, in the order the contract names them', () => {
    // Prepare
    const names = learnedRuleFeatureNames(['a', 'b', 'c'], ['ar', 'fr']);

    // Act
    const features = ruleFeatures(evidence, 0, 0.45, ['ar', 'fr']);

    // Assess
    expect(features).toHaveLength(names.length);
    const named = Object.fromEntries(names.map((name, i) => [name, features[i]]));
    expect(named.score).toBe(0.6);
    expect(named.logitScore).toBeCloseTo(Math.log(0.6 / 0.4) / 5);
    expect(named.aboveThreshold).toBe(1);
    expect(named.terms).toBeCloseTo(Math.log(4));
    expect(named.strongTerms).toBeCloseTo(Math.log(2));
    expect(named.maxOtherScore).toBe(0.5);
    expect(named.otherTopicsAbove).toBeCloseTo(1 / 3);
    expect([named['lang:ar'], named['lang:fr']]).toEqual([0, 1]);
    expect([named['other:a'], named['other:b'], named['other:c']]).toEqual([0, 0.2, 0.5]);
  });

  it('keeps scores of 0 and 1 finite and sets no language for one without a slot', () => {
    // Prepare
    const extremes = {
      scores: [0, 1],
      termCounts: [0, 9],
      strongTermCounts: [0, 9],
      language: 'fa',
    };

    // Act
    const none = ruleFeatures(extremes, 0, 0.45, ['ar', 'fr']);
    const full = ruleFeatures(extremes, 1, 0.45, ['ar', 'fr']);

    // Assess
    expect([...none, ...full].every(Number.isFinite)).toBe(true);
    expect(none[1]).toBeLessThan(-1.5);
    expect(full[1]).toBeGreaterThan(1.5);
    expect([none[7], none[8]]).toEqual([0, 0]);
  });
});
