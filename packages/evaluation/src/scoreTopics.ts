import { TOPIC_IDS, type TopicId } from '@doc-ingest/contracts';

/** One document as the topic scorer sees it: gold labels and predictions. */
interface TopicCase {
  expected: readonly TopicId[];
  /** Passing mentions: predicting them is neither right nor wrong. */
  optional?: readonly TopicId[];
  predicted: readonly TopicId[];
}

/** Counts and ratios of one topic, or of all topics pooled (micro). */
interface TopicCounts {
  tp: number;
  fp: number;
  fn: number;
  /** Documents labelled with the topic (`tp + fn`). */
  support: number;
  /** `tp / (tp + fp)`; `null` when nothing was predicted. */
  precision: number | null;
  /** `tp / (tp + fn)`; `null` when nothing was expected. */
  recall: number | null;
  /** `2tp / (2tp + fp + fn)`; `null` when there is neither a label nor a prediction. */
  f1: number | null;
}

interface TopicScores {
  documents: number;
  perTopic: Record<TopicId, TopicCounts>;
  micro: TopicCounts;
  /** Mean F1 of the topics with support > 0; `null` when no topic has any. */
  macroF1: number | null;
  /** Documents labelled with no topic, and how many of them got a (non-optional) prediction. */
  noTopic: { documents: number; withPrediction: number; rate: number | null };
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

const countsOf = (tp: number, fp: number, fn: number): TopicCounts => ({
  tp,
  fp,
  fn,
  support: tp + fn,
  precision: ratio(tp, tp + fp),
  recall: ratio(tp, tp + fn),
  f1: ratio(2 * tp, 2 * tp + fp + fn),
});

/**
 * Scores multi-label topic predictions against gold labels: per-topic
 * TP/FP/FN with precision, recall and F1; micro F1 (counts pooled over
 * topics); macro F1 (mean over topics with support); and the false-positive
 * rate on documents whose `expected` is empty. A topic in `optional` is
 * ignored both ways: neither a TP/FP when predicted, nor an FN when not.
 *
 * @example
 * const scores = scoreTopics([
 *   { expected: ['cybercrime'], predicted: ['cybercrime', 'terrorism'] },
 *   { expected: [], predicted: [] },
 * ]);
 * scores.micro.precision; // 0.5
 */
const scoreTopics = (cases: readonly TopicCase[]): TopicScores => {
  const raw = new Map<TopicId, { tp: number; fp: number; fn: number }>(
    TOPIC_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]),
  );
  let noTopicDocuments = 0;
  let noTopicWithPrediction = 0;
  for (const item of cases) {
    const expected = new Set(item.expected);
    const optional = new Set(item.optional ?? []);
    const predicted = new Set(item.predicted.filter((id) => !optional.has(id)));
    for (const id of TOPIC_IDS) {
      const counts = raw.get(id) as { tp: number; fp: number; fn: number };
      if (expected.has(id) && predicted.has(id)) counts.tp++;
      else if (predicted.has(id)) counts.fp++;
      else if (expected.has(id)) counts.fn++;
    }
    if (expected.size === 0) {
      noTopicDocuments++;
      if (predicted.size > 0) noTopicWithPrediction++;
    }
  }
  const perTopic = {} as Record<TopicId, TopicCounts>;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [id, counts] of raw) {
    perTopic[id] = countsOf(counts.tp, counts.fp, counts.fn);
    tp += counts.tp;
    fp += counts.fp;
    fn += counts.fn;
  }
  const supported = Object.values(perTopic).filter((counts) => counts.support > 0);
  const macroF1 =
    supported.length === 0
      ? null
      : supported.reduce((sum, counts) => sum + (counts.f1 ?? 0), 0) / supported.length;
  return {
    documents: cases.length,
    perTopic,
    micro: countsOf(tp, fp, fn),
    macroF1,
    noTopic: {
      documents: noTopicDocuments,
      withPrediction: noTopicWithPrediction,
      rate: ratio(noTopicWithPrediction, noTopicDocuments),
    },
  };
};

export type { TopicCase, TopicCounts, TopicScores };
export { scoreTopics };
