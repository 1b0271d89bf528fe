import {
  DOCUMENT_SORT_KEY,
  type DocumentRecord,
  documentPartitionKey,
  IngestStatus,
  ItemKind,
  NEAR_BAND_SORT_KEY,
  type NearBandRecord,
  type NearDuplicateRef,
  nearBandPartitionKey,
  type ObjectRef,
  type RejectionRecord,
  rejectionIndexPartitionKey,
  rejectionIndexSortKey,
  rejectionPartitionKey,
  SCHEMA_VERSION,
  type SourceRecord,
  type StoredFingerprint,
  sourceIndexSortKey,
  sourcePartitionKey,
  type TopicRecord,
  type TopicScore,
  topicIndexPartitionKey,
  topicIndexSortKey,
  topicSortKey,
  versionSortKey,
} from '@doc-ingest/contracts';
import { FINGERPRINT_VERSION } from '../similarity/fingerprintDocument.ts';
import { serializeSignature } from '../similarity/signatureCodec.ts';
import type { ProcessedDocument, Rejection } from '../types.ts';

/** An object as the store describes it. */
interface SourceObject extends ObjectRef {
  size: number;
  eTag?: string;
}

/** Where the document's text goes: inline, or a pointer to the text store. */
type TextPlacement = { inline: true } | { inline: false; location: ObjectRef };

interface DocumentItems {
  document: DocumentRecord;
  newSource: SourceRecord;
  duplicateSource: SourceRecord;
  topics: TopicRecord[];
  /**
   * Owner items for every band of a canonical document, carrying its
   * fingerprint, that make it findable as a near-duplicate original; none for copies.
   */
  nearBands: NearBandRecord[];
}

/** The document's claim on each of its bands; the writer puts only those nobody owns yet. */
const buildNearBands = (doc: ProcessedDocument, fingerprint: StoredFingerprint): NearBandRecord[] =>
  doc.fingerprint.bandKeys.map((bandKey) => ({
    pk: nearBandPartitionKey(FINGERPRINT_VERSION, bandKey),
    sk: NEAR_BAND_SORT_KEY,
    kind: ItemKind.NEAR_BAND,
    schemaVersion: SCHEMA_VERSION,
    contentHash: doc.contentHash,
    fingerprintVersion: FINGERPRINT_VERSION,
    fingerprint,
  }));

const buildSource = (
  doc: ProcessedDocument,
  object: SourceObject,
  status: SourceRecord['status'],
  receivedAt: string,
): SourceRecord => ({
  pk: sourcePartitionKey(object),
  sk: versionSortKey(object),
  gsi1pk: documentPartitionKey(doc.contentHash),
  gsi1sk: sourceIndexSortKey(receivedAt, object),
  kind: ItemKind.SOURCE,
  schemaVersion: SCHEMA_VERSION,
  bucket: object.bucket,
  key: object.key,
  versionId: object.versionId,
  eTag: object.eTag,
  size: object.size,
  contentHash: doc.contentHash,
  status,
  encoding: doc.encoding,
  format: doc.format,
  sourceIndex: doc.sourceIndex,
  declaredHash: doc.declaredHash,
  declaredHashMatches: doc.declaredHashMatches,
  receivedAt,
});

/** What a topic-membership item repeats of its document. */
type TopicOwner = Pick<
  ProcessedDocument,
  'contentHash' | 'title' | 'language' | 'taxonomyVersion' | 'topics'
>;

const buildTopic = (doc: TopicOwner, topic: TopicScore, createdAt: string): TopicRecord => ({
  pk: documentPartitionKey(doc.contentHash),
  sk: topicSortKey(topic.id),
  gsi1pk: topicIndexPartitionKey(topic.id),
  gsi1sk: topicIndexSortKey(createdAt, doc.contentHash),
  kind: ItemKind.TOPIC,
  schemaVersion: SCHEMA_VERSION,
  topicId: topic.id,
  contentHash: doc.contentHash,
  score: topic.score,
  title: doc.title,
  language: doc.language,
  taxonomyVersion: doc.taxonomyVersion,
  createdAt,
});

