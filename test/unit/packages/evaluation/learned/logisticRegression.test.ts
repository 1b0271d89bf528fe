import { describe, expect, it } from 'vitest';
import type { FeatureVector } from '../../../../../packages/evaluation/src/learned/features.ts';
import {
  predictProbability,
  sigmoid,
  trainLogistic,
} from '../../../../../packages/evaluation/src/learned/logisticRegression.ts';

const point = (value: number, buckets: number[] = []): FeatureVector => ({
  dense: [value],
  buckets,
});

const separable = [
  { x: point(0.9), y: 1 as const },
  { x: point(0.8), y: 1 as const },
  { x: point(0.1), y: 0 as const },
  { x: point(0.2), y: 0 as const },
];

describe('Function: trainLogistic', () => {
  it('learns a separable rule: high values positive, low values negative', () => {
    // Act
    const weights = trainLogistic(separable, 1, 0, { l2Dense: 0, epochs: 2000, learningRate: 1 });

    // Assess
    expect(predictProbability(weights, point(0.95))).toBeGreaterThan(0.5);
    expect(predictProbability(weights, point(0.05))).toBeLessThan(0.5);
    expect(weights.dense[0]).toBeGreaterThan(0);
  });

  it('shrinks the weights as the L2 penalty grows', () => {
    // Act
    const loose = trainLogistic(separable, 1, 0, { l2Dense: 0.001 });
    const tight = trainLogistic(separable, 1, 0, { l2Dense: 1 });

    // Assess
    expect(Math.abs(tight.dense[0] ?? 0)).toBeLessThan(Math.abs(loose.dense[0] ?? 0));
  });

  it('gives weight to a hashed bucket that marks the positives', () => {
    // Prepare
    const examples = [
      { x: point(0, [3]), y: 1 as const },
      { x: point(0, [3]), y: 1 as const },
      { x: point(0, [5]), y: 0 as const },
      { x: point(0, [5]), y: 0 as const },
    ];

    // Act
    const weights = trainLogistic(examples, 1, 8, { l2Buckets: 0.001 });

    // Assess
    expect(weights.buckets[3]).toBeGreaterThan(0);
    expect(weights.buckets[5]).toBeLessThan(0);
    expect(weights.buckets[0]).toBe(0);
  });

  it('returns zero weights (probability one half) without examples', () => {
    // Act
    const weights = trainLogistic([], 2, 0);

    // Assess
    expect(predictProbability(weights, { dense: [1, 1], buckets: [] })).toBe(0.5);
    expect(sigmoid(0)).toBe(0.5);
  });
});
