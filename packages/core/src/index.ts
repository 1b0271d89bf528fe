/*
 * @doc-ingest/core: the pure ingestion pipeline. Bytes and a key in, a
 * processed document or a rejection out; no AWS, no environment, no I/O.
 */

export type {
  ClassifyInput,
  ClassifyOptions,
  LearningReading,
  WithTaxonomy,
} from './classify/classifyTopics.ts';
export {
  classifyTopicsWith,
  DEFAULT_THRESHOLD,
  readForLearning,
} from './classify/classifyTopics.ts';
export { compareTaxonomyVersions } from './classify/compareTaxonomyVersions.ts';
export { compileOnFirstUse } from './classify/compileOnFirstUse.ts';
export type { CompiledTaxonomy } from './classify/compileTaxonomy.ts';
export {
  compileTaxonomy,
  loadTaxonomy,
  TaxonomyInvalidError,
  TaxonomyTermError,
  validateTaxonomy,
} from './classify/compileTaxonomy.ts';
export {
  COMPILED_TAXONOMY,
  DEFAULT_TAXONOMY,
  TAXONOMY_VERSION,
} from './classify/defaultTaxonomy.ts';
export type { LearnedInput, LearnedScores } from './classify/learned/applyLearnedLayer.ts';
export { applyLearnedLayer, sigmoid, wordScale } from './classify/learned/applyLearnedLayer.ts';
export type { CompiledLearnedLayer } from './classify/learned/compileLearnedLayer.ts';
export { compileLearnedLayer } from './classify/learned/compileLearnedLayer.ts';
export type { PresentWords } from './classify/learned/presentWords.ts';
export { presentWordsOf } from './classify/learned/presentWords.ts';
export type { RuleEvidence } from './classify/learned/ruleFeatures.ts';
export { ruleFeatures } from './classify/learned/ruleFeatures.ts';
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
export type { DocumentInput, ProcessOptions } from './pipeline/processDocument.ts';
export { processDocumentWith, TITLE_MAX_CHARS } from './pipeline/processDocument.ts';
export { reclassifyTextWith } from './pipeline/reclassifyText.ts';
export { classifyTopics, processDocument, reclassifyText } from './pipeline/withDefaultTaxonomy.ts';
export type {
  DocumentItems,
  RecordedRejection,
  SourceObject,
  TextPlacement,
} from './records/buildRecords.ts';
export {
  buildDocumentItems,
  buildRejectionRecord,
  buildTopicItems,
} from './records/buildRecords.ts';
export { nearBandsOfStoredDocument } from './records/nearBandsOfStoredDocument.ts';
export type { Fingerprint } from './similarity/fingerprintDocument.ts';
export { FINGERPRINT_VERSION, fingerprintDocument } from './similarity/fingerprintDocument.ts';
export { fingerprintText, HEADLINE_MAX_WORDS } from './similarity/fingerprintText.ts';
export {
  BAND_LAYOUTS,
  bandKeys,
  bandKeysOfVersion,
  candidateProbability,
  LSH_BANDS,
  LSH_ROWS,
} from './similarity/lshBands.ts';
export { estimateJaccard, MINHASH_PERMUTATIONS, minHashSignature } from './similarity/minhash.ts';
export type { IndexedFingerprint, NearDuplicateMatch } from './similarity/NearDuplicateIndex.ts';
export { NearDuplicateIndex } from './similarity/NearDuplicateIndex.ts';
export type { Comparable, NearDuplicateDecision } from './similarity/nearDuplicate.ts';
export {
  CONTAINMENT_THRESHOLD,
  compareFingerprints,
  MIN_SHINGLES,
  MIN_SIZE_RATIO,
  NEAR_DUPLICATE_THRESHOLD,
} from './similarity/nearDuplicate.ts';
export type { NearDuplicateCandidate } from './similarity/pickNearDuplicate.ts';
export { pickNearDuplicate } from './similarity/pickNearDuplicate.ts';
export { SHINGLE_WORDS, shingleText } from './similarity/shingles.ts';
export { parseSignature, serializeSignature } from './similarity/signatureCodec.ts';
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
