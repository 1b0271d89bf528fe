import type { CompiledLearnedLayer } from './compileLearnedLayer.ts';
import type { PresentWords } from './presentWords.ts';
import { type RuleEvidence, ruleFeatures } from './ruleFeatures.ts';

/** A document as a learned layer reads it. */
interface LearnedInput extends RuleEvidence {
  /** Its words the layer weighs (`readDocumentWords`, `presentWordsOf`). */
  words: PresentWords;
}

/** Per topic (taxonomy order): the probability, or `undefined` where the layer has no model. */
interface LearnedScores {
  /** Rounded to 3 decimals, as every topic score is: what `classifyTopicsWith` reports. */
  probabilities: readonly (number | undefined)[];
  /**
   * The document's words (lowercase) whose stems raised a topic's probability,
   * strongest first: what explains a topic the rules did not match.
   */
  supportingWords: (topic: number, max: number) => string[];
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Fewest distinct stems a document's words are weighed as if it had. Without a
 * floor, each word of a 30-word brief would weigh twice what it weighs in a
 * 200-word article (1/sqrt of the count), and a few words would decide a topic.
 */
const MIN_WEIGHED_STEMS = 100;

/** What one present stem weighs in a document of `distinctStems` stems. */
const wordScale = (distinctStems: number): number =>
  1 / Math.sqrt(Math.max(distinctStems, MIN_WEIGHED_STEMS));

/**
 * Scores a document with a learned layer: per topic, a logistic regression over
 * its rule features and the presence of each of the document's word stems (each
 * weighs `wordScale`: 1/sqrt(number of distinct stems, at least
 * `MIN_WEIGHED_STEMS`), so that neither a long text nor a very short one is read
 * by its words alone). Deterministic.
 */
const applyLearnedLayer = (layer: CompiledLearnedLayer, input: LearnedInput): LearnedScores => {
  const topicCount = layer.topics.length;
  const wordSums = new Float64Array(topicCount);
  const { rows, count, wordOf } = input.words;
  const scale = wordScale(count);
  for (const row of rows) {
    for (let topic = 0; topic < topicCount; topic++) {
      wordSums[topic] = (wordSums[topic] as number) + (row[topic] as number) * scale;
    }
  }
  let buffer: Float64Array = new Float64Array(0);
  const probabilities = layer.topics.map((weights, topic) => {
    if (weights === undefined) return undefined;
    buffer = ruleFeatures(input, topic, layer, buffer);
    let z = weights.bias + (wordSums[topic] as number);
    for (let i = 0; i < buffer.length; i++) {
      z += (weights.rule[i] ?? 0) * (buffer[i] as number);
    }
    return Math.round(sigmoid(z) * 1000) / 1000;
  });
  const supportingWords = (topic: number, max: number): string[] =>
    rows
      .map((row, i) => ({ weight: row[topic] as number, word: wordOf(i).toLowerCase() }))
      .filter(({ weight }) => weight > 0)
      .sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : 1))
      .slice(0, max)
      .map(({ word }) => word);
  return { probabilities, supportingWords };
};

export type { LearnedInput, LearnedScores };
export { applyLearnedLayer, MIN_WEIGHED_STEMS, sigmoid, wordScale };
