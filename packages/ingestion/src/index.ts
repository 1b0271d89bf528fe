/*
 * @doc-ingest/ingestion: the ingest decisions (new, duplicate, near-duplicate,
 * rejected, removed, withdrawn) over a DocumentStore and an ObjectReader, and
 * in-memory implementations of both. No AWS imports: the Lambda passes the
 * DynamoDB store and the S3 reader (`@doc-ingest/aws-adapters`), `ingest
 * process` the in-memory store and a file reader.
 */

export { IngestionError, ObjectUnreadableError, StoreConflictError } from './errors.ts';
export type {
  Delivery,
  IngestDependencies,
  IngestReport,
  IngestSettings,
  ObjectToIngest,
} from './ingestObject.ts';
export { ingestObject, recordRead } from './ingestObject.ts';
export type {
  InMemoryDocumentStore,
  InMemoryDocumentStoreOptions,
  StoredRecord,
} from './memory/createInMemoryDocumentStore.ts';
export { createInMemoryDocumentStore } from './memory/createInMemoryDocumentStore.ts';
export type {
  InMemoryObject,
  InMemoryObjectReader,
} from './memory/createInMemoryObjectReader.ts';
export {
  createInMemoryObjectReader,
  InMemoryReadError,
} from './memory/createInMemoryObjectReader.ts';
export type { ObjectReader, ObjectReadResult, ReadObjectOptions } from './read/ObjectReader.ts';
export type {
  ObjectToRemove,
  RemovalDependencies,
  RemovalReport,
  Retirement,
} from './removeObject.ts';
export { removeObject, retireOverwrittenSources } from './removeObject.ts';
export type { DocumentStore } from './store/DocumentStore.ts';
export type { IngestionWrites } from './store/recordIngestionInSteps.ts';
export {
  firstRecordingOf,
  namesFirstSource,
  recordIngestionInSteps,
} from './store/recordIngestionInSteps.ts';
export type {
  BandClaim,
  ContentLookup,
  ContentToLookUp,
  IngestionItems,
  IngestionOutcome,
  RecordIngestionOptions,
  SourceDeletion,
  SourceOfKey,
} from './store/types.ts';
