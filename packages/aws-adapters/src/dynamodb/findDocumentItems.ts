import { type AttributeValue, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  type DocumentRecord,
  documentPartitionKey,
  ItemKind,
  SOURCE_INDEX_SORT_PREFIX,
  TableKeys,
} from '@doc-ingest/contracts';

/** The primary key of an item. */
interface ItemKey {
  pk: string;
  sk: string;
}

/** Everything the table holds for one content hash. */
interface DocumentItemSet {
  /** The document item, when it still exists. */
  document?: DocumentRecord;
  /** Its topic-membership items. */
  topics: ItemKey[];
  /** Its source items, deleted or not (found through gsi1). */
  sources: ItemKey[];
}

const queryAll = async (
  client: DynamoDBClient,
  input: ConstructorParameters<typeof QueryCommand>[0],
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const response = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(response.Items ?? []).map((item) => unmarshall(item)));
    startKey = response.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
};

const keyOf = (item: Record<string, unknown>): ItemKey => ({
  pk: String(item.pk),
  sk: String(item.sk),
});

/**
 * The document item of a content hash, its topic items and its source items:
 * one query of its partition and one of gsi1. Near-band items are not here:
 * they are found from the document's fingerprint.
 *
 * @example
 * const { document, topics, sources } = await findDocumentItems(dynamodb, tableName, hash);
 */
const findDocumentItems = async (
  client: DynamoDBClient,
  tableName: string,
  contentHash: string,
): Promise<DocumentItemSet> => {
  const pk = documentPartitionKey(contentHash);
  const [own, sources] = await Promise.all([
    queryAll(client, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: pk } },
      ConsistentRead: true,
    }),
    queryAll(client, {
      TableName: tableName,
      IndexName: TableKeys.GSI1_NAME,
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :sk)',
      ExpressionAttributeValues: { ':pk': { S: pk }, ':sk': { S: SOURCE_INDEX_SORT_PREFIX } },
    }),
  ]);
  const set: DocumentItemSet = {
    topics: own.filter((item) => item.kind === ItemKind.TOPIC).map(keyOf),
    sources: sources.filter((item) => item.kind === ItemKind.SOURCE).map(keyOf),
  };
  const document = own.find((item) => item.kind === ItemKind.DOCUMENT);
  if (document !== undefined) set.document = document as DocumentRecord;
  return set;
};

export type { DocumentItemSet, ItemKey };
export { findDocumentItems };
