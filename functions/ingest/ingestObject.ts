import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import {
  type AnnouncedObject,
  type ContentLookup,
  documentTextLocation,
  lookUpContent,
  putDocumentText,
  readObject,
  recordIngestion,
  recordNearBands,
  recordRejection,
} from '@doc-ingest/aws-adapters';
import {
  type NearDuplicateRef,
  RejectionReason,
  type RejectionReasonCode,
} from '@doc-ingest/contracts';
import {
  buildDocumentItems,
  buildRejectionRecord,
  type DocumentItems,
  FINGERPRINT_VERSION,
  type ProcessedDocument,
  pickNearDuplicate,
  processDocument,
  type Rejection,
  type SourceObject,
  type TextPlacement,
} from '@doc-ingest/core';
import type { IngestConfig } from './config.ts';

interface IngestDependencies {
  s3: S3Client;
  dynamodb: DynamoDBClient;
  config: IngestConfig;
  now: () => string;
}

interface IngestReport {
  status: 'new' | 'near-duplicate' | 'duplicate' | 'already-recorded' | 'rejected';
  bucket: string;
  key: string;
  contentHash?: string;
  reason?: RejectionReasonCode;
  topicIds?: string[];
  nearDuplicateOf?: NearDuplicateRef;
}

const NOTHING_KNOWN: ContentLookup = { candidates: [], unclaimedBands: new Set() };

/** Whether the content is stored already, and who owns its LSH bands: one read. */
const lookUp = (doc: ProcessedDocument, deps: IngestDependencies): Promise<ContentLookup> =>
  doc.fingerprint.bandKeys.length === 0
    ? Promise.resolve(NOTHING_KNOWN)
    : lookUpContent(deps.dynamodb, deps.config.tableName, {
        contentHash: doc.contentHash,
        fingerprintVersion: FINGERPRINT_VERSION,
        bandKeys: doc.fingerprint.bandKeys,
      });

/**
 * The canonical document this one republishes, if any. A stored content keeps
 * what was decided when it was created: this object only adds a source to it,
 * and its redelivery must not index a near-duplicate as an original.
 */
const findOriginal = (
  doc: ProcessedDocument,
  known: ContentLookup,
): NearDuplicateRef | undefined =>
  known.existing === undefined
    ? pickNearDuplicate(doc.fingerprint, known.candidates)
    : known.existing.nearDuplicateOf;

/**
 * Inline when small enough; otherwise in the text bucket, written only for a
 * new content: a stored one's text was put there before its document existed.
 */
const placeText = async (
  doc: ProcessedDocument,
  known: ContentLookup,
  deps: IngestDependencies,
): Promise<TextPlacement> => {
  const { textBucketName, inlineTextMaxBytes } = deps.config;
  if (doc.textBytes <= inlineTextMaxBytes) return { inline: true };
  const location =
    known.existing === undefined
      ? await putDocumentText(deps.s3, textBucketName, doc.contentHash, doc.text)
      : documentTextLocation(textBucketName, doc.contentHash);
  return { inline: false, location };
};

/** The band claims to write: bands another document owns stay with it. */
const bandsToClaim = (items: DocumentItems, known: ContentLookup) =>
  items.nearBands.filter((band) => known.unclaimedBands.has(band.pk));

const reject = async (
  object: SourceObject,
  rejection: Rejection,
  deps: IngestDependencies,
): Promise<IngestReport> => {
  const record = buildRejectionRecord(object, rejection, deps.now());
  await recordRejection(deps.dynamodb, deps.config.tableName, record);
  return {
    status: 'rejected',
    bucket: object.bucket,
    key: object.key,
    reason: rejection.reason,
  };
};

/**
 * Ingests one announced object: read (size-capped), run the pure pipeline,
 * look up in one read whether the content is stored and which documents own
 * its LSH bands, pick a near-duplicate original among them, then record a
 * document (marked as a near-duplicate when it is one) with its claims on
 * unowned bands, a duplicate source or a rejection. Safe to repeat: every
 * write is conditional or idempotent, so redeliveries change nothing.
 */
const ingestObject = async (
  announced: AnnouncedObject,
  deps: IngestDependencies,
): Promise<IngestReport> => {
  const { config } = deps;
  const ref = { bucket: announced.bucket, key: announced.key, versionId: announced.versionId };
  const read = await readObject(deps.s3, ref, { maxBytes: config.maxObjectBytes });
  const object: SourceObject = { ...ref, size: announced.size ?? 0 };
  if (announced.eTag !== undefined) object.eTag = announced.eTag;

  if (read.kind === 'not-found') {
    return reject(
      object,
      {
        reason: RejectionReason.OBJECT_NOT_FOUND,
        detail: 'the object or version no longer exists',
      },
      deps,
    );
  }
  if (read.kind === 'too-large') {
    const version = read.versionId === undefined ? {} : { versionId: read.versionId };
    return reject(
      { ...object, ...version, size: read.size },
      {
        reason: RejectionReason.TOO_LARGE,
        detail: `${read.size} bytes exceeds the ${config.maxObjectBytes} byte limit`,
      },
      deps,
    );
  }
  object.size = read.size;
  if (read.versionId !== undefined) object.versionId = read.versionId;
  if (read.eTag !== undefined) object.eTag = read.eTag;

  const result = processDocument(
    { bytes: read.bytes, key: announced.key },
    config.topicThreshold === undefined ? {} : { topicThreshold: config.topicThreshold },
  );
  if (!result.ok) return reject(object, result.rejection, deps);
  const doc = result.value;

  const known = await lookUp(doc, deps);
  const placement = await placeText(doc, known, deps);
  const nearDuplicateOf = findOriginal(doc, known);
  const now = deps.now();
  const items = buildDocumentItems(doc, object, placement, now, nearDuplicateOf);
  const status = await recordIngestion(deps.dynamodb, config.tableName, items, now, {
    documentExists: known.existing !== undefined,
  });
  // After the document exists, so a crash in between only delays findability;
  // a redelivery claims the bands still unclaimed.
  if (status !== 'duplicate')
    await recordNearBands(deps.dynamodb, config.tableName, bandsToClaim(items, known));
  const report: IngestReport = {
    status: status === 'new' && nearDuplicateOf !== undefined ? 'near-duplicate' : status,
    bucket: object.bucket,
    key: object.key,
    contentHash: doc.contentHash,
    topicIds: doc.topics.map((topic) => topic.id),
  };
  if (nearDuplicateOf !== undefined) report.nearDuplicateOf = nearDuplicateOf;
  return report;
};

export type { IngestDependencies, IngestReport };
export { ingestObject };
