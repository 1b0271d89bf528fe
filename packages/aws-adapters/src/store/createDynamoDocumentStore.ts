import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DocumentStore } from '@doc-ingest/ingestion';
import { claimNearBands } from '../dynamodb/claimNearBands.ts';
import { findSourcesOfKey } from '../dynamodb/findSourcesOfKey.ts';
import { lookUpContent } from '../dynamodb/lookUpContent.ts';
import { markSourceDeleted } from '../dynamodb/markSourceDeleted.ts';
import { recordIngestion } from '../dynamodb/recordIngestion.ts';
import { recordRejection } from '../dynamodb/recordRejection.ts';
import { withdrawDocument } from '../dynamodb/withdrawDocument.ts';
import { documentTextLocation, putDocumentText } from '../s3/putDocumentText.ts';

/** Where the deployed store keeps things: the stack's two tables and its text bucket. */
interface DynamoDocumentStoreOptions {
  dynamodb: DynamoDBClient;
  s3: S3Client;
  /** The document table (its stream carries the record contract). */
  tableName: string;
  /** The near-duplicate index table (band owners, no stream). */
  nearIndexTableName: string;
  /** The bucket of texts too large to inline. */
  textBucketName: string;
}

/**
 * The deployed {@link DocumentStore}: documents, sources, topics and
 * rejections in the document table, band owners in the index table, large
 * texts in the text bucket. Item shapes come from the core's builders and the
 * contract's key functions; conditions and transactions live in the adapters
 * this delegates to.
 *
 * @example
 * const store = createDynamoDocumentStore({ dynamodb, s3, tableName, nearIndexTableName, textBucketName });
 */
const createDynamoDocumentStore = (options: DynamoDocumentStoreOptions): DocumentStore => {
  const { dynamodb, s3, tableName, nearIndexTableName, textBucketName } = options;
  const tables = { documents: tableName, nearIndex: nearIndexTableName };
  return {
    lookUpContent: (content) => lookUpContent(dynamodb, tables, content),
    storeText: (contentHash, text) => putDocumentText(s3, textBucketName, contentHash, text),
    textLocation: (contentHash) => documentTextLocation(textBucketName, contentHash),
    claimNearBands: (bands) => claimNearBands(dynamodb, nearIndexTableName, bands),
    recordIngestion: (items, now, recordOptions) =>
      recordIngestion(dynamodb, tableName, items, now, recordOptions),
    recordRejection: (record) => recordRejection(dynamodb, tableName, record),
    findSourcesOfKey: (ref) => findSourcesOfKey(dynamodb, tableName, ref),
    markSourceDeleted: (source, now) => markSourceDeleted(dynamodb, tableName, source, now),
    withdrawDocument: (contentHash, now) => withdrawDocument(dynamodb, tableName, contentHash, now),
  };
};

export type { DynamoDocumentStoreOptions };
export { createDynamoDocumentStore };
