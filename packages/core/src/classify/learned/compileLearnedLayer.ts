import type { TaxonomyLearnedLayer } from '@doc-ingest/contracts';

/** One topic's regression, ready to score. */
interface LearnedTopic {
  bias: number;
  /** Weights of `ruleFeatures`, in its order. */
  rule: Float64Array;
}

/** A learned layer as lookup structures, aligned with the taxonomy's topic order. */
interface CompiledLearnedLayer {
  /** Which rule features it reads (see `ruleFeatures`). */
  version: number;
  threshold: number;
  ruleThreshold: number;
  languages: readonly string[];
  /** Per topic of the taxonomy; `undefined` where the layer has no model (its rule score stands). */
  topics: readonly (LearnedTopic | undefined)[];
  /** Per word stem, its weight in each topic (taxonomy order; 0 where it has none). */
  words: ReadonlyMap<string, Float64Array>;
}

/**
 * Turns a taxonomy file's `learned` section into arrays indexed like `topics`
 * (the compiled taxonomy's order), so that scoring a document is array reads and
 * one map lookup per distinct word. The section is already validated
 * (`taxonomyReferenceProblems`: known topics, one rule weight per feature).
 *
 * @example
 * const layer = compileLearnedLayer(file.learned, ['terrorism', 'cybercrime']);
 */
const compileLearnedLayer = (
  learned: TaxonomyLearnedLayer,
  topics: readonly string[],
): CompiledLearnedLayer => {
  const words = new Map<string, Float64Array>();
  const compiled = topics.map((id, index) => {
    const topic = learned.topics[id];
    if (topic === undefined) return undefined;
    for (const [word, weight] of Object.entries(topic.words)) {
      let row = words.get(word);
      if (row === undefined) {
        row = new Float64Array(topics.length);
        words.set(word, row);
      }
      row[index] = weight;
    }
    return { bias: topic.bias, rule: Float64Array.from(topic.rule) };
  });
  return {
    version: learned.version,
    threshold: learned.threshold,
    ruleThreshold: learned.ruleThreshold,
    languages: learned.languages,
    topics: compiled,
    words,
  };
};

export type { CompiledLearnedLayer, LearnedTopic };
export { compileLearnedLayer };
