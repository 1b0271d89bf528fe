import { describe, expect, it } from 'vitest';
import {
  DENSE_FEATURE_NAMES,
  denseFeatures,
  HASH_BUCKETS,
  logit,
  type RuleView,
  stemBuckets,
} from '../../../../../packages/evaluation/src/learned/features.ts';

const view = (overrides: Partial<RuleView> = {}): RuleView => ({
  language: 'en',
  scores: { cybercrime: 0.6, terrorism: 0.2 },
  termCounts: { cybercrime: 3, terrorism: 1 },
  text: '',
  ...overrides,
});

const feature = (values: number[], name: (typeof DENSE_FEATURE_NAMES)[number]) =>
  values[DENSE_FEATURE_NAMES.indexOf(name)];

describe('Function: denseFeatures', () => {
  it('gives one value per feature name, with the own score and the others apart', () => {
    // Prepare
    const input = view();

    // Act
    const values = denseFeatures(input, 'cybercrime', 0.45);

    // Assess
    expect(values).toHaveLength(DENSE_FEATURE_NAMES.length);
    expect(feature(values, 'score')).toBe(0.6);
    expect(feature(values, 'aboveThreshold')).toBe(1);
    expect(feature(values, 'terms')).toBeCloseTo(Math.log1p(3));
    expect(feature(values, 'maxOtherScore')).toBe(0.2);
    expect(feature(values, 'other:cybercrime')).toBe(0);
    expect(feature(values, 'other:terrorism')).toBe(0.2);
    expect(feature(values, 'lang:en')).toBe(1);
    expect(feature(values, 'lang:ar')).toBe(0);
  });

  it('treats a topic without evidence as score 0, below the threshold, no terms', () => {
    // Prepare
    const input = view({ language: 'ar' });

    // Act
    const values = denseFeatures(input, 'firearms', 0.45);

    // Assess
    expect(feature(values, 'score')).toBe(0);
    expect(feature(values, 'aboveThreshold')).toBe(0);
    expect(feature(values, 'terms')).toBe(0);
    expect(feature(values, 'maxOtherScore')).toBe(0.6);
    expect(feature(values, 'lang:ar')).toBe(1);
  });
});

describe('Function: logit', () => {
  it('stays finite at 0 and 1 and is 0 at one half', () => {
    // Act / Assess
    expect(logit(0.5)).toBe(0);
    expect(Number.isFinite(logit(0))).toBe(true);
    expect(Number.isFinite(logit(1))).toBe(true);
    expect(logit(1)).toBeGreaterThan(logit(0.9));
  });
});

describe('Function: stemBuckets', () => {
  it('maps inflections sharing a prefix, and the Arabic article, to one bucket', () => {
    // Prepare
    const english = 'Smuggling smugglers smuggled';
    const arabic = 'الشرطة شرطة';

    // Act
    const englishBuckets = stemBuckets(english);
    const arabicBuckets = stemBuckets(arabic);

    // Assess
    expect(englishBuckets).toHaveLength(1);
    expect(arabicBuckets).toHaveLength(1);
    expect(englishBuckets[0]).toBeLessThan(HASH_BUCKETS);
  });

  it('drops words shorter than three letters and returns sorted distinct buckets', () => {
    // Act
    const buckets = stemBuckets('a an of police court border');

    // Assess
    expect(buckets).toEqual([...new Set(buckets)].sort((a, b) => a - b));
    expect(buckets.length).toBeLessThanOrEqual(3);
    expect(stemBuckets('a an of')).toEqual([]);
  });
});
