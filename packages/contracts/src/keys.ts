import { createHash } from 'node:crypto';
import type { ObjectRef, TopicId } from './primitives.ts';

/*
 * Key layout of the single-table design. Access patterns:
 * - a document by content hash:          pk = DOC#<hash>,             sk = DOCUMENT
 * - the topics of a document:            pk = DOC#<hash>,             sk begins_with TOPIC#
 * - documents of a topic, newest first:  gsi1pk = TOPIC#<id>,         gsi1sk = <createdAt>#<hash> (ScanIndexForward=false)
 * - the sources of a document:           gsi1pk = DOC#<hash>,         gsi1sk begins_with SOURCE#
 * - what a source key became:            pk = SOURCE#<object path>    (document) or REJECTION#<object path>
 * - the versions of one source key:      sk = VERSION#<versionId>, or VERSION#null#<eTag> without a version
 * - rejections of one day:               gsi1pk = REJECTION#<yyyy-mm-dd>
 * - the owner of an LSH band:            pk = NEAR#<fingerprint version>#<band key>, sk = OWNER
 *
 * <object path> is `<bucket>/<key>`, or `<bucket>#sha256/<hex of the key>` when
 * that is longer than MAX_OBJECT_PATH_BYTES (schema 1.3+): S3 keys reach 1,024
 * bytes and DynamoDB sort keys stop at 1,024, so a long key would not fit in a
 * gsi1sk. The full key is always kept in the item's `key` attribute. Bucket
 * names cannot contain `#`, so no real key can produce a hashed path.
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

/**
 * Longest `<bucket>/<key>` kept readable in key attributes, in UTF-8 bytes:
 * leaves room in a 1,024-byte sort key for a prefix and a timestamp.
 */
const MAX_OBJECT_PATH_BYTES = 900;

/**
 * How an object is named inside key attributes: `<bucket>/<key>`, or a
 * fixed-size hash of the key when that would not fit. The one rule every
 * writer and every lookup by key uses.
 *
 * @example
 * objectPath({ bucket: 'b', key: 'a.txt' }); // 'b/a.txt'
 */
const objectPath = (ref: Pick<ObjectRef, 'bucket' | 'key'>): string => {
  const plain = `${ref.bucket}/${ref.key}`;
  if (Buffer.byteLength(plain, 'utf8') <= MAX_OBJECT_PATH_BYTES) return plain;
  return `${ref.bucket}#sha256/${createHash('sha256').update(ref.key, 'utf8').digest('hex')}`;
};

const sourcePartitionKey = (ref: Pick<ObjectRef, 'bucket' | 'key'>): string =>
  `SOURCE#${objectPath(ref)}`;

/**
 * The identity of one object version under its key. Without a real version id
 * (an unversioned bucket, or an object written while versioning was off) the
 * key alone does not tell an overwrite from a redelivery, so the ETag joins
 * it (schema 1.3+; 1.2 wrote `VERSION#null` for every such object).
 */
const versionSortKey = (ref: Pick<ObjectRef, 'versionId'> & { eTag?: string }): string => {
  if (ref.versionId !== undefined && ref.versionId !== UNVERSIONED) {
    return `VERSION#${ref.versionId}`;
  }
  return ref.eTag === undefined ? `VERSION#${UNVERSIONED}` : `VERSION#${UNVERSIONED}#${ref.eTag}`;
};

/** What every source's `gsi1sk` begins with: the sources of a document, read from its index partition. */
const SOURCE_INDEX_SORT_PREFIX = 'SOURCE#';

const sourceIndexSortKey = (receivedAt: string, ref: ObjectRef): string =>
  `${SOURCE_INDEX_SORT_PREFIX}${receivedAt}#${objectPath(ref)}`;

const rejectionPartitionKey = (ref: Pick<ObjectRef, 'bucket' | 'key'>): string =>
  `REJECTION#${objectPath(ref)}`;

const rejectionIndexPartitionKey = (rejectedAt: string): string =>
  `REJECTION#${rejectedAt.slice(0, 10)}`;

const rejectionIndexSortKey = (
  rejectedAt: string,
  ref: Pick<ObjectRef, 'bucket' | 'key'>,
): string => `${rejectedAt}#${objectPath(ref)}`;

const nearBandPartitionKey = (fingerprintVersion: string, bandKey: string): string =>
  `NEAR#${fingerprintVersion}#${bandKey}`;

/** Prefix of the text bucket's objects: the texts too large to inline in their document. */
const TEXT_OBJECT_PREFIX = 'text/';

/** The text bucket key of a content's normalized text: one object per content hash. */
const documentTextKey = (contentHash: string): string => `${TEXT_OBJECT_PREFIX}${contentHash}.txt`;

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
};
