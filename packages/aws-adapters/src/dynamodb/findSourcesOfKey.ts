import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type ObjectRef, type SourceRecord, sourcePartitionKey } from '@doc-ingest/contracts';
import { queryPartition } from './queryPartition.ts';

/** What deleting or purging needs of a source item. */
type SourceOfKey = Pick<
  SourceRecord,
  'pk' | 'sk' | 'contentHash' | 'versionId' | 'receivedAt' | 'deletedAt'
>;

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

export type { SourceOfKey };
export { findSourcesOfKey };
