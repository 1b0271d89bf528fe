import { type AttributeValue, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type DocumentRecord, DocumentRecordSchema, ItemKind } from '@doc-ingest/contracts';

interface DocumentPage {
  documents: DocumentRecord[];
  /** Pass back as `startKey` to resume after this page; absent on the last page. */
  nextKey?: Record<string, AttributeValue>;
}

/**
 * Pages through the canonical documents of the table (a filtered Scan), so a
 * long job such as reclassification can stop and resume at a page boundary.
 *
 * @example
 * for await (const page of scanDocuments(dynamodb, table)) handle(page.documents);
 */
async function* scanDocuments(
  client: DynamoDBClient,
  tableName: string,
  startKey?: Record<string, AttributeValue>,
): AsyncGenerator<DocumentPage> {
  let exclusiveStartKey = startKey;
  do {
    const response = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'kind = :kind',
        ExpressionAttributeValues: { ':kind': { S: ItemKind.DOCUMENT } },
        ExclusiveStartKey: exclusiveStartKey,
      }),
    );
    const documents = (response.Items ?? []).map((item) =>
      DocumentRecordSchema.parse(unmarshall(item)),
    );
    exclusiveStartKey = response.LastEvaluatedKey;
    yield exclusiveStartKey === undefined
      ? { documents }
      : { documents, nextKey: exclusiveStartKey };
  } while (exclusiveStartKey !== undefined);
}

export type { DocumentPage };
export { scanDocuments };
