import type { FeatureVector } from './features.ts';

/** Weights of one logistic regression over dense features and hashed buckets. */
interface LogisticWeights {
  bias: number;
  dense: number[];
  /** One weight per bucket; only buckets ever seen in training are non-zero. */
  buckets: number[];
}

interface TrainOptions {
  /** L2 penalty of the dense weights. */
  l2Dense: number;
  /** L2 penalty of the bucket weights (higher: there are many, and few examples). */
  l2Buckets: number;
  /** Passes of full-batch gradient descent. */
  epochs: number;
  learningRate: number;
  /** Weight of a positive example (topics are rare: each has few positives). */
  positiveWeight: number;
}

const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  l2Dense: 0.01,
  l2Buckets: 0.1,
  epochs: 400,
  learningRate: 0.5,
  positiveWeight: 1,
};

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

const linear = (weights: LogisticWeights, x: FeatureVector): number => {
  let z = weights.bias;
  for (let i = 0; i < x.dense.length; i++) z += (weights.dense[i] ?? 0) * (x.dense[i] as number);
  for (const bucket of x.buckets) z += weights.buckets[bucket] ?? 0;
  return z;
};

/** Probability the model gives to the positive class. */
const predictProbability = (weights: LogisticWeights, x: FeatureVector): number =>
  sigmoid(linear(weights, x));

/**
 * Fits a binary logistic regression with L2 by full-batch gradient descent on
 * the mean weighted log-loss (the bias is not penalised). Deterministic: starts
 * from zero weights, so the same examples give the same model.
 */
const trainLogistic = (
  examples: readonly { x: FeatureVector; y: 0 | 1 }[],
  denseSize: number,
  bucketCount: number,
  options: Partial<TrainOptions> = {},
): LogisticWeights => {
  const { l2Dense, l2Buckets, epochs, learningRate, positiveWeight } = {
    ...DEFAULT_TRAIN_OPTIONS,
    ...options,
  };
  const weights: LogisticWeights = {
    bias: 0,
    dense: new Array<number>(denseSize).fill(0),
    buckets: new Array<number>(bucketCount).fill(0),
  };
  if (examples.length === 0) return weights;
  const totalWeight = examples.reduce((sum, e) => sum + (e.y === 1 ? positiveWeight : 1), 0);
  for (let epoch = 0; epoch < epochs; epoch++) {
    let gradBias = 0;
    const gradDense = new Array<number>(denseSize).fill(0);
    const gradBuckets = new Array<number>(bucketCount).fill(0);
    for (const { x, y } of examples) {
      const w = y === 1 ? positiveWeight : 1;
      const error = (w * (predictProbability(weights, x) - y)) / totalWeight;
      gradBias += error;
      for (let i = 0; i < denseSize; i++) {
        gradDense[i] = (gradDense[i] ?? 0) + error * (x.dense[i] ?? 0);
      }
      for (const bucket of x.buckets) gradBuckets[bucket] = (gradBuckets[bucket] ?? 0) + error;
    }
    weights.bias -= learningRate * gradBias;
    for (let i = 0; i < denseSize; i++) {
      weights.dense[i] =
        (weights.dense[i] ?? 0) -
        learningRate * ((gradDense[i] ?? 0) + l2Dense * (weights.dense[i] ?? 0));
    }
    for (let b = 0; b < bucketCount; b++) {
      const g = (gradBuckets[b] ?? 0) + l2Buckets * (weights.buckets[b] ?? 0);
      if (g !== 0) weights.buckets[b] = (weights.buckets[b] ?? 0) - learningRate * g;
    }
  }
  return weights;
};

export type { LogisticWeights, TrainOptions };
export { DEFAULT_TRAIN_OPTIONS, predictProbability, sigmoid, trainLogistic };
