import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  paginateQuery,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  DOCUMENT_SORT_KEY,
  documentPartitionKey,
  SOURCE_INDEX_SORT_PREFIX,
  TableKeys,
} from '@doc-ingest/contracts';

/**
 * A table item as stored, every attribute kept: readers show fields of newer
 * minor contract versions too (a schema parse would drop them).
 */
type StoredItem = Record<string, unknown>;

interface DocumentWithSources {
  document: StoredItem;
  /** Its source objects, oldest first. */
  sources: StoredItem[];
}

/** Every item of a query, over all pages. */
const queryAll = async (
  client: DynamoDBClient,
  input: QueryCommandInput,
): Promise<StoredItem[]> => {
  const items: StoredItem[] = [];
  for await (const page of paginateQuery({ client }, input)) {
    items.push(
      ...(page.Items ?? []).map((item: Record<string, AttributeValue>) => unmarshall(item)),
    );
  }
  return items;
};

/**
 * The canonical document of a content hash and its sources (index `gsi1`,
 * `gsi1pk = DOC#<hash>`, `gsi1sk` begins with `SOURCE#`); undefined when no
 * document has that hash.
 *
 * @example
 * const found = await readDocumentWithSources(dynamodb, table, contentHash);
 */
const readDocumentWithSources = async (
  client: DynamoDBClient,
  tableName: string,
  contentHash: string,
): Promise<DocumentWithSources | undefined> => {
  const pk = documentPartitionKey(contentHash);
  const { Item } = await client.send(
    new GetItemCommand({
      TableName: tableName,
      Key: { [TableKeys.PARTITION_KEY]: { S: pk }, [TableKeys.SORT_KEY]: { S: DOCUMENT_SORT_KEY } },
    }),
  );
  if (Item === undefined) return undefined;
  const sources = await queryAll(client, {
    TableName: tableName,
    IndexName: TableKeys.GSI1_NAME,
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :source)',
    ExpressionAttributeNames: {
      '#pk': TableKeys.GSI1_PARTITION_KEY,
      '#sk': TableKeys.GSI1_SORT_KEY,
    },
    ExpressionAttributeValues: { ':pk': { S: pk }, ':source': { S: SOURCE_INDEX_SORT_PREFIX } },
  });
  return { document: unmarshall(Item), sources };
};

export type { DocumentWithSources, StoredItem };
export { queryAll, readDocumentWithSources };
