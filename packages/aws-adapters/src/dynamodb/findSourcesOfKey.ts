import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type ObjectRef, sourcePartitionKey } from '@doc-ingest/contracts';
import type { SourceOfKey } from '@doc-ingest/ingestion';
import { queryPartition } from './queryPartition.ts';

/**
 * Every recorded version of one object key (strongly consistent, all pages),
 * found under the key layout's object path, so long keys are found too.
 *
 * @example
 * const sources = await findSourcesOfKey(dynamodb, tableName, { bucket, key });
 */
const findSourcesOfKey = async (
  client: DynamoDBClient,
  tableName: string,
  ref: Pick<ObjectRef, 'bucket' | 'key'>,
): Promise<SourceOfKey[]> =>
  (await queryPartition(
    client,
    tableName,
    sourcePartitionKey(ref),
    'pk, sk, contentHash, versionId, receivedAt, deletedAt',
  )) as SourceOfKey[];

export { findSourcesOfKey };
