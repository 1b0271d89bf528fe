import { type AttributeValue, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

/**
 * Every item of one partition, read strongly consistently across all pages,
 * with only the attributes named in `projection`.
 *
 * @example
 * const items = await queryPartition(dynamodb, tableName, sourcePartitionKey(ref), 'pk, sk');
 */
const queryPartition = async (
  client: DynamoDBClient,
  tableName: string,
  partitionKey: string,
  projection: string,
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const response = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: partitionKey } },
        ProjectionExpression: projection,
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(response.Items ?? []).map((item) => unmarshall(item)));
    startKey = response.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
};

export { queryPartition };
