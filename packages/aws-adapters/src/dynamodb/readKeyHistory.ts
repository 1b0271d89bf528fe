import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type ObjectRef,
  rejectionPartitionKey,
  sourcePartitionKey,
  TableKeys,
} from '@doc-ingest/contracts';
import { queryAll, type StoredItem } from './readDocumentWithSources.ts';

interface KeyHistory {
  /** `source` items of the key: one per ingested version (new or duplicate). */
  sources: StoredItem[];
  /** `rejection` items of the key: one per refused version. */
  rejections: StoredItem[];
}

/**
 * What the table recorded for every version of one object key: its source
 * items (`pk = SOURCE#<bucket>/<key>`) and rejection items
 * (`pk = REJECTION#<bucket>/<key>`), read with the contract's key functions.
 *
 * @example
 * const { sources, rejections } = await readKeyHistory(dynamodb, table, { bucket, key });
 */
const readKeyHistory = async (
  client: DynamoDBClient,
  tableName: string,
  ref: Pick<ObjectRef, 'bucket' | 'key'>,
): Promise<KeyHistory> => {
  const byPartition = (pk: string) =>
    queryAll(client, {
      TableName: tableName,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': TableKeys.PARTITION_KEY },
      ExpressionAttributeValues: { ':pk': { S: pk } },
    });
  const [sources, rejections] = await Promise.all([
    byPartition(sourcePartitionKey(ref)),
    byPartition(rejectionPartitionKey(ref)),
  ]);
  return { sources, rejections };
};

export type { KeyHistory };
export { readKeyHistory };
