import type { TaxonomyLearnedLayer } from '@doc-ingest/contracts';
import { type CompiledTaxonomy, ruleFeatures, sigmoid, wordScale } from '@doc-ingest/core';
import type { LearningView } from './learningViews.ts';

/** How a learned layer is trained. */
interface TrainLayerOptions {
  /**
   * Layer version, which rule features it reads: 2 adds the document-frame cues
   * (`FRAME_CUE_KINDS`); 1 is what `@doc-ingest/contracts` before 1.4.3 accepts.
   * @default 2
   */
  version?: 1 | 2;
  /** Probability a topic needs to be listed. @default 0.45 */
  threshold?: number;
  /** Rule score the `aboveThreshold` feature compares with. @default 0.45 (the rules' default) */
  ruleThreshold?: number;
  /** Languages given a one-hot feature. @default ['ar', 'de', 'en', 'es', 'fr', 'it', 'pt'] */
  languages?: readonly string[];
  /** Passes over the examples. @default 20 */
  epochs?: number;
  /** AdaGrad's base step. @default 0.2 */
  learningRate?: number;
  /** L2 penalty per step. @default 0.0001 */
  l2?: number;
  /**
   * Words kept per topic: the strongest (in absolute weight) of a first fit, then
   * the topic is fitted again on those alone, so the file holds the whole model.
   * @default 1500
   */
  maxWordsPerTopic?: number;
  /** Written into the layer, for people. */
  trainedOn?: string;
}

const DEFAULTS: Required<Omit<TrainLayerOptions, 'trainedOn'>> = {
  version: 2,
  threshold: 0.45,
  ruleThreshold: 0.45,
  languages: ['ar', 'de', 'en', 'es', 'fr', 'it', 'pt'],
  epochs: 20,
  learningRate: 0.2,
  l2: 1e-4,
  maxWordsPerTopic: 1500,
};

/** Digits kept of each weight in the file. */
const WEIGHT_DIGITS = 4;

const round = (value: number): number => Number(value.toFixed(WEIGHT_DIGITS));

/** Indices 0..length-1 shuffled by a seeded generator: the same data give the same layer. */
const shuffledOrder = (length: number, seed: number): number[] => {
  let state = seed >>> 0;
  const order = Array.from({ length }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = Math.floor((state / 2 ** 32) * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
};

interface Example {
  rule: Float64Array;
  stems: readonly string[];
  scale: number;
  positive: boolean;
}

/**
 * Fits one topic's logistic regression by AdaGrad on the log-loss with an L2
 * penalty, over its rule features and the presence of each stem (weighing
 * `wordScale`, as `applyLearnedLayer` reads them). Starts from zero
 * and shuffles with a fixed seed per epoch: deterministic.
 */
const fitTopic = (
  examples: readonly Example[],
  options: typeof DEFAULTS,
  seed: number,
  vocabulary?: ReadonlySet<string>,
) => {
  const size = examples[0]?.rule.length ?? 0;
  const rule = new Float64Array(size);
  const ruleSquares = new Float64Array(size).fill(1e-8);
  const words = new Map<string, number>();
  const wordSquares = new Map<string, number>();
  let bias = 0;
  let biasSquares = 1e-8;
  const { learningRate: rate, l2 } = options;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const index of shuffledOrder(examples.length, seed + epoch)) {
      const example = examples[index] as Example;
      let z = bias;
      for (let i = 0; i < size; i++) z += (rule[i] as number) * (example.rule[i] as number);
      for (const stem of example.stems) {
        if (vocabulary === undefined || vocabulary.has(stem)) {
          z += (words.get(stem) ?? 0) * example.scale;
        }
      }
      const error = sigmoid(z) - (example.positive ? 1 : 0);
      biasSquares += error * error;
      bias -= (rate / Math.sqrt(biasSquares)) * error;
      for (let i = 0; i < size; i++) {
        const gradient = error * (example.rule[i] as number) + l2 * (rule[i] as number);
        ruleSquares[i] = (ruleSquares[i] as number) + gradient * gradient;
        rule[i] = (rule[i] as number) - (rate / Math.sqrt(ruleSquares[i] as number)) * gradient;
      }
      for (const stem of example.stems) {
        if (vocabulary !== undefined && !vocabulary.has(stem)) continue;
        const weight = words.get(stem) ?? 0;
        const gradient = error * example.scale + l2 * weight;
        const squares = (wordSquares.get(stem) ?? 1e-8) + gradient * gradient;
        wordSquares.set(stem, squares);
        words.set(stem, weight - (rate / Math.sqrt(squares)) * gradient);
      }
    }
  }
  return { bias, rule, words };
};

/**
 * Trains a learned layer for `taxonomy` on labelled documents: one logistic
 * regression per topic, on the documents a layer scores (`layerApplies`). A
 * document where the topic is optional is left out of that topic's examples (the
 * scorer ignores it both ways). Only the
 * `maxWordsPerTopic` strongest words of each topic are kept (and weights
 * rounded), to keep the taxonomy file small.
 *
 * @example
 * const learned = trainLearnedLayer(views, taxonomy, { trainedOn: '818 real articles' });
 * const file = { ...taxonomyFile, learned };
 */
const trainLearnedLayer = (
  views: readonly LearningView[],
  taxonomy: CompiledTaxonomy,
  options: TrainLayerOptions = {},
): TaxonomyLearnedLayer => {
  const settings = { ...DEFAULTS, ...options };
  const topics: TaxonomyLearnedLayer['topics'] = {};
  taxonomy.topics.forEach((topic, index) => {
    const examples: Example[] = views
      .filter((view) => view.layerApplies && !view.optional.includes(topic as never))
      .map((view) => ({
        rule: ruleFeatures(view, index, settings),
        stems: [...view.stems.keys()],
        scale: wordScale(view.stems.size),
        positive: view.expected.includes(topic as never),
      }));
    const seed = 12345 + index;
    const strongest = [...fitTopic(examples, settings, seed).words]
      .sort(([a, x], [b, y]) => Math.abs(y) - Math.abs(x) || (a < b ? -1 : 1))
      .slice(0, settings.maxWordsPerTopic)
      .map(([stem]) => stem);
    const fitted = fitTopic(examples, settings, seed, new Set(strongest));
    const words: Record<string, number> = {};
    for (const [stem, weight] of [...fitted.words].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (round(weight) !== 0) words[stem] = round(weight);
    }
    topics[topic] = { bias: round(fitted.bias), rule: [...fitted.rule].map(round), words };
  });
  const layer: TaxonomyLearnedLayer = {
    version: settings.version,
    threshold: settings.threshold,
    ruleThreshold: settings.ruleThreshold,
    languages: [...settings.languages],
    topics,
  };
  if (settings.trainedOn !== undefined) layer.trainedOn = settings.trainedOn;
  return layer;
};

export type { TrainLayerOptions };
export { trainLearnedLayer };
