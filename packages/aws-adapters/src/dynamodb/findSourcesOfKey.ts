import { type AttributeValue, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type ObjectRef, type SourceRecord, sourcePartitionKey } from '@doc-ingest/contracts';

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
): Promise<SourceOfKey[]> => {
  const sources: SourceOfKey[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const response = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: sourcePartitionKey(ref) } },
        ProjectionExpression: 'pk, sk, contentHash, versionId, receivedAt, deletedAt',
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    sources.push(...(response.Items ?? []).map((item) => unmarshall(item) as SourceOfKey));
    startKey = response.LastEvaluatedKey;
  } while (startKey !== undefined);
  return sources;
};

export type { SourceOfKey };
export { findSourcesOfKey };
