import type { TopicId } from '@doc-ingest/contracts';
import { applyLearnedLayer, type CompiledLearnedLayer, presentWordsOf } from '@doc-ingest/core';
import type { LearningView } from './learningViews.ts';

/**
 * The topics `classifyTopicsWith` lists for a document with this layer: each
 * topic's probability, or its rule score where the layer has no model or does
 * not apply, at or above `threshold` (the layer's by default).
 */
const predictWithLayer = (
  layer: CompiledLearnedLayer,
  topics: readonly string[],
  view: LearningView,
  threshold = layer.threshold,
): TopicId[] => {
  if (!view.layerApplies) return predictWithRules(topics, view, threshold);
  const { probabilities } = applyLearnedLayer(layer, {
    ...view,
    words: presentWordsOf(layer, view.stems),
  });
  return topics.flatMap((id, index) => {
    const score = probabilities[index] ?? view.scores[index] ?? 0;
    return score > 0 && score >= threshold ? [id as TopicId] : [];
  });
};

/** The topics the rules alone list at `threshold`. */
const predictWithRules = (topics: readonly string[], view: LearningView, threshold: number) =>
  topics.flatMap((id, index) =>
    (view.scores[index] ?? 0) >= threshold && (view.scores[index] ?? 0) > 0 ? [id as TopicId] : [],
  );

export { predictWithLayer, predictWithRules };
