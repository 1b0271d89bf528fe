export {
  DEFAULT_INLINE_TEXT_MAX_BYTES,
  DEFAULT_MAX_OBJECT_BYTES,
  DEFAULT_MAX_RECEIVE_COUNT,
  DocumentEvents,
  DocumentFormat,
  EnvKeys,
  IngestStatus,
  ItemKind,
  RejectionReason,
  SCHEMA_MAJOR,
  SCHEMA_VERSION,
  TableKeys,
  TextEncoding,
  TOPIC_IDS,
} from './constants.ts';
export type { EventId } from './documentEventId.ts';
export { documentEventId, EventIdSchema } from './documentEventId.ts';
export type { DocumentEvent } from './documentEvents.ts';
export { documentEventsOfChange, documentEventsOfRecord } from './documentEvents.ts';
export type { DocumentIngestedDetail } from './documentIngestedEvent.ts';
export {
  DocumentIngestedDetailSchema,
  toDocumentIngestedDetail,
} from './documentIngestedEvent.ts';
export type { DocumentPurgedDetail } from './documentPurgedEvent.ts';
export { DocumentPurgedDetailSchema, toDocumentPurgedDetail } from './documentPurgedEvent.ts';
export type { DocumentReclassifiedDetail } from './documentReclassifiedEvent.ts';
export {
  DocumentReclassifiedDetailSchema,
  toDocumentReclassifiedDetail,
} from './documentReclassifiedEvent.ts';
export type { DocumentRecord } from './documentRecord.ts';
export { DocumentRecordSchema } from './documentRecord.ts';
export type { DocumentWithdrawnDetail } from './documentWithdrawnEvent.ts';
export {
  DocumentWithdrawnDetailSchema,
  toDocumentWithdrawnDetail,
} from './documentWithdrawnEvent.ts';
export { RecordContractError, RecordSchemaViolationError } from './errors.ts';
export type { EventFailureReasonCode, FailedEventsMessage } from './failedEventsMessage.ts';
export {
  EventFailureReason,
  FAILED_EVENTS_MESSAGE_TYPE,
  FailedEventsMessageSchema,
} from './failedEventsMessage.ts';
export type { PublishedSchemaName } from './jsonSchemas.ts';
export { contractJsonSchemas, PUBLISHED_SCHEMAS } from './jsonSchemas.ts';
export {
  DOCUMENT_SORT_KEY,
  documentPartitionKey,
  documentTextKey,
  MAX_OBJECT_PATH_BYTES,
  NEAR_BAND_SORT_KEY,
  nearBandPartitionKey,
  objectPath,
  rejectionIndexPartitionKey,
  rejectionIndexSortKey,
  rejectionPartitionKey,
  SOURCE_INDEX_SORT_PREFIX,
  sourceIndexSortKey,
  sourcePartitionKey,
  TEXT_OBJECT_PREFIX,
  topicIndexPartitionKey,
  topicIndexSortKey,
  topicSortKey,
  versionSortKey,
} from './keys.ts';
export type { NearBandRecord } from './nearBandRecord.ts';
export { NearBandRecordSchema } from './nearBandRecord.ts';
export type {
  DocumentFormatName,
  IngestStatusName,
  LanguageShare,
  NearDuplicateRef,
  ObjectRef,
  RejectionReasonCode,
  StoredFingerprint,
  TextEncodingName,
  TopicId,
  TopicScore,
} from './primitives.ts';
export {
  ContentHashSchema,
  DocumentFormatSchema,
  FingerprintSchema,
  IngestStatusSchema,
  IsoTimestampSchema,
  LanguageShareSchema,
  NearDuplicateRefSchema,
  ObjectRefSchema,
  RejectionReasonSchema,
  SchemaVersionSchema,
  TextEncodingSchema,
  TopicIdSchema,
  TopicScoreSchema,
} from './primitives.ts';
export type { RejectionRecord } from './rejectionRecord.ts';
export { RejectionRecordSchema } from './rejectionRecord.ts';
export type { SourceRecord } from './sourceRecord.ts';
export { SourceRecordSchema } from './sourceRecord.ts';
export type { StreamRecord, TableChange } from './streamEvent.ts';
export { isDocumentInsert, parseTableChange, StreamRecordSchema } from './streamEvent.ts';
export type { TableRecord } from './tableRecord.ts';
export { TableRecordSchema } from './tableRecord.ts';
export type {
  TaxonomyFile,
  TaxonomyFrameCues,
  TaxonomyLanguageTerms,
  TaxonomyLearnedLayer,
  TaxonomyTermRuleInput,
} from './taxonomyFile.ts';
export {
  FRAME_CUE_KINDS,
  learnedRuleFeatureNames,
  TaxonomyFileSchema,
  TaxonomyTopicIdSchema,
  TERM_WEIGHTS,
  taxonomyReferenceProblems,
} from './taxonomyFile.ts';
export type { TopicRecord } from './topicRecord.ts';
export { TopicRecordSchema } from './topicRecord.ts';
