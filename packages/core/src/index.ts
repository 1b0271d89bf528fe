/*
 * @doc-ingest/core: the pure ingestion pipeline. Bytes and a key in, a
 * processed document or a rejection out; no AWS, no environment, no I/O.
 */

export type { ClassifyInput, ClassifyOptions } from './classify/classifyTopics.ts';
export { classifyTopics, DEFAULT_THRESHOLD } from './classify/classifyTopics.ts';
export { TAXONOMY, TAXONOMY_VERSION } from './classify/taxonomy.ts';
export type { DecodeTextOptions } from './decode/decodeText.ts';
export { decodeText } from './decode/decodeText.ts';
export { computeContentHash } from './hash/computeContentHash.ts';
export type { DetectLanguagesOptions } from './language/detectLanguages.ts';
export { detectLanguages, UNDETERMINED } from './language/detectLanguages.ts';
export type {
  BoilerplatePattern,
  BoilerplateScopeName,
} from './normalize/boilerplatePatterns.ts';
export { BOILERPLATE_PATTERNS, BoilerplateScope } from './normalize/boilerplatePatterns.ts';
export type { NormalizeOptions } from './normalize/normalizeText.ts';
export { normalizeText } from './normalize/normalizeText.ts';
export type { DocumentInput } from './pipeline/processDocument.ts';
export { processDocument, TITLE_MAX_CHARS } from './pipeline/processDocument.ts';
export type { DocumentItems, SourceObject, TextPlacement } from './records/buildRecords.ts';
export { buildDocumentItems, buildRejectionRecord } from './records/buildRecords.ts';
export { parseSourceKey } from './source/parseSourceKey.ts';
export type {
  Classification,
  DecodedText,
  LanguageDetection,
  NormalizedText,
  ProcessedDocument,
  Rejection,
  SourceKeyInfo,
  StageResult,
} from './types.ts';
