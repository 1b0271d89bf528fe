import { type AttributeValue, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type DocumentRecord, DocumentRecordSchema, ItemKind } from '@doc-ingest/contracts';

/**
 * Pages through the documents created or withdrawn between `since` and
 * `until` (ISO timestamps, inclusive): a filtered Scan, since documents carry
 * no index by time.
 *
 * @example
 * for await (const docs of scanDocumentsInWindow(dynamodb, table, since, until)) handle(docs);
 */
async function* scanDocumentsInWindow(
  client: DynamoDBClient,
  tableName: string,
  since: string,
  until: string,
): AsyncGenerator<DocumentRecord[]> {
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const response = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression:
          'kind = :kind AND (createdAt BETWEEN :since AND :until OR withdrawnAt BETWEEN :since AND :until)',
        ExpressionAttributeValues: {
          ':kind': { S: ItemKind.DOCUMENT },
          ':since': { S: since },
          ':until': { S: until },
        },
        ExclusiveStartKey: startKey,
      }),
    );
    yield (response.Items ?? []).map((item) => DocumentRecordSchema.parse(unmarshall(item)));
    startKey = response.LastEvaluatedKey;
  } while (startKey !== undefined);
}

export { scanDocumentsInWindow };
