import { type AttributeValue, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  DOCUMENT_SORT_KEY,
  type DocumentRecord,
  documentPartitionKey,
  type RejectionRecord,
  rejectionPartitionKey,
  type SourceRecord,
  sourcePartitionKey,
} from '@doc-ingest/contracts';

/** A partition of a global secondary index, narrowed to sort keys starting with `skPrefix`. */
interface IndexPartition {
  readonly name: string;
  readonly skPrefix: string;
}

/**
 * Reads the records of a deployed document table the way a consumer would:
 * every item of a partition (consistent reads on the table, all pages), and
 * the sources, rejections and document of a key or a content hash. Keys
 * default to `defaultBucket`.
 *
 * @example
 * const records = tableRecords(clients.dynamodb, outputs.TableName, outputs.BucketName);
 * const [source] = await records.sourcesOfKey('incoming/a.txt');
 */
const tableRecords = (dynamodb: DynamoDBClient, tableName: string, defaultBucket: string) => {
  const queryAll = async (pk: string, index?: IndexPartition) => {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const response = await dynamodb.send(
        new QueryCommand({
          TableName: tableName,
          ...(index === undefined
            ? {
                KeyConditionExpression: 'pk = :pk',
                ExpressionAttributeValues: { ':pk': { S: pk } },
                ConsistentRead: true,
              }
            : {
                IndexName: index.name,
                KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :sk)',
                ExpressionAttributeValues: { ':pk': { S: pk }, ':sk': { S: index.skPrefix } },
              }),
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(response.Items ?? []).map((item) => unmarshall(item)));
      startKey = response.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  };

  const sourcesOfKey = async (key: string, bucket = defaultBucket) =>
    (await queryAll(sourcePartitionKey({ bucket, key }))) as SourceRecord[];
  const rejectionsOfKey = async (key: string, bucket = defaultBucket) =>
    (await queryAll(rejectionPartitionKey({ bucket, key }))) as RejectionRecord[];
  /** The document, its topics and whatever else lives in the content's partition. */
  const documentItems = (contentHash: string) => queryAll(documentPartitionKey(contentHash));
  const sourcesOfDocument = async (contentHash: string) =>
    (await queryAll(documentPartitionKey(contentHash), {
      name: 'gsi1',
      skPrefix: 'SOURCE#',
    })) as SourceRecord[];
  const getDocument = async (contentHash: string) =>
    (await documentItems(contentHash)).find((item) => item.sk === DOCUMENT_SORT_KEY) as
      | DocumentRecord
      | undefined;

  return {
    queryAll,
    sourcesOfKey,
    rejectionsOfKey,
    documentItems,
    sourcesOfDocument,
    getDocument,
  };
};

export type { IndexPartition };
export { tableRecords };
