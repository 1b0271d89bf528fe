import { describe, expect, it } from 'vitest';
import { learnedRuleFeatureNames } from '../../../../../../packages/contracts/src/index.ts';
import { ruleFeatures } from '../../../../../../packages/core/src/classify/learned/ruleFeatures.ts';

describe('Function: ruleFeatures', () => {
  const evidence = {
    scores: [0.6, 0.2, 0.5],
    termCounts: [3, 1, 0],
    strongTermCounts: [1, 0, 0],
    language: 'fr',
    frameCues: [0, 1, 3, 0, 2],
  };
  const version1 = { ruleThreshold: 0.45, languages: ['ar', 'fr'], version: 1 };
  const version2 = { ...version1, version: 2 };

  it('reads one topic against the others, in the order the contract names them', () => {
    // Prepare
    const names = learnedRuleFeatureNames(['a', 'b', 'c'], ['ar', 'fr']);

    // Act
    const features = ruleFeatures(evidence, 0, version1);

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

  it('adds the frame cues from version 2, after the same features as version 1', () => {
    // Prepare
    const names = learnedRuleFeatureNames(['a', 'b', 'c'], ['ar', 'fr'], 2);

    // Act
    const first = ruleFeatures(evidence, 1, version1);
    const second = ruleFeatures(evidence, 1, version2);

    // Assess
    expect(second).toHaveLength(names.length);
    expect([...second.slice(0, first.length)]).toEqual([...first]);
    const named = Object.fromEntries(names.map((name, i) => [name, second[i]]));
    expect(named['frame:fiction']).toBe(0);
    expect(named['frame:commercial']).toBeCloseTo(Math.log(2));
    expect(named['frame:lawful']).toBeCloseTo(Math.log(4));
    expect(named['frame:offence']).toBe(0);
    expect(named['frame:enforcement']).toBeCloseTo(Math.log(3));
  });

  it('writes into a buffer of the right length, not into one of another', () => {
    // Prepare
    const buffer = new Float64Array(
      learnedRuleFeatureNames(['a', 'b', 'c'], ['ar', 'fr'], 2).length,
    );
    const short = new Float64Array(3);

    // Act
    const reused = ruleFeatures(evidence, 2, version2, buffer);
    const fresh = ruleFeatures(evidence, 2, version2, short);

    // Assess
    expect(reused).toBe(buffer);
    expect(fresh).not.toBe(short);
    expect([...fresh]).toEqual([...reused]);
  });

  it('keeps scores of 0 and 1 finite and sets no language for one without a slot', () => {
    // Prepare
    const extremes = {
      scores: [0, 1],
      termCounts: [0, 9],
      strongTermCounts: [0, 9],
      language: 'fa',
      frameCues: [0, 0, 0, 0, 0],
    };

    // Act
    const none = ruleFeatures(extremes, 0, version2);
    const full = ruleFeatures(extremes, 1, version2);

    // Assess
    expect([...none, ...full].every(Number.isFinite)).toBe(true);
    expect(none[1]).toBeLessThan(-1.5);
    expect(full[1]).toBeGreaterThan(1.5);
    expect([none[7], none[8]]).toEqual([0, 0]);
  });
});
