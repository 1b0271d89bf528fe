import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import {
  deleteDocumentText,
  deleteItems,
  findDocumentItems,
  findRejectionsOfKey,
  findSourcesOfKey,
  releaseNearBands,
} from '@doc-ingest/aws-adapters';
import { type DocumentRecord, nearBandPartitionKey, type ObjectRef } from '@doc-ingest/contracts';
import { bandKeysOfVersion, parseSignature } from '@doc-ingest/core';

/** What to erase: one content, or every content one object key produced. */
type PurgeTarget = { contentHash: string } | { source: Pick<ObjectRef, 'bucket' | 'key'> };

interface PurgeOptions {
  tableName: string;
  /** The near-duplicate index table holding the band claims (schema 1.4+). */
  nearIndexTableName: string;
  target: PurgeTarget;
}

interface PurgeClients {
  dynamodb: DynamoDBClient;
  s3: S3Client;
}

interface PurgeReport {
  /** The contents erased (those found; a hash with nothing stored is still listed). */
  contentHashes: string[];
  documents: number;
  sources: number;
  topics: number;
  nearBands: number;
  /** Versions of stored texts deleted from the text bucket. */
  textVersions: number;
  /** Rejections of the key (with `source` only). */
  rejections: number;
}

/** Partition keys of the bands a document could own, from its stored fingerprint. */
const bandPartitionKeys = (document: DocumentRecord): string[] => {
  const { fingerprint } = document;
  // Band keys depend on the fingerprint version's layout: the current one and
  // the one before it (32 bands) are rebuilt, an unknown one cannot be.
  if (fingerprint === undefined) return [];
  const signature = parseSignature(fingerprint.signature);
  if (signature === undefined) return [];
  return bandKeysOfVersion(fingerprint.version, signature).map((key) =>
    nearBandPartitionKey(fingerprint.version, key),
  );
};

const purgeContent = async (
  contentHash: string,
  options: PurgeOptions,
  clients: PurgeClients,
  report: PurgeReport,
): Promise<void> => {
  const { dynamodb, s3 } = clients;
  const { tableName } = options;
  const { document, topics, sources } = await findDocumentItems(dynamodb, tableName, contentHash);
  if (document?.textLocation !== undefined) {
    report.textVersions += await deleteDocumentText(s3, document.textLocation);
  }
  if (document !== undefined) {
    report.nearBands += await releaseNearBands(
      dynamodb,
      options.nearIndexTableName,
      contentHash,
      bandPartitionKeys(document),
    );
  }
  report.topics += await deleteItems(dynamodb, tableName, topics);
  report.sources += await deleteItems(dynamodb, tableName, sources);
  // Last: until the document item is gone, a rerun finds its text and bands again.
  if (document !== undefined) {
    report.documents += await deleteItems(dynamodb, tableName, [document]);
  }
};

/**
 * Erases a document for a takedown or an erasure request: its text object
 * (every version), its near-band claims, its topic and source items, then the
 * document item itself, whose REMOVE on the stream tells consumers. Given a
 * source key instead of a hash, it erases every content that key produced
 * and the key's rejections. Safe to rerun after a failure: the document goes
 * last, so a rerun still finds what is left. The uploaded objects in the
 * ingest bucket are not touched: they belong to the uploader.
 *
 * Near-duplicates that point to the erased document keep their
 * `nearDuplicateOf` (it names a hash, not content); purge them by hash too if
 * the request covers them.
 *
 * @example
 * const report = await purgeDocument({ tableName, target: { contentHash } }, { dynamodb, s3 });
 */
const purgeDocument = async (
  options: PurgeOptions,
  clients: PurgeClients,
): Promise<PurgeReport> => {
  const { target, tableName } = options;
  const report: PurgeReport = {
    contentHashes: [],
    documents: 0,
    sources: 0,
    topics: 0,
    nearBands: 0,
    textVersions: 0,
    rejections: 0,
  };
  if ('contentHash' in target) {
    report.contentHashes = [target.contentHash];
  } else {
    const sources = await findSourcesOfKey(clients.dynamodb, tableName, target.source);
    report.contentHashes = [...new Set(sources.map((source) => source.contentHash))];
    const rejections = await findRejectionsOfKey(clients.dynamodb, tableName, target.source);
    report.rejections = await deleteItems(clients.dynamodb, tableName, rejections);
  }
  for (const contentHash of report.contentHashes) {
    await purgeContent(contentHash, options, clients, report);
  }
  return report;
};

export type { PurgeClients, PurgeOptions, PurgeReport, PurgeTarget };
export { purgeDocument };
