import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  DOCUMENT_SORT_KEY,
  type DocumentRecord,
  DocumentRecordSchema,
  documentPartitionKey,
} from '@doc-ingest/contracts';

/** The canonical document of a content hash, checked against the contract; undefined if absent. */
const readDocument = async (
  dynamodb: DynamoDBClient,
  table: string,
  contentHash: string,
): Promise<DocumentRecord | undefined> => {
  const { Item } = await dynamodb.send(
    new GetItemCommand({
      TableName: table,
      Key: { pk: { S: documentPartitionKey(contentHash) }, sk: { S: DOCUMENT_SORT_KEY } },
      ConsistentRead: true,
    }),
  );
  return Item === undefined ? undefined : DocumentRecordSchema.parse(unmarshall(Item));
};

export { readDocument };
