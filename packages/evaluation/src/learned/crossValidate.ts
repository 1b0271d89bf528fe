import type { TopicId } from '@doc-ingest/contracts';
import { scoreTopics } from '../scoreTopics.ts';
import {
  type LabelledView,
  type ModelOptions,
  predictWithModel,
  predictWithRules,
  trainModel,
} from './learnedModel.ts';

/** The three figures the targets are stated in. */
interface Figures {
  documents: number;
  /** Pooled counts over topics, as `npm run eval` counts them. */
  tp: number;
  fp: number;
  fn: number;
  microPrecision: number | null;
  microRecall: number | null;
  microF1: number | null;
  noTopicRate: number | null;
  arabicMicroF1: number | null;
}

/** Figures of a set of predictions, with the scoring rules of `npm run eval`. */
const figuresOf = (
  documents: readonly LabelledView[],
  predicted: readonly (readonly TopicId[])[],
): Figures => {
  const cases = documents.map((doc, i) => ({
    expected: doc.expected,
    optional: doc.optional,
    predicted: predicted[i] ?? [],
  }));
  const all = scoreTopics(cases);
  const arabic = scoreTopics(cases.filter((_, i) => documents[i]?.language === 'ar'));
  return {
    documents: documents.length,
    tp: all.micro.tp,
    fp: all.micro.fp,
    fn: all.micro.fn,
    microPrecision: all.micro.precision,
    microRecall: all.micro.recall,
    microF1: all.micro.f1,
    noTopicRate: all.noTopic.rate,
    arabicMicroF1: arabic.documents === 0 ? null : arabic.micro.f1,
  };
};

/** Document indices split into `k` folds by document, stratified by language. */
const stratifiedFolds = (documents: readonly LabelledView[], k: number): number[] => {
  const fold = new Array<number>(documents.length).fill(0);
  const byLanguage = new Map<string, number[]>();
  documents.forEach((doc, i) => {
    byLanguage.set(doc.language, [...(byLanguage.get(doc.language) ?? []), i]);
  });
  let next = 0;
  for (const language of [...byLanguage.keys()].sort()) {
    for (const i of byLanguage.get(language) ?? []) {
      fold[i] = next % k;
      next += 1;
    }
  }
  return fold;
};

/**
 * Out-of-fold predictions: for each fold, a model trained on the other folds'
 * documents (plus `extra`, documents that are never tested) predicts the
 * fold's documents. Returns the learned and the rules' figures over all folds
 * pooled.
 */
const crossValidate = (
  documents: readonly LabelledView[],
  fold: readonly number[],
  options: Omit<ModelOptions, 'trainedOn'>,
  extra: readonly LabelledView[] = [],
): {
  learned: Figures;
  rules: Figures;
  perFold: { fold: number; learned: Figures; rules: Figures }[];
} => {
  const learned: TopicId[][] = documents.map(() => []);
  const rulePredictions = documents.map((doc) => predictWithRules(doc, options.ruleThreshold));
  const folds = [...new Set(fold)].sort((a, b) => a - b);
  for (const f of folds) {
    const train = [...documents.filter((_, i) => fold[i] !== f), ...extra];
    const model = trainModel(train, { ...options, trainedOn: [] });
    documents.forEach((doc, i) => {
      if (fold[i] === f) learned[i] = predictWithModel(model, doc);
    });
  }
  const inFold = <T>(items: readonly T[], f: number) => items.filter((_, i) => fold[i] === f);
  return {
    learned: figuresOf(documents, learned),
    rules: figuresOf(documents, rulePredictions),
    perFold: folds.map((f) => ({
      fold: f,
      learned: figuresOf(inFold(documents, f), inFold(learned, f)),
      rules: figuresOf(inFold(documents, f), inFold(rulePredictions, f)),
    })),
  };
};

export type { Figures };
export { crossValidate, figuresOf, stratifiedFolds };
