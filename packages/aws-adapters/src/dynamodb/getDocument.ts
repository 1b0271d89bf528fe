import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  DOCUMENT_SORT_KEY,
  type DocumentRecord,
  DocumentRecordSchema,
  documentPartitionKey,
} from '@doc-ingest/contracts';

/**
 * The document of a content hash, read consistently, or `undefined` when the
 * table holds none. Throws `ZodError` when the item breaks the contract.
 *
 * @example
 * const doc = await getDocument(dynamodb, tableName, contentHash);
 */
const getDocument = async (
  client: DynamoDBClient,
  tableName: string,
  contentHash: string,
): Promise<DocumentRecord | undefined> => {
  const { Item } = await client.send(
    new GetItemCommand({
      TableName: tableName,
      Key: {
        pk: { S: documentPartitionKey(contentHash) },
        sk: { S: DOCUMENT_SORT_KEY },
      },
      ConsistentRead: true,
    }),
  );
  return Item === undefined ? undefined : DocumentRecordSchema.parse(unmarshall(Item));
};

export { getDocument };
