import type { TopicId } from '@doc-ingest/contracts';
import type { DocumentOutcome } from './runEvaluation.ts';

/** Where a document's predicted topics disagree with its label. */
interface TopicMisses {
  /** Labelled topics the pipeline did not give. */
  missed: TopicId[];
  /** Given topics the label lists neither as a topic nor as optional. */
  extra: TopicId[];
}

/**
 * A document's misses against its label. An optional topic counts either way,
 * as in `scoreTopics`; a document without a label (only part of a pair) has none.
 */
const topicMisses = (
  document: Pick<DocumentOutcome, 'expected' | 'optional' | 'predicted'>,
): TopicMisses => {
  const { expected, optional, predicted } = document;
  if (expected === undefined) return { missed: [], extra: [] };
  return {
    missed: expected.filter((id) => !predicted.includes(id)),
    extra: predicted.filter((id) => !expected.includes(id) && !optional.includes(id)),
  };
};

export type { TopicMisses };
export { topicMisses };