/**
 * The table items for one processed object: the canonical document, the
 * source in both of its possible states (the writer picks one atomically),
 * one topic-membership item per topic and, unless the document is a
 * near-duplicate of `nearDuplicateOf`, its near-duplicate band items.
 *
 * @example
 * const items = buildDocumentItems(doc, object, { inline: true }, new Date().toISOString());
 */
const buildDocumentItems = (
  doc: ProcessedDocument,
  object: SourceObject,
  placement: TextPlacement,
  now: string,
  nearDuplicateOf?: NearDuplicateRef,
): DocumentItems => {
  const firstSource: ObjectRef = { bucket: object.bucket, key: object.key };
  if (object.versionId !== undefined) firstSource.versionId = object.versionId;
  const fingerprint: StoredFingerprint = {
    version: FINGERPRINT_VERSION,
    signature: serializeSignature(doc.fingerprint.signature),
    shingleCount: doc.fingerprint.shingleCount,
  };
  const document: DocumentRecord = {
    pk: documentPartitionKey(doc.contentHash),
    sk: DOCUMENT_SORT_KEY,
    kind: ItemKind.DOCUMENT,
    schemaVersion: SCHEMA_VERSION,
    contentHash: doc.contentHash,
    title: doc.title,
    language: doc.language,
    languages: doc.languages,
    topics: doc.topics,
    taxonomyVersion: doc.taxonomyVersion,
    textBytes: doc.textBytes,
    charCount: doc.charCount,
    notes: doc.notes,
    fingerprint,
    firstSource,
    sourceCount: 1,
    liveSourceCount: 1,
    createdAt: now,
    updatedAt: now,
  };
  if (nearDuplicateOf !== undefined) document.nearDuplicateOf = nearDuplicateOf;
  if (placement.inline) document.text = doc.text;
  else document.textLocation = placement.location;
  return {
    document,
    newSource: buildSource(doc, object, IngestStatus.NEW, now),
    duplicateSource: buildSource(doc, object, IngestStatus.DUPLICATE, now),
    topics: buildTopicItems(doc, now),
    nearBands: nearDuplicateOf === undefined ? buildNearBands(doc, fingerprint) : [],
  };
};

/**
 * One membership item per topic of a document, sorted in the topic index by
 * the document's creation time. Used on ingestion and on reclassification.
 *
 * @example
 * const items = buildTopicItems({ ...document, topics, taxonomyVersion }, document.createdAt);
 */
const buildTopicItems = (doc: TopicOwner, createdAt: string): TopicRecord[] =>
  doc.topics.map((topic) => buildTopic(doc, topic, createdAt));

/** A refusal, with the AWS error code when the object could not be read at all. */
type RecordedRejection = Rejection & { errorCode?: string };

/**
 * The record of a refused object.
 *
 * @example
 * const record = buildRejectionRecord(object, rejection, new Date().toISOString());
 */
const buildRejectionRecord = (
  object: SourceObject,
  rejection: RecordedRejection,
  rejectedAt: string,
): RejectionRecord => ({
  pk: rejectionPartitionKey(object),
  sk: versionSortKey(object),
  gsi1pk: rejectionIndexPartitionKey(rejectedAt),
  gsi1sk: rejectionIndexSortKey(rejectedAt, object),
  kind: ItemKind.REJECTION,
  schemaVersion: SCHEMA_VERSION,
  bucket: object.bucket,
  key: object.key,
  versionId: object.versionId,
  eTag: object.eTag,
  size: object.size,
  reason: rejection.reason,
  detail: rejection.detail,
  errorCode: rejection.errorCode,
  rejectedAt,
});

export type { DocumentItems, RecordedRejection, SourceObject, TextPlacement, TopicOwner };
export { buildDocumentItems, buildRejectionRecord, buildTopicItems };
