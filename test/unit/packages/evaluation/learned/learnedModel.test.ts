import { describe, expect, it } from 'vitest';
import {
  crossValidate,
  figuresOf,
  stratifiedFolds,
} from '../../../../../packages/evaluation/src/learned/crossValidate.ts';
import {
  type LabelledView,
  predictWithModel,
  predictWithRules,
  trainModel,
} from '../../../../../packages/evaluation/src/learned/learnedModel.ts';

/**
 * Synthetic documents where the rules score cybercrime 0.40 (below their
 * threshold 0.45) whenever it is the subject: a learned layer should move the
 * cut below the rules' own.
 */
const doc = (i: number, subject: boolean, language = 'en'): LabelledView => ({
  name: `d${i}`,
  language,
  scores: { cybercrime: subject ? 0.4 : 0.05 },
  termCounts: { cybercrime: subject ? 2 : 1 },
  text: '',
  expected: subject ? ['cybercrime'] : [],
  optional: [],
});

const corpus = Array.from({ length: 20 }, (_, i) => doc(i, i % 2 === 0, i < 10 ? 'en' : 'ar'));

const options = {
  taxonomyVersion: 'test',
  ruleThreshold: 0.45,
  threshold: 0.5,
  useStems: false,
  trainedOn: ['synthetic'],
};

describe('Function: trainModel', () => {
  it('learns what the rules miss on the training documents', () => {
    // Act
    const model = trainModel(corpus, options);

    // Assess
    expect(predictWithRules(doc(0, true), 0.45)).toEqual([]);
    expect(predictWithModel(model, doc(0, true))).toEqual(['cybercrime']);
    expect(predictWithModel(model, doc(1, false))).toEqual([]);
    expect(Object.keys(model.topics)).toContain('terrorism');
  });

  it('leaves a document out of a topic it marks optional', () => {
    // Prepare: the same document twice, once labelled positive, once optional
    const positive = [doc(0, true), doc(1, false)];
    const optional = [{ ...doc(0, true), expected: [], optional: ['cybercrime'] }, doc(1, false)];

    // Act
    const withPositive = trainModel(positive, options);
    const withOptional = trainModel(optional as LabelledView[], options);

    // Assess: without its only positive, the topic's bias goes negative
    expect(withPositive.topics.cybercrime?.bias).toBeGreaterThan(
      withOptional.topics.cybercrime?.bias ?? 0,
    );
  });
});

describe('Function: stratifiedFolds', () => {
  it('spreads each language over the folds', () => {
    // Act
    const folds = stratifiedFolds(corpus, 5);

    // Assess
    expect(new Set(folds)).toEqual(new Set([0, 1, 2, 3, 4]));
    const arabicFolds = folds.filter((_, i) => corpus[i]?.language === 'ar');
    expect(new Set(arabicFolds).size).toBe(5);
  });
});

describe('Function: crossValidate', () => {
  it('reports the rules and the out-of-fold learned figures side by side', () => {
    // Act
    const { rules, learned } = crossValidate(corpus, stratifiedFolds(corpus, 5), options);

    // Assess
    expect(rules.microF1).toBe(0);
    expect(rules.fn).toBe(10);
    expect(learned.microF1).toBe(1);
    expect(learned.noTopicRate).toBe(0);
    expect(learned.arabicMicroF1).toBe(1);
  });
});

describe('Function: figuresOf', () => {
  it('scores like npm run eval: optional topics count neither way', () => {
    // Prepare
    const documents = [{ ...doc(0, false), optional: ['terrorism'] } as LabelledView];

    // Act
    const figures = figuresOf(documents, [['terrorism']]);

    // Assess
    expect(figures.fp).toBe(0);
    expect(figures.noTopicRate).toBe(0);
    expect(figures.arabicMicroF1).toBeNull();
  });
});
