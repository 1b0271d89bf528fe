import type { ObjectRef, TopicId } from './primitives.ts';

/*
 * Key layout of the single-table design. Access patterns:
 * - a document by content hash:          pk = DOC#<hash>,             sk = DOCUMENT
 * - the topics of a document:            pk = DOC#<hash>,             sk begins_with TOPIC#
 * - documents of a topic, newest first:  gsi1pk = TOPIC#<id>,         gsi1sk = <createdAt>#<hash> (ScanIndexForward=false)
 * - the sources of a document:           gsi1pk = DOC#<hash>,         gsi1sk begins_with SOURCE#
 * - what a source key became:            pk = SOURCE#<bucket>/<key>   (document) or REJECTION#<bucket>/<key>
 * - rejections of one day:               gsi1pk = REJECTION#<yyyy-mm-dd>
 * - the owner of an LSH band:            pk = NEAR#<fingerprint version>#<band key>, sk = OWNER
 */

const DOCUMENT_SORT_KEY = 'DOCUMENT';
/** Sort key of a band's one owner item (schema 1.2+; 1.1 wrote one `DOC#<hash>` item per document). */
const NEAR_BAND_SORT_KEY = 'OWNER';
// S3 reports `null` as the version of objects written while versioning was off.
const UNVERSIONED = 'null';

const documentPartitionKey = (contentHash: string): string => `DOC#${contentHash}`;

const topicSortKey = (topicId: TopicId): string => `TOPIC#${topicId}`;

const topicIndexPartitionKey = (topicId: TopicId): string => `TOPIC#${topicId}`;

const topicIndexSortKey = (createdAt: string, contentHash: string): string =>
  `${createdAt}#${contentHash}`;

const objectPath = (ref: Pick<ObjectRef, 'bucket' | 'key'>): string => `${ref.bucket}/${ref.key}`;

const sourcePartitionKey = (ref: Pick<ObjectRef, 'bucket' | 'key'>): string =>
  `SOURCE#${objectPath(ref)}`;

const versionSortKey = (ref: Pick<ObjectRef, 'versionId'>): string =>
  `VERSION#${ref.versionId ?? UNVERSIONED}`;

const sourceIndexSortKey = (receivedAt: string, ref: ObjectRef): string =>
  `SOURCE#${receivedAt}#${objectPath(ref)}`;

const rejectionPartitionKey = (ref: Pick<ObjectRef, 'bucket' | 'key'>): string =>
  `REJECTION#${objectPath(ref)}`;

const rejectionIndexPartitionKey = (rejectedAt: string): string =>
  `REJECTION#${rejectedAt.slice(0, 10)}`;

const nearBandPartitionKey = (fingerprintVersion: string, bandKey: string): string =>
  `NEAR#${fingerprintVersion}#${bandKey}`;

export {
  DOCUMENT_SORT_KEY,
  documentPartitionKey,
  NEAR_BAND_SORT_KEY,
  nearBandPartitionKey,
  rejectionIndexPartitionKey,
  rejectionPartitionKey,
  sourceIndexSortKey,
  sourcePartitionKey,
  topicIndexPartitionKey,
  topicIndexSortKey,
  topicSortKey,
  versionSortKey,
};
