import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type ObjectRef, rejectionPartitionKey } from '@doc-ingest/contracts';
import { queryPartition } from './queryPartition.ts';

/**
 * The keys of every rejection recorded for one object key (all versions),
 * under the key layout's object path.
 *
 * @example
 * const keys = await findRejectionsOfKey(dynamodb, tableName, { bucket, key });
 */
const findRejectionsOfKey = async (
  client: DynamoDBClient,
  tableName: string,
  ref: Pick<ObjectRef, 'bucket' | 'key'>,
): Promise<{ pk: string; sk: string }[]> => {
  const items = await queryPartition(client, tableName, rejectionPartitionKey(ref), 'pk, sk');
  return items.map(({ pk, sk }) => ({ pk: String(pk), sk: String(sk) }));
};

export { findRejectionsOfKey };
