/*
 * @doc-ingest/evaluation: measures the pipeline on labelled folders. Topic
 * precision/recall/F1 and false-positive rate from `labels.json`, duplicate
 * detection from `pairs.json`.
 */

export { EvaluationError, EvaluationInputError } from './errors.ts';
export { formatReport, formatReportJson } from './formatReport.ts';
export type { DocumentLabel, DocumentPair, Labels, PairKindName } from './labels.ts';
export {
  DocumentLabelSchema,
  DocumentPairSchema,
  LABELS_FILE,
  LabelsSchema,
  loadLabelFiles,
  PAIR_KINDS,
  PAIRS_FILE,
  PairKind,
  PairsSchema,
  parseLabels,
  parsePairs,
} from './labels.ts';
export type { MainIo } from './main.ts';
export { ExitCode, main } from './main.ts';
export type { NearDuplicateJudgeOptions } from './nearDuplicateJudge.ts';
export { createNearDuplicateJudge, nearDuplicateJudge } from './nearDuplicateJudge.ts';
export type { DocumentOutcome, EvaluationOptions, EvaluationReport } from './runEvaluation.ts';
export { runEvaluation } from './runEvaluation.ts';
export type {
  BinaryScore,
  PairCase,
  PairDocument,
  PairJudge,
  PairOutcome,
  PairScores,
} from './scorePairs.ts';
export { hashJudge, scorePairs } from './scorePairs.ts';
export type { TopicCase, TopicCounts, TopicScores } from './scoreTopics.ts';
export { scoreTopics } from './scoreTopics.ts';
export type { TopicMisses } from './topicMisses.ts';
export { topicMisses } from './topicMisses.ts';
