import type { TopicId } from '@doc-ingest/contracts';
import { type CompiledTaxonomy, compileLearnedLayer, DEFAULT_THRESHOLD } from '@doc-ingest/core';
import { scoreTopics } from '../scoreTopics.ts';
import type { LearningView } from './learningViews.ts';
import { predictWithLayer, predictWithRules } from './predictWithLayer.ts';
import { type TrainLayerOptions, trainLearnedLayer } from './trainLearnedLayer.ts';

/** The figures the targets are stated in. */
interface Figures {
  documents: number;
  /** Pooled counts over topics, as `npm run eval` counts them. */
  tp: number;
  fp: number;
  fn: number;
  microF1: number | null;
  noTopicRate: number | null;
  arabicMicroF1: number | null;
}

/** Figures of predictions, with the scoring rules of `npm run eval`. */
const figuresOf = (
  views: readonly LearningView[],
  predicted: readonly (readonly TopicId[])[],
): Figures => {
  const cases = views.map((view, i) => ({
    expected: view.expected,
    optional: view.optional,
    predicted: predicted[i] ?? [],
  }));
  const all = scoreTopics(cases);
  const arabic = scoreTopics(cases.filter((_, i) => views[i]?.language === 'ar'));
  return {
    documents: views.length,
    tp: all.micro.tp,
    fp: all.micro.fp,
    fn: all.micro.fn,
    microF1: all.micro.f1,
    noTopicRate: all.noTopic.rate,
    arabicMicroF1: arabic.documents === 0 ? null : arabic.micro.f1,
  };
};

/** Out-of-fold figures of the rules and of the layer, pooled and per held-out folder. */
interface CrossValidation {
  rules: Figures;
  learned: Figures;
  perFolder: { folder: number; rules: Figures; learned: Figures }[];
}

/**
 * Leave one folder out: for each folder, a layer trained on all the others
 * (plus `extra`, never held out) predicts it. The rules are scored at their
 * default threshold on the same documents.
 */
const crossValidate = (
  folders: readonly (readonly LearningView[])[],
  taxonomy: CompiledTaxonomy,
  options: TrainLayerOptions,
  extra: readonly LearningView[] = [],
): CrossValidation => {
  const perFolder: CrossValidation['perFolder'] = [];
  const views: LearningView[] = [];
  const rules: TopicId[][] = [];
  const learned: TopicId[][] = [];
  folders.forEach((held, folder) => {
    const training = [...folders.filter((_, i) => i !== folder).flat(), ...extra];
    const layer = compileLearnedLayer(
      trainLearnedLayer(training, taxonomy, options),
      taxonomy.topics,
    );
    const byRules = held.map((view) => predictWithRules(taxonomy.topics, view, DEFAULT_THRESHOLD));
    const byLayer = held.map((view) => predictWithLayer(layer, taxonomy.topics, view));
    perFolder.push({
      folder,
      rules: figuresOf(held, byRules),
      learned: figuresOf(held, byLayer),
    });
    views.push(...held);
    rules.push(...byRules);
    learned.push(...byLayer);
  });
  return { rules: figuresOf(views, rules), learned: figuresOf(views, learned), perFolder };
};

export type { CrossValidation, Figures };
export { crossValidate, figuresOf };
