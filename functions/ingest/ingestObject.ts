import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import {
  type AnnouncedObject,
  putDocumentText,
  readObject,
  recordIngestion,
  recordRejection,
} from '@doc-ingest/aws-adapters';
import { RejectionReason, type RejectionReasonCode } from '@doc-ingest/contracts';
import {
  buildDocumentItems,
  buildRejectionRecord,
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
  status: 'new' | 'duplicate' | 'already-recorded' | 'rejected';
  bucket: string;
  key: string;
  contentHash?: string;
  reason?: RejectionReasonCode;
  topicIds?: string[];
}

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
 * then record a document, a duplicate source or a rejection. Safe to repeat:
 * every write is conditional, so redeliveries change nothing.
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
    return reject(
      { ...object, size: read.size },
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

  const result = processDocument({ bytes: read.bytes, key: announced.key });
  if (!result.ok) return reject(object, result.rejection, deps);
  const doc = result.value;

  const placement: TextPlacement =
    doc.textBytes <= config.inlineTextMaxBytes
      ? { inline: true }
      : {
          inline: false,
          location: await putDocumentText(
            deps.s3,
            config.textBucketName,
            doc.contentHash,
            doc.text,
          ),
        };
  const now = deps.now();
  const items = buildDocumentItems(doc, object, placement, now);
  const status = await recordIngestion(deps.dynamodb, config.tableName, items, now);
  return {
    status,
    bucket: object.bucket,
    key: object.key,
    contentHash: doc.contentHash,
    topicIds: doc.topics.map((topic) => topic.id),
  };
};

export type { IngestDependencies, IngestReport };
export { ingestObject };
