import { TOPIC_IDS, type TopicId } from '@doc-ingest/contracts';
import {
  DENSE_FEATURE_NAMES,
  featuresOf,
  HASH_BUCKETS,
  type RuleView,
  stemBuckets,
} from './features.ts';
import {
  type LogisticWeights,
  predictProbability,
  type TrainOptions,
  trainLogistic,
} from './logisticRegression.ts';

/** One labelled document as the learned layer sees it. */
interface LabelledView extends RuleView {
  name: string;
  expected: readonly TopicId[];
  optional: readonly TopicId[];
}

/** A frozen model: one logistic regression per topic, plus what it was built with. */
interface LearnedModel {
  kind: 'doc-ingest-learned-scorer';
  version: 1;
  taxonomyVersion: string;
  /** Rule threshold the `aboveThreshold` feature uses. */
  ruleThreshold: number;
  /** Probability a topic needs to be predicted. */
  threshold: number;
  /** Whether the hashed bag of word prefixes is used. */
  useStems: boolean;
  hashBuckets: number;
  denseFeatures: readonly string[];
  trainedOn: string[];
  topics: Record<string, LogisticWeights>;
}

interface ModelOptions {
  taxonomyVersion: string;
  ruleThreshold: number;
  threshold: number;
  useStems: boolean;
  trainedOn: string[];
  train?: Partial<TrainOptions>;
}

const bucketsOf = (view: RuleView, useStems: boolean): number[] =>
  useStems ? stemBuckets(view.text) : [];

/**
 * Trains one regression per topic. A document where the topic is optional is
 * left out of that topic's examples (neither positive nor negative), as the
 * scorer ignores it both ways.
 */
const trainModel = (documents: readonly LabelledView[], options: ModelOptions): LearnedModel => {
  const buckets = documents.map((doc) => bucketsOf(doc, options.useStems));
  const topics: Record<string, LogisticWeights> = {};
  for (const topic of TOPIC_IDS) {
    const examples = documents.flatMap((doc, i) =>
      doc.optional.includes(topic)
        ? []
        : [
            {
              x: featuresOf(doc, topic, options.ruleThreshold, buckets[i] as number[]),
              y: doc.expected.includes(topic) ? (1 as const) : (0 as const),
            },
          ],
    );
    const bucketCount = options.useStems ? HASH_BUCKETS : 0;
    topics[topic] = trainLogistic(examples, DENSE_FEATURE_NAMES.length, bucketCount, options.train);
  }
  return {
    kind: 'doc-ingest-learned-scorer',
    version: 1,
    taxonomyVersion: options.taxonomyVersion,
    ruleThreshold: options.ruleThreshold,
    threshold: options.threshold,
    useStems: options.useStems,
    hashBuckets: options.useStems ? HASH_BUCKETS : 0,
    denseFeatures: [...DENSE_FEATURE_NAMES],
    trainedOn: options.trainedOn,
    topics,
  };
};

/** Every topic's probability for one document. */
const scoreWithModel = (model: LearnedModel, view: RuleView): Record<TopicId, number> => {
  const buckets = bucketsOf(view, model.useStems);
  const scores = {} as Record<TopicId, number>;
  for (const topic of TOPIC_IDS) {
    const weights = model.topics[topic];
    scores[topic] =
      weights === undefined
        ? 0
        : predictProbability(weights, featuresOf(view, topic, model.ruleThreshold, buckets));
  }
  return scores;
};

/** Topics whose probability reaches the model's threshold. */
const predictWithModel = (model: LearnedModel, view: RuleView): TopicId[] => {
  const scores = scoreWithModel(model, view);
  return TOPIC_IDS.filter((topic) => (scores[topic] ?? 0) >= model.threshold);
};

/** Topics the plain rules give at `threshold`. */
const predictWithRules = (view: RuleView, threshold: number): TopicId[] =>
  TOPIC_IDS.filter((topic) => (view.scores[topic] ?? 0) >= threshold);

export type { LabelledView, LearnedModel, ModelOptions };
export { predictWithModel, predictWithRules, scoreWithModel, trainModel };
