import { scoreTopics } from '@doc-ingest/evaluation';
import { describe, expect, it } from 'vitest';

describe('Function: scoreTopics', () => {
  it('counts true positives, false positives and false negatives per topic', () => {
    // Prepare
    const cases = [
      { expected: ['cybercrime'], predicted: ['cybercrime', 'terrorism'] },
      { expected: ['cybercrime', 'firearms'], predicted: ['firearms'] },
      { expected: ['terrorism'], predicted: ['terrorism'] },
    ] as const;

    // Act
    const scores = scoreTopics(cases);

    // Assess
    expect(scores.documents).toBe(3);
    expect(scores.perTopic.cybercrime).toEqual({
      tp: 1,
      fp: 0,
      fn: 1,
      support: 2,
      precision: 1,
      recall: 0.5,
      f1: 2 / 3,
    });
    expect(scores.perTopic.terrorism).toMatchObject({ tp: 1, fp: 1, fn: 0, support: 1 });
    expect(scores.perTopic.terrorism?.precision).toBe(0.5);
    expect(scores.perTopic.terrorism?.f1).toBeCloseTo(2 / 3);
    expect(scores.perTopic.firearms).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
  });

  it('pools counts for micro scores and averages supported topics for macro F1', () => {
    // Prepare
    const cases = [
      { expected: ['cybercrime'], predicted: ['cybercrime', 'terrorism'] },
      { expected: ['cybercrime', 'firearms'], predicted: ['firearms'] },
      { expected: ['terrorism'], predicted: ['terrorism'] },
    ] as const;

    // Act
    const scores = scoreTopics(cases);

    // Assess
    // tp = 3, fp = 1, fn = 1
    expect(scores.micro).toMatchObject({ tp: 3, fp: 1, fn: 1, precision: 0.75, recall: 0.75 });
    expect(scores.micro.f1).toBeCloseTo(0.75);
    // cybercrime 2/3, terrorism 2/3, firearms 1
    expect(scores.macroF1).toBeCloseTo((2 / 3 + 2 / 3 + 1) / 3);
  });

  it('leaves undefined ratios as null', () => {
    // Act
    const scores = scoreTopics([{ expected: ['environmental'], predicted: [] }]);

    // Assess
    expect(scores.perTopic.environmental).toMatchObject({ precision: null, recall: 0, f1: 0 });
    expect(scores.perTopic.cooperation).toMatchObject({ precision: null, recall: null, f1: null });
    expect(scores.macroF1).toBe(0);
    expect(scores.noTopic).toEqual({ documents: 0, withPrediction: 0, rate: null });
  });

  it('ignores optional topics both ways', () => {
    // Prepare
    const cases = [
      {
        expected: ['drug_trafficking'],
        optional: ['organized_crime'],
        predicted: ['drug_trafficking', 'organized_crime'],
      },
      {
        expected: ['drug_trafficking'],
        optional: ['organized_crime'],
        predicted: ['drug_trafficking'],
      },
    ] as const;

    // Act
    const scores = scoreTopics(cases);

    // Assess
    expect(scores.perTopic.organized_crime).toMatchObject({ tp: 0, fp: 0, fn: 0, support: 0 });
    expect(scores.micro).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
  });

  it('measures the false-positive rate on documents without topics', () => {
    // Prepare
    const cases = [
      { expected: [], predicted: ['firearms'] },
      { expected: [], predicted: [] },
      { expected: [], optional: ['corruption_financial'], predicted: ['corruption_financial'] },
      { expected: [], predicted: ['cybercrime', 'terrorism'] },
      { expected: ['terrorism'], predicted: ['terrorism', 'firearms'] },
    ] as const;

    // Act
    const scores = scoreTopics(cases);

    // Assess
    expect(scores.noTopic).toEqual({ documents: 4, withPrediction: 2, rate: 0.5 });
  });

  it('returns null macro F1 for an empty input', () => {
    // Act
    const scores = scoreTopics([]);

    // Assess
    expect(scores.documents).toBe(0);
    expect(scores.macroF1).toBeNull();
    expect(scores.micro.f1).toBeNull();
  });
});
