import { type AttributeValue, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type ObjectRef, rejectionPartitionKey } from '@doc-ingest/contracts';

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
  const keys: { pk: string; sk: string }[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const response = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: rejectionPartitionKey(ref) } },
        ProjectionExpression: 'pk, sk',
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of response.Items ?? []) {
      const { pk, sk } = unmarshall(item);
      keys.push({ pk: String(pk), sk: String(sk) });
    }
    startKey = response.LastEvaluatedKey;
  } while (startKey !== undefined);
  return keys;
};

export { findRejectionsOfKey };
