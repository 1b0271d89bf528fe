export {
  SCHEMA_VERSION,
  ItemKind,
  TOPIC_IDS,
  IngestStatus,
  RejectionReason,
  TextEncoding,
  TableKeys,
  EnvKeys,
  DocumentEvents,
} from './constants.ts';
export {
  ContentHashSchema,
  IsoTimestampSchema,
  SchemaVersionSchema,
  TopicIdSchema,
  TopicScoreSchema,
  LanguageShareSchema,
  TextEncodingSchema,
  IngestStatusSchema,
  RejectionReasonSchema,
  ObjectRefSchema,
} from './primitives.ts';
export type {
  TopicId,
  TopicScore,
  LanguageShare,
  ObjectRef,
  TextEncodingName,
  IngestStatusName,
  RejectionReasonCode,
} from './primitives.ts';
export {
  DOCUMENT_SORT_KEY,
  documentPartitionKey,
  topicSortKey,
  topicIndexPartitionKey,
  topicIndexSortKey,
  sourcePartitionKey,
  versionSortKey,
  sourceIndexSortKey,
  rejectionPartitionKey,
  rejectionIndexPartitionKey,
} from './keys.ts';
export { DocumentRecordSchema } from './documentRecord.ts';
export type { DocumentRecord } from './documentRecord.ts';
export { SourceRecordSchema } from './sourceRecord.ts';
export type { SourceRecord } from './sourceRecord.ts';
export { TopicRecordSchema } from './topicRecord.ts';
export type { TopicRecord } from './topicRecord.ts';
export { RejectionRecordSchema } from './rejectionRecord.ts';
export type { RejectionRecord } from './rejectionRecord.ts';
export { TableRecordSchema } from './tableRecord.ts';
export type { TableRecord } from './tableRecord.ts';
export { StreamRecordSchema, parseTableChange, isDocumentInsert } from './streamEvent.ts';
export type { StreamRecord, TableChange } from './streamEvent.ts';
export {
  DocumentIngestedDetailSchema,
  toDocumentIngestedDetail,
} from './documentIngestedEvent.ts';
export type { DocumentIngestedDetail } from './documentIngestedEvent.ts';
export { RecordContractError, RecordSchemaViolationError } from './errors.ts';
