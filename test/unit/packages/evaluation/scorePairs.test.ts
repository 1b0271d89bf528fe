import { hashJudge, type PairCase, type PairJudge, scorePairs } from '@doc-ingest/evaluation';
import { describe, expect, it } from 'vitest';

const doc = (name: string, contentHash: string, text = name) => ({ name, contentHash, text });

const cases: PairCase[] = [
  {
    a: 'a',
    b: 'b',
    kind: 'exact-after-normalization',
    documentA: doc('a', 'h1'),
    documentB: doc('b', 'h1'),
  },
  {
    a: 'c',
    b: 'd',
    kind: 'exact-after-normalization',
    documentA: doc('c', 'h2'),
    documentB: doc('d', 'h3'),
  },
  { a: 'e', b: 'f', kind: 'near-duplicate', documentA: doc('e', 'h4'), documentB: doc('f', 'h5') },
  { a: 'g', b: 'h', kind: 'distinct', documentA: doc('g', 'h6'), documentB: doc('h', 'h6') },
  { a: 'i', b: 'j', kind: 'distinct', documentA: doc('i', 'h7'), documentB: doc('j', 'h8') },
  { a: 'k', b: 'missing', kind: 'distinct', documentA: doc('k', 'h9'), documentB: undefined },
];

describe('Function: scorePairs', () => {
  it('judges by content hash by default', () => {
    // Act
    const scores = scorePairs(cases);

    // Assess
    expect(scores.judge).toBe('content-hash');
    expect(scores.pairs.map((pair) => pair.predicted)).toEqual([
      'exact-after-normalization',
      'distinct',
      'distinct',
      'exact-after-normalization',
      'distinct',
      null,
    ]);
    expect(scores.skipped).toBe(1);
  });

  it('fills the confusion matrix and the exact and duplicate scores', () => {
    // Act
    const scores = scorePairs(cases);

    // Assess
    expect(scores.confusion['exact-after-normalization']).toEqual({
      'exact-after-normalization': 1,
      'near-duplicate': 0,
      distinct: 1,
    });
    expect(scores.confusion.distinct).toEqual({
      'exact-after-normalization': 1,
      'near-duplicate': 0,
      distinct: 1,
    });
    expect(scores.exact).toEqual({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
    expect(scores.duplicate).toEqual({ tp: 1, fp: 1, fn: 2, precision: 0.5, recall: 1 / 3 });
  });

  it('accepts another judge as the near-duplicate extension point', () => {
    // Prepare
    const judge: PairJudge = (a, b) => {
      if (a.contentHash === b.contentHash) return 'exact-after-normalization';
      return a.name === 'e' ? 'near-duplicate' : 'distinct';
    };

    // Act
    const scores = scorePairs(cases, judge, 'test-judge');

    // Assess
    expect(scores.judge).toBe('test-judge');
    expect(scores.confusion['near-duplicate']['near-duplicate']).toBe(1);
    expect(scores.duplicate).toMatchObject({ tp: 2, fp: 1, fn: 1 });
  });

  it('calls two documents with the same hash exact duplicates', () => {
    // Act
    const same = hashJudge(doc('x', 'abc'), doc('y', 'abc'));
    const different = hashJudge(doc('x', 'abc'), doc('y', 'abd'));

    // Assess
    expect(same).toBe('exact-after-normalization');
    expect(different).toBe('distinct');
  });
});
